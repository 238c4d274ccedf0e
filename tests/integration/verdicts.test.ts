import { beforeEach, describe, expect, it } from 'vitest';
import { pgPool, sqliteClient } from '@/db/client';
import { DEFAULT_VERDICTS } from '@/lib/seed/seed';
import type { Actor } from '@/lib/auth/permissions';
import { createClaim } from '@/lib/claims/create-claim';
import { updateClaim } from '@/lib/claims/update-claim';
import { getArticle } from '@/lib/articles/get-article';
import { attachSource } from '@/lib/sources/attach-source';
import { createVerdict } from '@/lib/verdicts/create-verdict';
import { deleteVerdict } from '@/lib/verdicts/delete-verdict';
import { listVerdicts } from '@/lib/verdicts/list-verdicts';
import { reorderVerdicts } from '@/lib/verdicts/reorder-verdicts';
import { updateVerdict } from '@/lib/verdicts/update-verdict';
import { freshDb } from './setup-db';
import { asyncErrorOf } from './app-error';

let actors: { editor: Actor; reviewer: Actor; admin: Actor };

beforeEach(async () => {
  ({ actors } = await freshDb());
});

const code = async (fn: () => Promise<unknown>) => (await asyncErrorOf(fn)).code;

async function claimWithVerdict(verdictId: number, start = 80) {
  const claim = await createClaim({ actor: actors.editor, input: { articleId: 1, start, end: start + 30, type: 'statistic' } });
  return await updateClaim({ actor: actors.editor, id: claim.id, input: { version: claim.version, verdictId } });
}

describe('verdict scale', () => {
  it('lists the seeded default scale in order', async () => {
    expect((await listVerdicts({ actor: actors.editor })).map((v) => v.label)).toEqual(DEFAULT_VERDICTS.map((v) => v.label));
  });

  it('lets admins add, rename, recolour and reorder verdicts', async () => {
    const added = await createVerdict({ actor: actors.admin, input: { label: 'Satire', color: '#8250DF', rating: 1 } });
    expect(added).toMatchObject({ label: 'Satire', color: '#8250df', sort: DEFAULT_VERDICTS.length + 1, retired: false });
    expect(await updateVerdict({ actor: actors.admin, id: added.id, input: { label: 'Parody', color: '#000000' } })).toMatchObject({
      label: 'Parody',
      color: '#000000',
    });
    const ids = (await listVerdicts({ actor: actors.admin })).map((v) => v.id);
    const reordered = await reorderVerdicts({ actor: actors.admin, input: { ids: [added.id, ...ids.filter((id) => id !== added.id)] } });
    expect(reordered[0]).toMatchObject({ id: added.id, label: 'Parody', sort: 1 });
    expect((await listVerdicts({ actor: actors.editor }))[0].label).toBe('Parody');
  });

  it('refuses scale changes by editors and reviewers', async () => {
    for (const actor of [actors.editor, actors.reviewer]) {
      expect(await code(() => createVerdict({ actor, input: { label: 'X', color: '#000000', rating: 1 } }))).toBe('forbidden');
      expect(await code(() => updateVerdict({ actor, id: 1, input: { label: 'X' } }))).toBe('forbidden');
      expect(await code(() => deleteVerdict({ actor, id: 1 }))).toBe('forbidden');
    }
  });

  it('refuses a duplicate label (ignoring case), a bad colour and an incomplete reorder', async () => {
    expect(await code(() => createVerdict({ actor: actors.admin, input: { label: 'false', color: '#000000', rating: 1 } }))).toBe('conflict');
    expect(await code(() => createVerdict({ actor: actors.admin, input: { label: 'New', color: 'red', rating: 1 } }))).toBe('invalid');
    expect(await code(() => reorderVerdicts({ actor: actors.admin, input: { ids: [1, 2] } }))).toBe('invalid');
    expect(await code(() => reorderVerdicts({ actor: actors.admin, input: { ids: [1, 1, 2, 3, 4, 5, 6] } }))).toBe('invalid');
  });

  it('refuses to delete a verdict in use with a message saying to retire it, and deletes an unused one', async () => {
    const [used, unused] = await listVerdicts({ actor: actors.admin });
    await claimWithVerdict(used.id);
    const refused = await asyncErrorOf(() => deleteVerdict({ actor: actors.admin, id: used.id }));
    expect(refused.code).toBe('conflict');
    expect(refused.message).toBe(`"${used.label}" is the verdict of 1 claim and cannot be deleted; retire it to stop its use on new claims.`);
    await deleteVerdict({ actor: actors.admin, id: unused.id });
    expect((await listVerdicts({ actor: actors.admin })).map((v) => v.id)).not.toContain(unused.id);
    expect((await listVerdicts({ actor: actors.admin })).find((v) => v.id === used.id)?.claimCount).toBe(1);
  });

  it('keeps a retired verdict on existing claims but refuses it for new use', async () => {
    const [verdict] = await listVerdicts({ actor: actors.admin });
    const claim = await claimWithVerdict(verdict.id);
    await updateVerdict({ actor: actors.admin, id: verdict.id, input: { retired: true } });
    expect(
      (await updateClaim({ actor: actors.editor, id: claim.id, input: { version: claim.version, rationale: 'Still fine.' } })).verdictLabel,
    ).toBe(verdict.label);
    const other = await createClaim({ actor: actors.editor, input: { articleId: 1, start: 300, end: 330, type: 'statistic' } });
    await expect(updateClaim({ actor: actors.editor, id: other.id, input: { version: other.version, verdictId: verdict.id } })).rejects.toThrow(
      /retired/,
    );
  });

  it('refuses an unknown verdict id on a claim with 400', async () => {
    const claim = await createClaim({ actor: actors.editor, input: { articleId: 1, start: 80, end: 110, type: 'statistic' } });
    expect(await code(() => updateClaim({ actor: actors.editor, id: claim.id, input: { version: claim.version, verdictId: 999 } }))).toBe('invalid');
  });
});

