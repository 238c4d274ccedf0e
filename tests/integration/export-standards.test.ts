import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from './setup-db';
import { asyncErrorOf } from './app-error';
import { getArticle } from '@/lib/articles/get-article';
import { createClaim } from '@/lib/claims/create-claim';
import { updateClaim } from '@/lib/claims/update-claim';
import { attachSource } from '@/lib/sources/attach-source';
import { transitionClaim } from '@/lib/review/transition-claim';
import { exportClaims } from '@/lib/export/export-claims';
import { findPublicFactCheck, jsonLdScriptText } from '@/lib/export/public-fact-check';
import { listVerdicts } from '@/lib/verdicts/list-verdicts';
import { updateVerdict } from '@/lib/verdicts/update-verdict';
import { updateSettings } from '@/lib/settings/update-settings';
import { mustViolations } from '../unit/web-annotation-musts';
import { schemaOrgViolations } from '../unit/schema-org-properties';

/** The committed migration whose name ends in `_<name>.sql` (numbers change when branches merge). */
function migrationFile(name: string): string {
  const dir = path.join(__dirname, '../../db/migrations');
  const file = fs.readdirSync(dir).find((f) => f.endsWith(`_${name}.sql`));
  if (!file) throw new Error(`No migration named ${name}`);
  return path.join(dir, file);
}

let actors: Awaited<ReturnType<typeof freshDb>>['actors'];
const ORIGIN = 'https://desk.example';
const verdictId = async (label: string) => (await listVerdicts({ actor: actors.editor })).find((v) => v.label === label)!.id;

beforeEach(async () => {
  ({ actors } = await freshDb());
});

type ClaimOpts = {
  type?: 'statistic' | 'quote';
  claimant?: string;
  claimantKind?: 'person' | 'organization';
  summary?: string;
  verdict?: string;
  urls?: string[];
  verify?: boolean;
};

/** A claim on the sample article with a Markdown rationale and `urls` as sources, approved by the reviewer unless verify is false. */
async function claimOn(phrase: string, opts: ClaimOpts = {}) {
  const { editor, reviewer } = actors;
  const { text } = await getArticle({ actor: editor, id: 1 });
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(`sample article lacks ${phrase}`);
  let claim = await createClaim({
    actor: editor,
    input: { articleId: 1, start, end: start + phrase.length, type: opts.type ?? 'statistic', claimant: opts.claimant ?? '' },
  });
  claim = await updateClaim({
    actor: editor,
    id: claim.id,
    input: {
      version: claim.version,
      verdictId: await verdictId(opts.verdict ?? 'Mostly true'),
      rationale: `The **filing** says so; see [the filing](https://port.example/filing).`,
      ...(opts.claimantKind ? { claimantKind: opts.claimantKind } : {}),
      ...(opts.summary ? { summary: opts.summary } : {}),
    },
  });
  for (const url of opts.urls ?? ['https://port.example/filing']) {
    claim = (await attachSource({ actor: editor, claimId: claim.id, input: { url, relation: 'supports', version: claim.version } })).claim;
  }
  if (opts.verify === false) return claim;
  claim = await transitionClaim({ actor: editor, id: claim.id, input: { action: 'submit', version: claim.version } });
  return await transitionClaim({ actor: reviewer, id: claim.id, input: { action: 'approve', version: claim.version } });
}

/** Verified statistics and quotes, with and without claimants, with one to three sources. */
async function testSet() {
  return [
    await claimOn('40,000 vehicles a day', { urls: ['https://port.example/filing', 'https://stats.example/traffic', 'https://news.example/x'] }),
    await claimOn('28,000 vehicles', { claimant: 'Kestrel port engineers', claimantKind: 'organization' }),
    await claimOn('“This bridge has been patched for twenty years and it cannot be patched any longer,”', {
      type: 'quote',
      claimant: 'Ingrid Valmont',
      claimantKind: 'person',
      summary: 'The bridge cannot be patched any longer',
      urls: ['https://port.example/filing', 'https://archive.example/minutes'],
    }),
    await claimOn('35 percent', { type: 'quote', claimant: 'Tomas Reyes', verdict: 'Unproven' }),
  ];
}

