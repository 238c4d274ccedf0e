-- Full-text index over claims, kept in sync by triggers so every write path (services, CLIs, seeds) stays consistent.
CREATE VIRTUAL TABLE `claims_fts` USING fts5(claim_text, rationale, claimant, article_title, exact, tokenize = 'unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE TRIGGER `claims_fts_ai` AFTER INSERT ON `claims` BEGIN
  INSERT INTO claims_fts(rowid, claim_text, rationale, claimant, article_title, exact)
  VALUES (new.id, new.claim_text, new.rationale, new.claimant, (SELECT title FROM articles WHERE id = new.article_id), new.exact);
END;
--> statement-breakpoint
CREATE TRIGGER `claims_fts_au` AFTER UPDATE OF claim_text, rationale, claimant, exact, article_id ON `claims` BEGIN
  DELETE FROM claims_fts WHERE rowid = old.id;
  INSERT INTO claims_fts(rowid, claim_text, rationale, claimant, article_title, exact)
  VALUES (new.id, new.claim_text, new.rationale, new.claimant, (SELECT title FROM articles WHERE id = new.article_id), new.exact);
END;
--> statement-breakpoint
CREATE TRIGGER `claims_fts_ad` AFTER DELETE ON `claims` BEGIN
  DELETE FROM claims_fts WHERE rowid = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER `claims_fts_article_title` AFTER UPDATE OF title ON `articles` BEGIN
  UPDATE claims_fts SET article_title = new.title WHERE rowid IN (SELECT id FROM claims WHERE article_id = new.id);
END;
--> statement-breakpoint
-- The audit trail is append-only: refuse updates and deletes at the database level too.
CREATE TRIGGER `review_events_no_update` BEFORE UPDATE ON `review_events` BEGIN
  SELECT RAISE(ABORT, 'review_events is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `review_events_no_delete` BEFORE DELETE ON `review_events` BEGIN
  SELECT RAISE(ABORT, 'review_events is append-only');
END;