describe('annotate view loading', () => {
  /** Statements sent to the database while `fn` runs: better-sqlite3 prepares each one, node-postgres queries the pool. */
  async function countQueries(fn: () => unknown): Promise<number> {
    let queries = 0;
    const target = (sqliteClient() ?? pgPool()!) as unknown as Record<string, (...args: unknown[]) => unknown>;
    const key = sqliteClient() ? 'prepare' : 'query';
    const original = target[key];
    target[key] = function (this: unknown, ...args: unknown[]) {
      queries++;
      return original.apply(this, args);
    };
    try {
      await fn();
    } finally {
      target[key] = original;
    }
    return queries;
  }

  it('loads an article with its claims, their sources and verdicts in a constant number of queries', async () => {
    const [verdict] = await listVerdicts({ actor: actors.admin });
    const addClaim = async (i: number) => {
      const claim = await claimWithVerdict(verdict.id, 20 + i * 40);
      await attachSource({ actor: actors.editor, claimId: claim.id, input: { url: `https://example.com/${i}`, relation: 'supports' } });
      await attachSource({ actor: actors.editor, claimId: claim.id, input: { url: 'https://example.com/shared', relation: 'context' } });
    };
    await addClaim(0);
    const withOne = await countQueries(() => getArticle({ actor: actors.editor, id: 1 }));
    for (let i = 1; i < 12; i++) await addClaim(i);
    let loaded: Awaited<ReturnType<typeof getArticle>> | undefined;
    const withTwelve = await countQueries(async () => {
      loaded = await getArticle({ actor: actors.editor, id: 1 });
    });
    expect(loaded!.claims).toHaveLength(12);
    expect(loaded!.claims.every((c) => c.sources.length === 2 && c.verdictColor === verdict.color)).toBe(true);
    expect(withTwelve).toBe(withOne);
    // article, claims with verdicts joined, all their sources in one IN query (+ the draft-visibility setting)
    expect(withTwelve).toBeLessThanOrEqual(4);
    expect(await countQueries(() => listVerdicts({ actor: actors.editor }))).toBe(1);
  });
});
