-- A token whose authenticator names its own credential (a passkey) is found by a key derived from that credential's
-- id, at most one token per key. Tokens of other types leave it empty. Portable SQL: runs unchanged on H2 2.x and
-- PostgreSQL 13+.

ALTER TABLE cs_token ADD COLUMN credential_key VARCHAR(64);

CREATE UNIQUE INDEX ux_token_credential_key ON cs_token (credential_key);
