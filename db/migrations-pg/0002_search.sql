-- Full-text search on PostgreSQL: the twin of SQLite's claims_fts (db/migrations/0001, 0004, 0011). Like that
-- table it lives outside the drizzle schema (tests/unit/schema-parity.test.ts compares the schemas only).
--
-- Words are split the way SQLite's tokenizer (unicode61 remove_diacritics 2, tokenchars '%') splits them, not by
-- PostgreSQL's parser, which reads "8.000" and "1.3" as one number, "ministry.example.gov" as a host and "50%" as
-- 50: a token is a run of letters, digits and '%', lower-cased, diacritics removed. So "8,000" is 8 000 and "50%"
-- is 50%, and lib/search/fts-query.ts builds one query for both engines ([:alnum:] follows the database's ctype:
-- with a UTF-8 one such as C.UTF-8 or en_US.UTF-8 every script's letters count; under plain C only ASCII ones,
-- which still covers accented Latin text, as accents are stripped first). Each field gets a weight for ranking:
-- A claim text and quoted span, B claimant, C article title, D rationale (see lib/search/search-claims.ts).
CREATE FUNCTION claimdesk_search_words(doc text, weight "char") RETURNS tsvector
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN setweight((
    SELECT coalesce(string_agg('''' || w || ''':' || least(n, 16383), ' '), '')
    FROM regexp_split_to_table(lower(regexp_replace(normalize(doc, NFD), '[\u0300-\u036f]', '', 'g')), '[^[:alnum:]%]+')
      WITH ORDINALITY AS t(w, n)
    WHERE w <> '' AND length(w) <= 200
  )::tsvector, weight);
--> statement-breakpoint
CREATE FUNCTION claimdesk_claim_search(claim_text text, exact text, claimant text, article_title text, rationale text) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN claimdesk_search_words(coalesce(claim_text, ''), 'A') || claimdesk_search_words(coalesce(exact, ''), 'A')
    || claimdesk_search_words(coalesce(claimant, ''), 'B') || claimdesk_search_words(coalesce(article_title, ''), 'C')
    || claimdesk_search_words(coalesce(rationale, ''), 'D');
--> statement-breakpoint
-- Kept by triggers rather than GENERATED: a generated column cannot read the article's title, and the title must be
-- in the same vector, so that "harbor bridge budget" matches a claim about the budget in an article titled "Harbor
-- bridge" through one GIN lookup and one rank (as claims_fts has the title as a column).
ALTER TABLE claims ADD COLUMN search tsvector;
--> statement-breakpoint
CREATE FUNCTION claimdesk_claims_search_fill() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search := claimdesk_claim_search(NEW.claim_text, NEW.exact, NEW.claimant,
    (SELECT title FROM articles WHERE id = NEW.article_id), NEW.rationale);
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER claims_search_fill BEFORE INSERT OR UPDATE OF claim_text, exact, claimant, rationale, article_id ON claims
  FOR EACH ROW EXECUTE FUNCTION claimdesk_claims_search_fill();
--> statement-breakpoint
CREATE FUNCTION claimdesk_article_title_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE claims SET search = claimdesk_claim_search(claim_text, exact, claimant, NEW.title, rationale) WHERE article_id = NEW.id;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER articles_title_search AFTER UPDATE OF title ON articles
  FOR EACH ROW WHEN (OLD.title IS DISTINCT FROM NEW.title) EXECUTE FUNCTION claimdesk_article_title_search();
--> statement-breakpoint
UPDATE claims c SET search = claimdesk_claim_search(c.claim_text, c.exact, c.claimant, a.title, c.rationale)
  FROM articles a WHERE a.id = c.article_id;
--> statement-breakpoint
CREATE INDEX claims_search_idx ON claims USING gin (search);
