-- A challenge now says what it was opened for: a check of the second factor by a backend ('check'), or the
-- second step of a sign-in to the API or the pages ('signin'). A transaction of one purpose cannot be finished
-- through the other, so a challenge opened with a PIN alone never completes a password sign-in.

ALTER TABLE cs_challenge ADD COLUMN purpose VARCHAR(10) DEFAULT 'check' NOT NULL;
