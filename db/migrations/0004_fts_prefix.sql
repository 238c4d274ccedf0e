-- Prefix indexes make the search box's prefix queries ("reye"*) cheap; rebuild the index with them.
DROP TABLE `claims_fts`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `claims_fts` USING fts5(claim_text, rationale, claimant, article_title, exact, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4');
--> statement-breakpoint
INSERT INTO claims_fts(rowid, claim_text, rationale, claimant, article_title, exact)
  SELECT c.id, c.claim_text, c.rationale, c.claimant, a.title, c.exact FROM claims c JOIN articles a ON a.id = c.article_id;
