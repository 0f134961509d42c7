-- Challenges of challenge-response tokens and one-time enrolment sessions of app-registered tokens.
-- Both live only in the database, so that every node sees them and a restart loses none.

CREATE SEQUENCE cs_challenge_seq START WITH 51 INCREMENT BY 50;

CREATE TABLE cs_challenge (
  id              BIGINT       NOT NULL PRIMARY KEY,
  transaction_id  VARCHAR(20)  NOT NULL,
  serial          VARCHAR(40)  NOT NULL,
  token_type      VARCHAR(30)  NOT NULL,
  session_key     VARCHAR(64),
  challenge_data  VARCHAR(255) NOT NULL,
  status          VARCHAR(12)  NOT NULL,
  created_at      TIMESTAMP    NOT NULL,
  expires_at      TIMESTAMP    NOT NULL
);
CREATE INDEX ix_challenge_tx ON cs_challenge (transaction_id);
CREATE INDEX ix_challenge_session ON cs_challenge (session_key);
CREATE INDEX ix_challenge_expiry ON cs_challenge (expires_at);

CREATE TABLE cs_enrolment_session (
  session_hash  VARCHAR(64)  NOT NULL PRIMARY KEY,
  serial        VARCHAR(40)  NOT NULL,
  expires_at    TIMESTAMP    NOT NULL
);
CREATE INDEX ix_enrolment_session_expiry ON cs_enrolment_session (expires_at);
