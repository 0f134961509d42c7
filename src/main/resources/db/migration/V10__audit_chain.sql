-- The tamper-evident audit trail. Each node, at each start, opens a segment of the chain; each audit row then
-- carries its segment, its place in it and its link: an HMAC over its content and the previous row's link,
-- under a key derived from the key file. The segment row holds its own seal, where the retention purge left it
-- and the last checkpoint of its head, each sealed under the same key.
ALTER TABLE cs_audit ADD COLUMN segment_id BIGINT;
ALTER TABLE cs_audit ADD COLUMN seq BIGINT;
ALTER TABLE cs_audit ADD COLUMN chain_hash VARCHAR(64);
CREATE UNIQUE INDEX ux_audit_chain ON cs_audit (segment_id, seq);

CREATE SEQUENCE cs_audit_segment_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE cs_audit_segment (
  id               BIGINT       NOT NULL PRIMARY KEY,
  node             VARCHAR(64)  NOT NULL,
  started_utc      TIMESTAMP    NOT NULL,
  previous_id      BIGINT       NOT NULL,
  seal             VARCHAR(64),
  legacy_max_id    BIGINT       NOT NULL,
  purged_seq       BIGINT       NOT NULL,
  purged_hash      VARCHAR(64),
  purge_seal       VARCHAR(64),
  checkpoint_seq   BIGINT       NOT NULL,
  checkpoint_hash  VARCHAR(64),
  checkpoint_utc   TIMESTAMP,
  checkpoint_seal  VARCHAR(64)
);

-- Segment 0 records the rows written before the chain existed: they are reported as unchained, never as
-- verified. The first start seals this bound (the migration has no key); rows above it without a segment are
-- tampering.
INSERT INTO cs_audit_segment (id, node, started_utc, previous_id, legacy_max_id, purged_seq, checkpoint_seq)
  SELECT 0, 'legacy', CURRENT_TIMESTAMP, 0, COALESCE(MAX(id), 0), 0, 0 FROM cs_audit;