async function run(format: string): Promise<Record<string, unknown>[]> {
  let text = '';
  for await (const chunk of (await exportClaims({ actor: actors.editor, input: { format }, origin: ORIGIN })).chunks) text += chunk;
  return JSON.parse(text);
}

describe('standards conformance of a verified export', () => {
  it('passes the Web Annotation MUST checks on every annotation and carries creator, language and format', async () => {
    await testSet();
    await updateSettings({ actor: actors.admin, input: { contentLanguage: 'en-GB' } });
    const annotations = await run('webannotation');
    expect(annotations).toHaveLength(4);
    for (const a of annotations) {
      expect(mustViolations(a)).toEqual([]);
      expect(a.creator).toEqual({ id: `urn:claimdesk:desk.example:user:${actors.editor.id}`, type: 'Person', name: 'Erin Editor' });
      expect(a.target).toMatchObject({ source: { language: 'en-GB' } });
    }
    const bodies = annotations.flatMap((a) => a.body as Record<string, unknown>[]);
    expect(bodies.filter((b) => b.type === 'SpecificResource')).toHaveLength(7);
    expect(bodies.filter((b) => b.type === 'TextualBody').every((b) => b.language === 'en-GB' && b.format && b.created && b.modified)).toBe(true);
  });

  it('gives every ClaimReview a rating name and a claim author, with schema.org properties only', async () => {
    await testSet();
    const reviews = (await run('claimreview')) as {
      reviewRating: Record<string, unknown>;
      itemReviewed: { author: unknown };
      claimReviewed: string;
      reviewBody: string;
    }[];
    for (const r of reviews) expect(schemaOrgViolations(r)).toEqual([]);
    expect(reviews.map((r) => r.reviewRating.name)).toEqual(['Mostly true', 'Mostly true', 'Mostly true', 'Unproven']);
    expect(reviews.map((r) => r.itemReviewed.author)).toEqual([
      { '@type': 'Organization', name: 'Claimdesk sample' },
      { '@type': 'Organization', name: 'Kestrel port engineers' },
      { '@type': 'Person', name: 'Ingrid Valmont' },
      { '@type': 'Person', name: 'Tomas Reyes' },
    ]);
    expect(reviews[2].claimReviewed).toBe('The bridge cannot be patched any longer');
    expect(reviews[0].reviewBody).toBe('The filing says so; see the filing (https://port.example/filing).');
  });
});

describe('verdict scale order and unrated verdicts', () => {
  it('seeds ratings in the scale’s order with Unproven unrated, and rates within the rated steps only', async () => {
    const scale = await listVerdicts({ actor: actors.editor });
    const rated = scale.filter((v) => !v.unrated);
    expect(rated.map((v) => v.rating)).toEqual([6, 5, 4, 3, 2, 1]);
    expect(scale.filter((v) => v.unrated).map((v) => v.label)).toEqual(['Unproven']);
    await claimOn('40,000 vehicles a day', { verdict: 'False' });
    await claimOn('28,000 vehicles', { verdict: 'Unproven' });
    const [falseReview, unproven] = (await run('claimreview')) as { reviewRating: Record<string, unknown> }[];
    expect(falseReview.reviewRating).toEqual({
      '@type': 'Rating',
      ratingValue: 1,
      bestRating: 6,
      worstRating: 1,
      name: 'False',
      alternateName: 'False',
    });
    expect(unproven.reviewRating).toEqual({ '@type': 'Rating', name: 'Unproven', alternateName: 'Unproven' });
  });

  it('lets admins flag a verdict unrated (and nobody else)', async () => {
    const misleading = await verdictId('Misleading');
    expect((await asyncErrorOf(async () => updateVerdict({ actor: actors.reviewer, id: misleading, input: { unrated: true } }))).code).toBe(
      'forbidden',
    );
    expect((await updateVerdict({ actor: actors.admin, id: misleading, input: { unrated: true } })).unrated).toBe(true);
  });

  it('migrates an untouched old default scale (Unproven 1 below False 2) and leaves an edited one alone', () => {
    const sql = fs.readFileSync(migrationFile('export_standards'), 'utf8');
    const dataStatements = sql.split('--> statement-breakpoint').filter((s) => /^\s*(--.*\n)*\s*UPDATE/i.test(s));
    expect(dataStatements).toHaveLength(2);
    const migrate = (rows: [string, number][]) => {
      const db = new Database(':memory:');
      db.exec('create table verdict_scale (id integer primary key, label text unique, rating integer, unrated integer not null default 0)');
      for (const [label, rating] of rows) db.prepare('insert into verdict_scale (label, rating) values (?, ?)').run(label, rating);
      for (const statement of dataStatements) db.exec(statement);
      // eslint-disable-next-line no-restricted-syntax -- a throwaway in-memory SQLite database running a SQLite migration
      return db.prepare('select label, rating, unrated from verdict_scale order by id').all();
    };
    const OLD: [string, number][] = [
      ['True', 7],
      ['Mostly true', 6],
      ['Half true', 5],
      ['Misleading', 4],
      ['Mostly false', 3],
      ['False', 2],
      ['Unproven', 1],
    ];
    expect(migrate(OLD)).toEqual([
      { label: 'True', rating: 6, unrated: 0 },
      { label: 'Mostly true', rating: 5, unrated: 0 },
      { label: 'Half true', rating: 4, unrated: 0 },
      { label: 'Misleading', rating: 3, unrated: 0 },
      { label: 'Mostly false', rating: 2, unrated: 0 },
      { label: 'False', rating: 1, unrated: 0 },
      { label: 'Unproven', rating: 1, unrated: 1 },
    ]);
    const edited: [string, number][] = [...OLD.slice(0, 5), ['False', 1], ['Unproven', 1]];
    expect(migrate(edited).map((r) => (r as { rating: number }).rating)).toEqual([7, 6, 5, 4, 3, 1, 1]);
  });
});

