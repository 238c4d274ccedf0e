import { beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
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
import { errorOf } from './app-error';

let actors: { editor: Actor; reviewer: Actor; admin: Actor };

beforeEach(async () => {
  ({ actors } = await freshDb());
});

const code = (fn: () => unknown) => errorOf(fn).code;

function claimWithVerdict(verdictId: number, start = 80) {
  const claim = createClaim({ actor: actors.editor, input: { articleId: 1, start, end: start + 30, type: 'statistic' } });
  return updateClaim({ actor: actors.editor, id: claim.id, input: { version: claim.version, verdictId } });
}

describe('verdict scale', () => {
  it('lists the seeded default scale in order', () => {
    expect(listVerdicts({ actor: actors.editor }).map((v) => v.label)).toEqual(DEFAULT_VERDICTS.map((v) => v.label));
  });

  it('lets admins add, rename, recolour and reorder verdicts', () => {
    const added = createVerdict({ actor: actors.admin, input: { label: 'Satire', color: '#8250DF', rating: 1 } });
    expect(added).toMatchObject({ label: 'Satire', color: '#8250df', sort: DEFAULT_VERDICTS.length + 1, retired: false });
    expect(updateVerdict({ actor: actors.admin, id: added.id, input: { label: 'Parody', color: '#000000' } })).toMatchObject({ label: 'Parody', color: '#000000' });
    const ids = listVerdicts({ actor: actors.admin }).map((v) => v.id);
    const reordered = reorderVerdicts({ actor: actors.admin, input: { ids: [added.id, ...ids.filter((id) => id !== added.id)] } });
    expect(reordered[0]).toMatchObject({ id: added.id, label: 'Parody', sort: 1 });
    expect(listVerdicts({ actor: actors.editor })[0].label).toBe('Parody');
  });

  it('refuses scale changes by editors and reviewers', () => {
    for (const actor of [actors.editor, actors.reviewer]) {
      expect(code(() => createVerdict({ actor, input: { label: 'X', color: '#000000', rating: 1 } }))).toBe('forbidden');
      expect(code(() => updateVerdict({ actor, id: 1, input: { label: 'X' } }))).toBe('forbidden');
      expect(code(() => deleteVerdict({ actor, id: 1 }))).toBe('forbidden');
    }
  });

  it('refuses a duplicate label (ignoring case), a bad colour and an incomplete reorder', () => {
    expect(code(() => createVerdict({ actor: actors.admin, input: { label: 'false', color: '#000000', rating: 1 } }))).toBe('conflict');
    expect(code(() => createVerdict({ actor: actors.admin, input: { label: 'New', color: 'red', rating: 1 } }))).toBe('invalid');
    expect(code(() => reorderVerdicts({ actor: actors.admin, input: { ids: [1, 2] } }))).toBe('invalid');
    expect(code(() => reorderVerdicts({ actor: actors.admin, input: { ids: [1, 1, 2, 3, 4, 5, 6] } }))).toBe('invalid');
  });

  it('refuses to delete a verdict in use with a message saying to retire it, and deletes an unused one', () => {
    const [used, unused] = listVerdicts({ actor: actors.admin });
    claimWithVerdict(used.id);
    const refused = errorOf(() => deleteVerdict({ actor: actors.admin, id: used.id }));
    expect(refused.code).toBe('conflict');
    expect(refused.message).toBe(`"${used.label}" is the verdict of 1 claim and cannot be deleted; retire it to stop its use on new claims.`);
    deleteVerdict({ actor: actors.admin, id: unused.id });
    expect(listVerdicts({ actor: actors.admin }).map((v) => v.id)).not.toContain(unused.id);
    expect(listVerdicts({ actor: actors.admin }).find((v) => v.id === used.id)?.claimCount).toBe(1);
  });

  it('keeps a retired verdict on existing claims but refuses it for new use', () => {
    const [verdict] = listVerdicts({ actor: actors.admin });
    const claim = claimWithVerdict(verdict.id);
    updateVerdict({ actor: actors.admin, id: verdict.id, input: { retired: true } });
    expect(updateClaim({ actor: actors.editor, id: claim.id, input: { version: claim.version, rationale: 'Still fine.' } }).verdictLabel).toBe(verdict.label);
    const other = createClaim({ actor: actors.editor, input: { articleId: 1, start: 300, end: 330, type: 'statistic' } });
    expect(() => updateClaim({ actor: actors.editor, id: other.id, input: { version: other.version, verdictId: verdict.id } })).toThrow(/retired/);
  });

  it('refuses an unknown verdict id on a claim with 400', () => {
    const claim = createClaim({ actor: actors.editor, input: { articleId: 1, start: 80, end: 110, type: 'statistic' } });
    expect(code(() => updateClaim({ actor: actors.editor, id: claim.id, input: { version: claim.version, verdictId: 999 } }))).toBe('invalid');
  });
});

describe('annotate view loading', () => {
  function countQueries(fn: () => void): number {
    const client = getDb().$client;
    const prepare = client.prepare.bind(client);
    let queries = 0;
    client.prepare = ((sql: string) => {
      queries++;
      return prepare(sql);
    }) as typeof client.prepare;
    try {
      fn();
    } finally {
      client.prepare = prepare;
    }
    return queries;
  }

  it('loads an article with its claims, their sources and verdicts in a constant number of queries', () => {
    const [verdict] = listVerdicts({ actor: actors.admin });
    const addClaim = (i: number) => {
      const claim = claimWithVerdict(verdict.id, 20 + i * 40);
      attachSource({ actor: actors.editor, claimId: claim.id, input: { url: `https://example.com/${i}`, relation: 'supports' } });
      attachSource({ actor: actors.editor, claimId: claim.id, input: { url: 'https://example.com/shared', relation: 'context' } });
    };
    addClaim(0);
    const withOne = countQueries(() => getArticle({ actor: actors.editor, id: 1 }));
    for (let i = 1; i < 12; i++) addClaim(i);
    let loaded: ReturnType<typeof getArticle> | undefined;
    const withTwelve = countQueries(() => {
      loaded = getArticle({ actor: actors.editor, id: 1 });
    });
    expect(loaded!.claims).toHaveLength(12);
    expect(loaded!.claims.every((c) => c.sources.length === 2 && c.verdictColor === verdict.color)).toBe(true);
    expect(withTwelve).toBe(withOne);
    // article, claims with verdicts joined, all their sources in one IN query (+ the draft-visibility setting)
    expect(withTwelve).toBeLessThanOrEqual(4);
    expect(countQueries(() => listVerdicts({ actor: actors.editor }))).toBe(1);
  });
});
