/**
 * The claim-create baseline: a bare node:http handler doing one better-sqlite3 insert into a scratch
 * database with the app's pragmas and schema (with `run`, so the WAL checkpoints: see app/api/bench-floor).
 * Run as its own process (like `next start`), never shipped in app/.
 * Usage: tsx bench/lib/bare-server.ts <db-file> <port>
 */
import http from 'node:http';
import Database from 'better-sqlite3';

const [file, port] = process.argv.slice(2);
const db = new Database(file);
db.pragma('journal_mode = WAL');
db.pragma('foreign_keys = ON');
db.pragma('busy_timeout = 5000');
db.pragma('synchronous = NORMAL');
const insert = db.prepare(
  `insert into claims (article_id, start, "end", exact, type, claim_text, author_id, updated_at)
   values (@articleId, @start, @end, @exact, @type, @exact, 1, @now)`,
);

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    try {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      const { lastInsertRowid } = insert.run({
        articleId: body.articleId,
        start: body.start,
        end: body.end,
        exact: body.exact ?? '',
        type: body.type,
        now: Date.now(),
      });
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: Number(lastInsertRowid) }));
    } catch (error) {
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'invalid', message: String(error) } }));
    }
  });
});

server.listen(Number(port), '127.0.0.1', () => console.log('ready'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
