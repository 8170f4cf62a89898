-- One-time codes of the invitee's page (`/invite`): an invitee proves an address by typing the
-- six-digit code emailed to it. Only a keyed hash of the code is stored (SHA-256 over a server
-- secret, the row id and the code); `attempts` counts the tries (at most 5, taken one at a time
-- with a conditional UPDATE, so concurrent tries never exceed it); `expires_at` is 10 minutes
-- after `created_at` by default; `used_at` is set once the code accepted the invite. Only the
-- newest row per (invite, address) is ever checked: asking for a new code retires the older ones.
CREATE TABLE join_codes (
    id TEXT PRIMARY KEY,
    invite_id TEXT NOT NULL REFERENCES invites (id),
    email TEXT NOT NULL,
    client TEXT NOT NULL,
    code_hash TEXT NOT NULL,
    attempts BIGINT NOT NULL DEFAULT 0,
    expires_at BIGINT NOT NULL,
    used_at BIGINT,
    created_at BIGINT NOT NULL
);
CREATE INDEX join_codes_address ON join_codes (invite_id, email, created_at);
CREATE INDEX join_codes_email ON join_codes (email, created_at);
