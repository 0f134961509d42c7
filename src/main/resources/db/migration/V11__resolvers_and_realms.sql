-- User resolvers and realms in privacyIDEA's shape, shared by every node. A resolver's configuration is a JSON
-- object of strings without its bind password, which is kept apart, sealed with the master key to the resolver's
-- name. A realm lists its resolvers as comma-separated "name:priority" entries (priority may be empty).
-- cs_directory_state.version grows with every change, so that each node rebuilds its directory connections when
-- another node changed a resolver, by reading one number.

CREATE SEQUENCE cs_resolver_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE cs_resolver (
  id               BIGINT         NOT NULL PRIMARY KEY,
  name             VARCHAR(64)    NOT NULL,
  rtype            VARCHAR(32)    NOT NULL,
  config           VARCHAR(8000)  NOT NULL,
  sealed_password  VARCHAR(1000),
  CONSTRAINT uq_resolver_name UNIQUE (name)
);

CREATE SEQUENCE cs_realm_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE cs_realm (
  id          BIGINT         NOT NULL PRIMARY KEY,
  name        VARCHAR(64)    NOT NULL,
  resolvers   VARCHAR(2000)  NOT NULL,
  is_default  BOOLEAN        NOT NULL,
  CONSTRAINT uq_realm_name UNIQUE (name)
);

CREATE TABLE cs_directory_state (
  id       INTEGER  NOT NULL PRIMARY KEY,
  version  BIGINT   NOT NULL
);
INSERT INTO cs_directory_state (id, version) VALUES (1, 0);
