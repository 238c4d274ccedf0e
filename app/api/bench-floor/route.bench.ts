/**
 * The claim-create framework floor, compiled only into the benchmark build (BENCH_FLOOR_ROUTE=1, see next.config.js):
 * a bare Next.js route handler behind the same proxy as the app that parses the same JSON and does one better-sqlite3
 * insert into the scratch database BENCH_FLOOR_DB. No session, validation, ORM or audit event: what is left is the
 * framework's own cost. It answers 404 unless BENCH_FLOOR_DB is set.
 * `run`, not `get` on `insert ... returning`: that commits when `get` resets the statement, a path on which SQLite never
 * runs its automatic WAL checkpoint. The floor's WAL grew ~67 KB per insert (235 MB after 3,500), skipping the
 * checkpoints any real server pays for.
 */
import Database from 'better-sqlite3';

let insert: Database.Statement | null = null;

function statement(file: string): Database.Statement {
  if (insert) return insert;
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = NORMAL');
  insert = db.prepare(
    `insert into claims (article_id, start, "end", exact, type, claim_text, author_id, updated_at)
     values (@articleId, @start, @end, @exact, @type, @exact, 1, @now)`,
  );
  return insert;
}

export async function POST(req: Request): Promise<Response> {
  const file = process.env.BENCH_FLOOR_DB;
  if (!file) return new Response(null, { status: 404 });
  try {
    const body = JSON.parse(await req.text());
    const { lastInsertRowid } = statement(file).run({
      articleId: body.articleId,
      start: body.start,
      end: body.end,
      exact: body.exact ?? '',
      type: body.type,
      now: Date.now(),
    });
    return Response.json({ id: Number(lastInsertRowid) }, { status: 201 });
  } catch (error) {
    return Response.json({ error: { code: 'invalid', message: String(error) } }, { status: 400 });
  }
}
