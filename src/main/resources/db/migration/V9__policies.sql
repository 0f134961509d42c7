-- Policies in privacyIDEA's shape. List columns hold comma-separated entries (an entry never contains a comma);
-- actions are a JSON object of strings. cs_policy_state.version grows with every change, so that each node's
-- cache notices a change made on another node by reading one number.

CREATE SEQUENCE cs_policy_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE cs_policy (
  id           BIGINT         NOT NULL PRIMARY KEY,
  name         VARCHAR(64)    NOT NULL,
  scope        VARCHAR(20)    NOT NULL,
  active       BOOLEAN        NOT NULL,
  actions      VARCHAR(4000)  NOT NULL,
  realms       VARCHAR(1000)  NOT NULL,
  resolvers    VARCHAR(1000)  NOT NULL,
  users        VARCHAR(2000)  NOT NULL,
  clients      VARCHAR(2000)  NOT NULL,
  priority     INTEGER        NOT NULL,
  description  VARCHAR(1000),
  CONSTRAINT uq_policy_name UNIQUE (name)
);

CREATE TABLE cs_policy_state (
  id       INTEGER  NOT NULL PRIMARY KEY,
  version  BIGINT   NOT NULL
);
INSERT INTO cs_policy_state (id, version) VALUES (1, 0);
