-- Portable schema: the same SQL runs on SQLite and PostgreSQL. Timestamps are epoch
-- milliseconds, booleans are 0/1 integers, lists and maps are JSON text.

CREATE TABLE settings (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE organizations (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    roles TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    -- bumped to serialize invite creation per organization (a portable row lock)
    lock_seq BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE api_keys (
    key_hash TEXT PRIMARY KEY,
    organization_id TEXT NOT NULL REFERENCES organizations (id),
    created_at BIGINT NOT NULL
);

CREATE TABLE invites (
    id TEXT PRIMARY KEY,
    organization_id TEXT NOT NULL REFERENCES organizations (id),
    code_hash TEXT NOT NULL UNIQUE,
    name TEXT,
    description TEXT,
    message TEXT,
    emails TEXT NOT NULL,
    roles TEXT NOT NULL,
    teams TEXT NOT NULL,
    metadata TEXT NOT NULL,
    expires_at BIGINT,
    max_uses BIGINT,
    use_count BIGINT NOT NULL DEFAULT 0,
    enabled BIGINT NOT NULL,
    revoked_at BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    last_used_at BIGINT
);
CREATE INDEX invites_org_created ON invites (organization_id, created_at DESC, id DESC);

CREATE TABLE invite_emails (
    invite_id TEXT NOT NULL REFERENCES invites (id),
    organization_id TEXT NOT NULL,
    email TEXT NOT NULL,
    is_domain BIGINT NOT NULL,
    PRIMARY KEY (invite_id, email)
);
CREATE INDEX invite_emails_org_email ON invite_emails (organization_id, email);

CREATE TABLE members (
    id TEXT PRIMARY KEY,
    organization_id TEXT NOT NULL REFERENCES organizations (id),
    email TEXT NOT NULL,
    user_id TEXT,
    roles TEXT NOT NULL,
    teams TEXT NOT NULL,
    invite_id TEXT,
    created_at BIGINT NOT NULL,
    UNIQUE (organization_id, email)
);
CREATE INDEX members_org_created ON members (organization_id, created_at DESC, id DESC);

CREATE TABLE redemptions (
    id TEXT PRIMARY KEY,
    organization_id TEXT NOT NULL,
    invite_id TEXT NOT NULL,
    member_id TEXT NOT NULL,
    email TEXT NOT NULL,
    user_id TEXT,
    created_at BIGINT NOT NULL
);
CREATE INDEX redemptions_invite_created ON redemptions (invite_id, created_at DESC, id DESC);

CREATE TABLE idempotency_keys (
    scope TEXT NOT NULL,
    idem_key TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    status BIGINT NOT NULL,
    body TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (scope, idem_key)
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
