-- A token remembers when its last failure happened: a locked token takes attempts again once the configured
-- time has passed since then, and the delay between attempts after repeated failures is measured from it.
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 13+.

ALTER TABLE cs_token ADD COLUMN last_fail_at TIMESTAMP;

-- When the failures of older rows happened is unknown; they count as long past, so that a token locked before
-- this version takes attempts again (unless the lock is one that only an admin clears).
UPDATE cs_token SET last_fail_at = created_at WHERE fail_count > 0;
