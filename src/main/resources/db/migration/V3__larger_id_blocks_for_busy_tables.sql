-- Every check writes an audit row and every challenge-response login a challenge row. A node takes ids in
-- blocks, and while one request fetches the next block every other insert on that node waits for it. Blocks of
-- 1000 make that wait twenty times rarer under load; a restart wastes at most one block per node.
-- The entities' allocationSize must equal these increments.

ALTER SEQUENCE cs_audit_seq INCREMENT BY 1000;
ALTER SEQUENCE cs_challenge_seq INCREMENT BY 1000;

-- A node's block is the value it draws and the 999 below it, so the first value drawn after this change must
-- lie at least a full block above every id already used. Drawing one value here ensures that: PostgreSQL then
-- hands out the old value plus 2000 next, H2 (which had computed one more step of 50 in advance) plus 1100,
-- and a fresh database 1051, whose block starts at 52.
SELECT nextval('cs_audit_seq'), nextval('cs_challenge_seq');
