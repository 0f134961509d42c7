-- Failed password checks, per account and per client address, shared by every node. The key is a keyed hash of
-- the account or the address, so the table holds no user name and no address. Plain SQL: the same on H2 and
-- PostgreSQL.

CREATE TABLE cs_throttle (
  key_hash      VARCHAR(64)  NOT NULL PRIMARY KEY,
  failures      INTEGER      NOT NULL,
  locked_until  TIMESTAMP,
  last_failure  TIMESTAMP    NOT NULL
);
CREATE INDEX ix_throttle_last_failure ON cs_throttle (last_failure);
