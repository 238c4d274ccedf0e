import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { freshDb } from './setup-db';
import { getArticle } from '@/lib/articles/get-article';
import { createClaim } from '@/lib/claims/create-claim';
import { updateClaim } from '@/lib/claims/update-claim';
import { attachSource } from '@/lib/sources/attach-source';
import { transitionClaim } from '@/lib/review/transition-claim';

const root = path.resolve(__dirname, '../..');
let dbUrl: string;
let verifiedId: number;

beforeAll(async () => {
  const { url, actors } = await freshDb();
  dbUrl = url;
  const { editor, reviewer } = actors;
  const make = async (phrase: string, approve: boolean) => {
    const start = (await getArticle({ actor: editor, id: 1 })).text.indexOf(phrase);
    let c = await createClaim({
      actor: editor,
      input: { articleId: 1, start, end: start + phrase.length, type: 'statistic', claimant: '=Ingrid Valmont' },
    });
    c = await updateClaim({
      actor: editor,
      id: c.id,
      input: { version: c.version, verdictId: 1, rationale: 'Matches the filing, "to the car".', tags: approve ? ['port traffic'] : [] },
    });
    c = (
      await attachSource({ actor: editor, claimId: c.id, input: { url: 'https://port.example/filing', relation: 'supports', version: c.version } })
    ).claim;
    c = await transitionClaim({ actor: editor, id: c.id, input: { action: 'submit', version: c.version } });
    return approve ? await transitionClaim({ actor: reviewer, id: c.id, input: { action: 'approve', version: c.version } }) : c;
  };
  verifiedId = (await make('40,000 vehicles a day', true)).id;
  await make('28,000 vehicles', false);
});

function cli(...args: string[]) {
  return spawnSync(path.join(root, 'node_modules/.bin/tsx'), ['scripts/export.ts', ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: dbUrl, NEXTAUTH_URL: '' },
    encoding: 'utf8',
  });
}

// Each run starts the CLI cold through tsx: seconds each, and many more on a loaded 2-core machine.
describe('npm run export', { timeout: 120_000 }, () => {
  it('writes verified claims as CSV to stdout, acting as the system user', () => {
    const run = cli('--format', 'csv');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const rows = parse(run.stdout, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      claim_id: String(verifiedId),
      claimant: "'=Ingrid Valmont",
      rationale: 'Matches the filing, "to the car".',
      verdict_label: 'True',
    });
    expect(rows[0].claim_url).toBe(`http://localhost:3000/claims/${verifiedId}`);
  });

  it('writes to --out, honours --origin, and lets the system user export every status', () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-cli-')), 'claims.jsonl');
    const run = cli('--format', 'jsonl', '--status', 'all', '--article', '1', '--origin', 'https://desk.example', '--out', out);
    expect(run.status).toBe(0);
    const lines = fs
      .readFileSync(out, 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { status: string; url: string });
    expect(lines.map((l) => l.status)).toEqual(['verified', 'in_review']);
    expect(lines[0].url).toBe(`https://desk.example/claims/${verifiedId}`);
  });

  it('refuses to replace an existing --out file unless --force is given', () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-cli-')), 'claims.json');
    fs.writeFileSync(out, 'yesterday’s export');
    const refused = cli('--format', 'json', '--out', out);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('already exists; pass --force to replace it.');
    expect(fs.readFileSync(out, 'utf8')).toBe('yesterday’s export');
    const forced = cli('--format', 'json', '--out', out, '--force');
    expect(forced.status).toBe(0);
    expect((JSON.parse(fs.readFileSync(out, 'utf8')) as { id: number }[]).map((c) => c.id)).toEqual([verifiedId]);
  });

  it('filters by --tag as the API does', () => {
    const run = cli('--format', 'json', '--status', 'all', '--tag', ' Port  TRAFFIC');
    expect(run.stderr).toBe('');
    expect((JSON.parse(run.stdout) as { id: number; tags: string[] }[]).map((c) => [c.id, c.tags])).toEqual([[verifiedId, ['port traffic']]]);
  });

  it('acts as the user named by --as, with that user’s permissions', () => {
    const run = cli('--format', 'json', '--status', 'in_review', '--as', 'editor@example.com');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Only reviewers and admins may export claims that are not verified.');
    expect(cli('--format', 'json', '--status', 'in_review', '--as', 'REVIEWER@example.com').status).toBe(0);
  });

  it.each([
    [['--format', 'xml'], 'format: Use one of: csv, json, jsonl, claimreview, webannotation.'],
    [[], '--format is required.'],
    [['--format', 'csv', '--bogus'], "Unknown option '--bogus'"],
    [['--format', 'csv', '--from', 'yesterday'], 'from: Use a date in the form YYYY-MM-DD.'],
    [['--format', 'csv', '--article', '999'], 'There is no article with id 999.'],
    [['--format', 'csv', '--tag', ' '], 'tag: A tag needs a character other than white space.'],
    [['--format', 'csv', '--as', 'nobody@example.com'], 'No user with email nobody@example.com.'],
  ])('exits 1 with a message and the usage for %j', (args, message) => {
    const run = cli(...args);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(message);
    expect(run.stderr).toContain('Usage: npm run -s export');
  });
});
