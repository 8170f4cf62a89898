-- Uses of unlimited invites (max_uses NULL) on PostgreSQL, counted apart from the invite row:
-- every accept of a public link updating the one invite row made those accepts wait for each
-- other's COMMIT. Each database connection adds to a shard of its own; an invite's use_count
-- (and last_used_at) is its row's plus its shards'. Setting max_uses folds the shards back into
-- the row. SQLite never writes here (one writer at a time there anyway).
CREATE TABLE invite_use_shards (
    invite_id TEXT NOT NULL REFERENCES invites (id),
    shard BIGINT NOT NULL,
    uses BIGINT NOT NULL,
    last_used_at BIGINT NOT NULL,
    PRIMARY KEY (invite_id, shard)
);
