-- Prefix indexes for 2-10 characters (were 2-4): a prefix word longer than the longest prefix index makes FTS5 read
-- and merge the whole doclist of every word it expands to before returning a row (official* at 1M claims: ~110 ms);
-- with an index of its length it reads one doclist lazily, newest first, and stops at a page (0.2 ms). Index ~38%
-- larger. 'optimize' merges the rebuilt index into one segment: the board's filter looks up single rows in it
-- (lib/search/claim-text-filter.ts), which took 4x longer across the segments the bulk insert leaves (100k claims).
-- At 1M claims: rebuild 67 s (30 s CPU), optimize 13 s (5.5 s CPU). The triggers of 0001_fts.sql refer to the table
-- by name.
DROP TABLE `claims_fts`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `claims_fts` USING fts5(claim_text, rationale, claimant, article_title, exact, tokenize = "unicode61 remove_diacritics 2 tokenchars '%'", prefix = '2 3 4 5 6 7 8 9 10');
--> statement-breakpoint
INSERT INTO claims_fts(rowid, claim_text, rationale, claimant, article_title, exact)
  SELECT c.id, c.claim_text, c.rationale, c.claimant, a.title, c.exact FROM claims c JOIN articles a ON a.id = c.article_id;
--> statement-breakpoint
INSERT INTO claims_fts(claims_fts) VALUES('optimize');
