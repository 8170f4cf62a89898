-- API keys get an id, a name, a revocation time and a last-use time (recorded at most once every
-- few seconds per replica). Keys made before this migration become `default` keys.
ALTER TABLE api_keys ADD COLUMN id TEXT;
ALTER TABLE api_keys ADD COLUMN name TEXT;
ALTER TABLE api_keys ADD COLUMN last_used_at BIGINT;
ALTER TABLE api_keys ADD COLUMN revoked_at BIGINT;
UPDATE api_keys SET id = 'key_' || substr(key_hash, 1, 24), name = 'default' WHERE id IS NULL;
CREATE UNIQUE INDEX api_keys_id ON api_keys (id);
CREATE INDEX api_keys_organization ON api_keys (organization_id, created_at);
