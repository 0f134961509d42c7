-- Countersign schema, version 1. Portable SQL: runs unchanged on H2 2.x and PostgreSQL 13+.
-- Times are UTC. Sequences start at 51 so that the first block of 50 ids a JPA provider takes is 2..51.

CREATE SEQUENCE cs_token_seq START WITH 51 INCREMENT BY 50;
CREATE SEQUENCE cs_user_seq START WITH 51 INCREMENT BY 50;
CREATE SEQUENCE cs_audit_seq START WITH 51 INCREMENT BY 50;

CREATE TABLE cs_meta (
  name        VARCHAR(64)   NOT NULL PRIMARY KEY,
  meta_value  VARCHAR(1024) NOT NULL
);

CREATE TABLE cs_admin (
  username       VARCHAR(64)  NOT NULL PRIMARY KEY,
  password_hash  VARCHAR(160) NOT NULL,
  created_at     TIMESTAMP    NOT NULL
);

CREATE TABLE cs_user (
  id             BIGINT       NOT NULL PRIMARY KEY,
  realm          VARCHAR(64)  NOT NULL,
  username       VARCHAR(64)  NOT NULL,
  password_hash  VARCHAR(160) NOT NULL,
  given_name     VARCHAR(128),
  surname        VARCHAR(128),
  email          VARCHAR(255),
  created_at     TIMESTAMP    NOT NULL,
  CONSTRAINT uq_user_name UNIQUE (realm, username)
);

CREATE TABLE cs_token (
  id             BIGINT        NOT NULL PRIMARY KEY,
  serial         VARCHAR(40)   NOT NULL,
  token_type     VARCHAR(30)   NOT NULL,
  username       VARCHAR(64),
  realm          VARCHAR(64),
  description    VARCHAR(255),
  active         BOOLEAN       NOT NULL,
  rollout_state  VARCHAR(20)   NOT NULL,
  otp_len        INTEGER       NOT NULL,
  sealed_secret  VARCHAR(1024),
  pin_hash       VARCHAR(128),
  last_counter   BIGINT        NOT NULL,
  fail_count     INTEGER       NOT NULL,
  max_fail       INTEGER       NOT NULL,
  info           VARCHAR(4000) NOT NULL,
  created_at     TIMESTAMP     NOT NULL,
  last_used_at   TIMESTAMP,
  CONSTRAINT uq_token_serial UNIQUE (serial)
);
CREATE INDEX ix_token_owner ON cs_token (realm, username);

CREATE TABLE cs_audit (
  id           BIGINT       NOT NULL PRIMARY KEY,
  at_utc       TIMESTAMP    NOT NULL,
  action       VARCHAR(40)  NOT NULL,
  username     VARCHAR(64),
  realm        VARCHAR(64),
  serial       VARCHAR(40),
  token_type   VARCHAR(30),
  success      BOOLEAN      NOT NULL,
  result       VARCHAR(30),
  client       VARCHAR(64),
  acting_user  VARCHAR(64),
  info         VARCHAR(255)
);
CREATE INDEX ix_audit_at ON cs_audit (at_utc);
CREATE INDEX ix_audit_serial ON cs_audit (serial);