describe('claim summary and claimant kind', () => {
  it('saves both through updateClaim, records them in the diff, and rejects an unknown kind', async () => {
    const claim = await claimOn('900 workers', { verify: false });
    const updated = await updateClaim({
      actor: actors.editor,
      id: claim.id,
      input: { version: claim.version, summary: 'Up to 900 jobs', claimantKind: 'organization' },
    });
    expect(updated).toMatchObject({ summary: 'Up to 900 jobs', claimantKind: 'organization' });
    expect(
      (
        await asyncErrorOf(async () =>
          updateClaim({ actor: actors.editor, id: claim.id, input: { version: updated.version, claimantKind: 'robot' } }),
        )
      ).code,
    ).toBe('invalid');
    const long = 'x'.repeat(120);
    expect((await updateClaim({ actor: actors.editor, id: claim.id, input: { version: updated.version, summary: long } })).summary).toBe(long);
  });
});

describe('public fact-check pages', () => {
  it('exist only for verified claims when the organisation publishes them', async () => {
    const verified = await claimOn('40,000 vehicles a day');
    const draft = await claimOn('28,000 vehicles', { verify: false });
    expect(await findPublicFactCheck({ id: verified.id, origin: ORIGIN })).toBeNull();
    await updateSettings({ actor: actors.admin, input: { publishFactChecks: true } });
    const page = (await findPublicFactCheck({ id: verified.id, origin: ORIGIN }))!;
    expect(page.claimReview.url).toBe(`${ORIGIN}/fact-checks/${verified.id}`);
    expect(page.claim).not.toHaveProperty('note');
    expect(JSON.stringify(page)).not.toMatch(/@example\.com|Erin Editor|Riley Reviewer/);
    expect(await findPublicFactCheck({ id: draft.id, origin: ORIGIN })).toBeNull();
    expect(await findPublicFactCheck({ id: 9999, origin: ORIGIN })).toBeNull();
    const [review] = (await run('claimreview')) as { url: string }[];
    expect(review.url).toBe(`${ORIGIN}/fact-checks/${verified.id}`);
  });

  it('escapes < in the embedded JSON-LD so a claim cannot close the script element', () => {
    const text = jsonLdScriptText({ claimReviewed: '</script><script>alert(1)</script>' });
    expect(text).not.toContain('<');
    expect(JSON.parse(text)).toEqual({ claimReviewed: '</script><script>alert(1)</script>' });
  });
});
