/**
 * The claim-create framework floor, compiled only into the benchmark build (BENCH_FLOOR_ROUTE=1, see next.config.js):
 * a bare Next.js route handler behind the same proxy as the app that parses the same JSON and does one better-sqlite3
 * insert into the scratch database BENCH_FLOOR_DB. No session, validation, ORM or audit event: what is left is the
 * framework's own cost. It answers 404 unless BENCH_FLOOR_DB is set.
 *
 * `?writes=1` is the writes floor: the same database work as a claim create (the session's user and the article
 * read, then the claim, its audit event and its change-feed row in one BEGIN IMMEDIATE transaction), in hand-written
 * prepared SQL. The app against it is the cost of our code (validation, ORM, services) without the work the design
 * requires.
 *
 * `run`, not `get` on `insert ... returning`: that commits when `get` resets the statement, a path on which SQLite never
 * runs its automatic WAL checkpoint. The floor's WAL grew ~67 KB per insert (235 MB after 3,500), skipping the
 * checkpoints any real server pays for.
 */
import Database from 'better-sqlite3';

type Values = { articleId: number; start: number; end: number; exact: string; type: string; now: number };
type Floor = { insert: Database.Statement<Values>; writes: (values: Values) => number };
let floor: Floor | null = null;

function open(file: string): Floor {
  if (floor) return floor;
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = NORMAL');
  const insert = db.prepare<Values>(
    `insert into claims (article_id, start, "end", exact, type, claim_text, author_id, updated_at)
     values (@articleId, @start, @end, @exact, @type, @exact, 1, @now)`,
  );
  const user = db.prepare('select id, role, name, email from users where id = 1 and disabled = 0');
  const article = db.prepare('select body_text from articles where id = ?');
  const event = db.prepare(`insert into review_events (claim_id, actor_id, action, to_status, comment) values (?, 1, 'created', 'draft', '')`);
  const change = db.prepare(`insert into change_events (type, claim_id, article_id, status, actor_id) values ('claim.created', ?, ?, 'draft', 1)`);
  const writes = db.transaction((values: Values) => {
    // eslint-disable-next-line no-restricted-syntax -- raw better-sqlite3 on purpose: the floor has no ORM and no PostgreSQL
    user.get();
    article.get(values.articleId);
    const claimId = Number(insert.run(values).lastInsertRowid);
    event.run(claimId);
    change.run(claimId, values.articleId);
    return claimId;
  });
  floor = { insert, writes: (values) => writes.immediate(values) };
  return floor;
}

export async function POST(req: Request): Promise<Response> {
  const file = process.env.BENCH_FLOOR_DB;
  if (!file) return new Response(null, { status: 404 });
  try {
    const body = JSON.parse(await req.text());
    const { insert, writes } = open(file);
    const values = { articleId: body.articleId, start: body.start, end: body.end, exact: body.exact ?? '', type: body.type, now: Date.now() };
    const id = new URL(req.url).searchParams.has('writes') ? writes(values) : Number(insert.run(values).lastInsertRowid);
    return Response.json({ id }, { status: 201 });
  } catch (error) {
    return Response.json({ error: { code: 'invalid', message: String(error) } }, { status: 400 });
  }
}
