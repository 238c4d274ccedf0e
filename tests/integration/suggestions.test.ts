import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { auditEvents } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { getArticle } from '@/lib/articles/get-article';
import { createClaim } from '@/lib/claims/create-claim';
import { suggestForArticle, suggestWithPeople, wantsPeople } from '@/lib/suggest/suggest-for-article';
import { dismissSuggestion } from '@/lib/suggest/dismiss-suggestion';
import { AppError } from '@/lib/errors';
import { freshDb } from './setup-db';

let editor: Actor;

beforeEach(async () => {
  ({
    actors: { editor },
  } = await freshDb());
});

describe('suggestForArticle', async () => {
  it('proposes quotes and statistics of the sample article, each an exact slice of its text', async () => {
    const { text } = await getArticle({ actor: editor, id: 1 });
    const suggestions = await suggestForArticle({ actor: editor, articleId: 1 });
    expect(suggestions.map((s) => s.type)).toEqual(expect.arrayContaining(['quote', 'statistic']));
    for (const s of suggestions) expect(text.slice(s.start, s.end)).toBe(s.text);
    const valmont = suggestions.find((s) => s.type === 'quote' && s.text.includes('patched for twenty years'));
    expect(valmont?.speaker).toMatch(/Valmont/);
    // the speaker mention the editor sees highlighted
    expect(text.slice(valmont!.speakerStart!, valmont!.speakerEnd!)).toBe('Ingrid Valmont');
  });

  it('answers the same suggestions with every person the article mentions when asked for people', async () => {
    const { text } = await getArticle({ actor: editor, id: 1 });
    const { items, people } = await suggestWithPeople({ actor: editor, articleId: 1 });
    expect(items).toEqual(await suggestForArticle({ actor: editor, articleId: 1 }));
    expect(people.some((p) => p.name === 'Ingrid Valmont')).toBe(true);
    for (const p of people) expect(p.name).toContain(text.slice(p.start, p.end));
    expect(wantsPeople({ include: 'people' })).toBe(true);
    expect(wantsPeople({})).toBe(false);
    expect(() => wantsPeople({ include: 'everything' })).toThrow(AppError);
  });

  it('leaves out spans that are already claims', async () => {
    const first = (await suggestForArticle({ actor: editor, articleId: 1 }))[0];
    await createClaim({ actor: editor, input: { articleId: 1, start: first.start, end: first.end, type: first.type } });
    const again = await suggestForArticle({ actor: editor, articleId: 1 });
    expect(again.some((s) => s.start === first.start && s.end === first.end)).toBe(false);
  });

  it('remembers dismissed suggestions for the article', async () => {
    const [first, second] = await suggestForArticle({ actor: editor, articleId: 1 });
    await dismissSuggestion({ actor: editor, articleId: 1, input: { start: first.start, end: first.end } });
    await dismissSuggestion({ actor: editor, articleId: 1, input: { start: first.start, end: first.end } }); // twice is harmless
    const again = await suggestForArticle({ actor: editor, articleId: 1 });
    expect(again.some((s) => s.start === first.start && s.end === first.end)).toBe(false);
    expect(again.some((s) => s.start === second.start && s.end === second.end)).toBe(true);
    // The audit trail names who dismissed what, once.
    const events = await getDb().select().from(auditEvents).where(eq(auditEvents.action, 'article.suggestion_dismissed'));
    expect(events).toMatchObject([{ actorId: editor.id, entityType: 'article', entityId: 1 }]);
    expect(events[0].summary).toContain(first.text.slice(0, 40));
  });

  it('refuses unknown articles and spans outside the text', async () => {
    await expect(suggestForArticle({ actor: editor, articleId: 99 })).rejects.toThrow(AppError);
    await expect(dismissSuggestion({ actor: editor, articleId: 1, input: { start: 0, end: 10_000_000 } })).rejects.toThrow(/outside/);
    await expect(dismissSuggestion({ actor: editor, articleId: 1, input: { start: 0 } })).rejects.toThrow(/end/);
  });
});
