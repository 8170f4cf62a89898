-- The email outbox: one row per invitation email, written in the transaction of the change that
-- asks for it. `payload` holds what the email needs (the invite link among it), sealed under a key
-- derived from the admin token, and is wiped once the email is sent or has failed for good.
-- `claim` names the worker's attempt that holds the row until `next_attempt_at` (a lease).
CREATE TABLE email_outbox (
    id TEXT PRIMARY KEY,
    organization_id TEXT NOT NULL,
    invite_id TEXT NOT NULL,
    email TEXT NOT NULL,
    status TEXT NOT NULL,
    attempts BIGINT NOT NULL DEFAULT 0,
    last_error TEXT,
    payload TEXT,
    claim TEXT,
    next_attempt_at BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    sent_at BIGINT
);
CREATE INDEX email_outbox_due ON email_outbox (next_attempt_at) WHERE status = 'queued';
CREATE INDEX email_outbox_invite ON email_outbox (invite_id, created_at);
