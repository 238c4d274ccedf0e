-- '%' is part of a token, so "50%" is indexed as 50% and a search for "50 percent" can tell it from "50 tanks"
-- (numbers are normalised in the query, lib/search/fts-query.ts). Rebuild the index with the new tokenizer.
DROP TABLE `claims_fts`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `claims_fts` USING fts5(claim_text, rationale, claimant, article_title, exact, tokenize = "unicode61 remove_diacritics 2 tokenchars '%'", prefix = '2 3 4');
--> statement-breakpoint
INSERT INTO claims_fts(rowid, claim_text, rationale, claimant, article_title, exact)
  SELECT c.id, c.claim_text, c.rationale, c.claimant, a.title, c.exact FROM claims c JOIN articles a ON a.id = c.article_id;
