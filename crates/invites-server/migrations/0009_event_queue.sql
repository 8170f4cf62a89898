-- The webhook dispatcher's queue: one small row per event not yet handed to its endpoints,
-- inserted in the change's transaction beside the event and deleted by the dispatcher.
--
-- Until now `events.dispatched_at` (and its partial index) held that state: marking an event
-- rewrote its whole row (~700 bytes of JSON) and, on PostgreSQL, every index of the table once
-- more. A queue row costs one small insert and one delete. `events_created` goes too: the
-- purge deletes by id, whose first digits are the creation time in milliseconds (see
-- src/events.rs), through the primary key.
CREATE TABLE event_queue (
    created_at BIGINT NOT NULL,
    id TEXT NOT NULL,
    PRIMARY KEY (created_at, id)
);
INSERT INTO event_queue (created_at, id)
SELECT created_at, id FROM events WHERE dispatched_at IS NULL;
DROP INDEX events_undispatched;
DROP INDEX events_created;
ALTER TABLE events DROP COLUMN dispatched_at;
