-- 001: base schema
CREATE EXTENSION IF NOT EXISTS pgcrypto;

CREATE TABLE users (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    email         citext NOT NULL UNIQUE,
    password_hash text NOT NULL,
    api_token     text UNIQUE,
    created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE api_keys (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id    uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    prefix     varchar(8) NOT NULL,
    key_hash   char(64) NOT NULL,
    scopes     text[] NOT NULL DEFAULT '{}',
    revoked_at timestamptz
);

COMMENT ON COLUMN api_keys.key_hash IS 'SHA-256 of the secret part; the secret itself is never stored';
CREATE INDEX api_keys_prefix_idx ON api_keys (prefix);
