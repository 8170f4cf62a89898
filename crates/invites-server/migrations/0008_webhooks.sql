-- Webhooks: endpoints, the deliveries queued for them, and the log of every attempt.
--
-- `events` (0006) is the outbox: a dispatcher (src/webhooks/dispatch.rs) takes the events not
-- yet dispatched (`dispatched_at IS NULL`) in order, inserts one `webhook_deliveries` row per
-- enabled endpoint of the organization that wants the type, and sets `dispatched_at`, in one
-- transaction. A worker claims an endpoint at a time (a lease in `claim` / `lease_until`, taken
-- with FOR UPDATE SKIP LOCKED on PostgreSQL), sends its pending deliveries in event order, and
-- records each attempt in `webhook_attempts`. `retry_at` holds the endpoint back until its
-- oldest pending delivery may be tried again, so later events never overtake it.
--
-- `secret` and `previous_secret` are sealed under the server key (--secret-key): the database
-- never holds a signing secret in clear. `previous_secret` keeps signing beside the new one
-- until `previous_expires_at` (24 hours after a rotation).
CREATE TABLE webhook_endpoints (
    id TEXT PRIMARY KEY,
    organization_id TEXT NOT NULL,
    url TEXT NOT NULL,
    description TEXT,
    event_types TEXT NOT NULL,
    enabled BIGINT NOT NULL,
    disabled_reason TEXT,
    secret TEXT NOT NULL,
    previous_secret TEXT,
    previous_expires_at BIGINT,
    failing_since BIGINT,
    retry_at BIGINT NOT NULL DEFAULT 0,
    claim TEXT,
    lease_until BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX webhook_endpoints_organization ON webhook_endpoints (organization_id, created_at, id);

-- One row per (event, endpoint) still to deliver; removed once delivered or failed for good.
CREATE TABLE webhook_deliveries (
    endpoint_id TEXT NOT NULL,
    event_created_at BIGINT NOT NULL,
    event_id TEXT NOT NULL,
    attempts BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (endpoint_id, event_created_at, event_id)
);

-- One row per attempt: what `listWebhookDeliveries` shows.
CREATE TABLE webhook_attempts (
    id TEXT PRIMARY KEY,
    endpoint_id TEXT NOT NULL,
    event_id TEXT NOT NULL,
    event_type TEXT NOT NULL,
    attempt BIGINT NOT NULL,
    status_code BIGINT,
    error TEXT,
    duration_ms BIGINT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX webhook_attempts_endpoint ON webhook_attempts (endpoint_id, created_at, id);
CREATE INDEX webhook_attempts_created ON webhook_attempts (created_at);

-- The dispatcher's queue: events not yet handed to their endpoints.
CREATE INDEX events_undispatched ON events (created_at, id) WHERE dispatched_at IS NULL;
-- Events written before webhooks existed have no endpoint to reach.
UPDATE events SET dispatched_at = created_at WHERE dispatched_at IS NULL;
