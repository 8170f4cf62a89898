-- The audit log: one row per change, inserted in the transaction of the change itself (see
-- src/events.rs), so an event exists exactly when its change committed. `data` is JSON text
-- (the changed object as the API shows it, never a code, link or secret); `actor_type` is
-- `api_key`, `admin` or `system`, `actor_id` the key's id (or the system part's name).
--
-- The table is also the outbox of the webhook deliveries to come, the way `email_outbox` is
-- the outbox of emails: `dispatched_at` stays NULL until a dispatcher has handed the event to
-- every endpoint that wants it (claiming undispatched rows with FOR UPDATE SKIP LOCKED on
-- PostgreSQL, the writer turn on SQLite, as the email worker claims its rows), and ids are
-- time-ordered (`evt_` + 12 hex digits of epoch ms + a sequence within it + random), so
-- (created_at, id) is the order in which a replica wrote them, a batch's events included.
-- Rows older than --event-retention-days are purged.
CREATE TABLE events (
    id TEXT PRIMARY KEY,
    organization_id TEXT NOT NULL,
    type TEXT NOT NULL,
    actor_type TEXT NOT NULL,
    actor_id TEXT,
    data TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    dispatched_at BIGINT
);
CREATE INDEX events_organization ON events (organization_id, created_at, id);
CREATE INDEX events_organization_type ON events (organization_id, type, created_at, id);
CREATE INDEX events_created ON events (created_at);
