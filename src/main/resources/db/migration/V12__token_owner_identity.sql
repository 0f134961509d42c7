-- A token of a directory user also names its owner by the resolver and the directory's stable id, so that the
-- token follows the user when the directory renames them. Tokens of built-in users and unassigned tokens leave
-- both empty. Portable SQL: runs unchanged on H2 2.x and PostgreSQL 13+.

ALTER TABLE cs_token ADD COLUMN owner_resolver VARCHAR(64);
ALTER TABLE cs_token ADD COLUMN owner_uid VARCHAR(255);

CREATE INDEX ix_token_owner_identity ON cs_token (owner_resolver, owner_uid);
