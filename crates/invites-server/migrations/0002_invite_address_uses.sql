-- Each exact address of an invite is admitted once (removing the member does not give the
-- address its place back): one row per address that used its place.
CREATE TABLE invite_address_uses (
    invite_id TEXT NOT NULL REFERENCES invites (id),
    email TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (invite_id, email)
);

-- The places already used, from the redemptions of exact addresses.
INSERT INTO invite_address_uses (invite_id, email, created_at)
SELECT r.invite_id, r.email, MIN(r.created_at)
FROM redemptions r
JOIN invite_emails e ON e.invite_id = r.invite_id AND e.email = r.email AND e.is_domain = 0
GROUP BY r.invite_id, r.email;
