import { beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from './setup-db';
import { asyncErrorOf } from './app-error';
import { sql, type SQL } from 'drizzle-orm';
import { execute, getDb } from '@/db/client';
import { getArticle } from '@/lib/articles/get-article';
import { createClaim } from '@/lib/claims/create-claim';
import { updateClaim } from '@/lib/claims/update-claim';
import { attachSource } from '@/lib/sources/attach-source';
import { transitionClaim } from '@/lib/review/transition-claim';
import { commentOnClaim } from '@/lib/review/comment-claim';
import { listEvents } from '@/lib/review/list-events';
import { listNeedsChanges } from '@/lib/review/list-needs-changes';
import type { Actor } from '@/lib/auth/permissions';

let actors: Awaited<ReturnType<typeof freshDb>>['actors'];

beforeEach(async () => {
  ({ actors } = await freshDb());
});

/** A draft by `author` on the sample article, made ready to submit (verdict, rationale, one source). */
async function readyClaim(author: Actor, phrase = '40,000 vehicles a day') {
  const text = (await getArticle({ actor: author, id: 1 })).text;
  const start = text.indexOf(phrase);
  const claim = await createClaim({
    actor: author,
    input: { articleId: 1, start, end: start + phrase.length, type: 'statistic', claimant: 'Port authority' },
  });
  const edited = await updateClaim({
    actor: author,
    id: claim.id,
    input: { version: claim.version, verdictId: 2, rationale: 'Traffic model in the filing.' },
  });
  const linked = await attachSource({
    actor: author,
    claimId: claim.id,
    input: { url: 'https://example.org/filing', relation: 'supports', version: edited.version },
  });
  return linked.claim;
}

describe('transitionClaim', () => {
  it('runs the full lifecycle draft -> in_review -> needs_changes -> in_review -> verified -> in_review -> rejected with its audit trail', async () => {
    const { editor, reviewer, admin } = actors;
    let claim = await readyClaim(editor);
    claim = await transitionClaim({ actor: editor, id: claim.id, input: { action: 'submit', version: claim.version } });
    expect(claim.status).toBe('in_review');
    claim = await transitionClaim({
      actor: reviewer,
      id: claim.id,
      input: { action: 'request_changes', comment: 'Cite the ministry too.', version: claim.version },
    });
    expect(claim).toMatchObject({ status: 'needs_changes', reviewerId: reviewer.id });
    expect((await listNeedsChanges({ actor: editor })).map((c) => [c.id, c.request?.comment, c.request?.reviewerName])).toEqual([
      [claim.id, 'Cite the ministry too.', reviewer.name],
    ]);
    claim = await updateClaim({ actor: editor, id: claim.id, input: { version: claim.version, rationale: 'Filing and ministry statement.' } });
    expect(claim.status).toBe('needs_changes');
    claim = await transitionClaim({ actor: editor, id: claim.id, input: { action: 'submit', version: claim.version } });
    claim = await transitionClaim({ actor: reviewer, id: claim.id, input: { action: 'approve', version: claim.version } });
    expect(claim).toMatchObject({ status: 'verified', reviewerName: reviewer.name });
    expect(claim.reviewedAt).toBeInstanceOf(Date);
    expect(await listNeedsChanges({ actor: editor })).toEqual([]);
    claim = await transitionClaim({
      actor: admin,
      id: claim.id,
      input: { action: 'reopen', comment: 'New figures published.', version: claim.version },
    });
    claim = await transitionClaim({
      actor: admin,
      id: claim.id,
      input: { action: 'reject', comment: 'The new figures contradict it.', version: claim.version },
    });
    expect(claim.status).toBe('rejected');
    await commentOnClaim({ actor: editor, id: claim.id, input: { comment: 'Agreed.' } });

    const events = await listEvents({ actor: editor, id: claim.id });
    expect(events.map((e) => [e.action, e.fromStatus, e.toStatus, e.actorName])).toEqual([
      ['created', null, 'draft', editor.name],
      ['edited', 'draft', 'draft', editor.name],
      ['edited', 'draft', 'draft', editor.name],
      ['submitted', 'draft', 'in_review', editor.name],
      ['changes_requested', 'in_review', 'needs_changes', reviewer.name],
      ['edited', 'needs_changes', 'needs_changes', editor.name],
      ['submitted', 'needs_changes', 'in_review', editor.name],
      ['approved', 'in_review', 'verified', reviewer.name],
      ['reopened', 'verified', 'in_review', admin.name],
      ['rejected', 'in_review', 'rejected', admin.name],
      ['commented', 'rejected', 'rejected', editor.name],
    ]);
    expect(events[4].comment).toBe('Cite the ministry too.');
    expect(events[5].diff).toEqual({ rationale: { from: 'Traffic model in the filing.', to: 'Filing and ministry statement.' } });
    expect(events[2].diff).toEqual({ sources: { added: ['https://example.org/filing'], removed: [] } });
    expect(claim.version).toBe(10); // comments do not bump the version: they do not change the claim
  });

  it('refuses a reviewer approving or rejecting their own claim with 403', async () => {
    const { reviewer } = actors;
    let claim = await readyClaim(reviewer);
    claim = await transitionClaim({ actor: reviewer, id: claim.id, input: { action: 'submit', version: claim.version } });
    for (const input of [{ action: 'approve' }, { action: 'reject', comment: 'No.' }, { action: 'request_changes', comment: 'Hm.' }]) {
      const error = await asyncErrorOf(() => transitionClaim({ actor: reviewer, id: claim.id, input: { ...input, version: claim.version } }));
      expect(error.code).toBe('forbidden');
      expect(error.message).toMatch(/own claim/);
    }
    expect((await listEvents({ actor: reviewer, id: claim.id })).at(-1)!.action).toBe('submitted');
  });

  it('refuses an editor deciding on a claim', async () => {
    const claim = await readyClaim(actors.reviewer);
    const submitted = await transitionClaim({ actor: actors.reviewer, id: claim.id, input: { action: 'submit', version: claim.version } });
    expect(
      (await asyncErrorOf(() => transitionClaim({ actor: actors.editor, id: claim.id, input: { action: 'approve', version: submitted.version } })))
        .code,
    ).toBe('forbidden');
  });

  it('requires a comment to request changes or reject', async () => {
    let claim = await readyClaim(actors.editor);
    claim = await transitionClaim({ actor: actors.editor, id: claim.id, input: { action: 'submit', version: claim.version } });
    const error = await asyncErrorOf(() =>
      transitionClaim({ actor: actors.reviewer, id: claim.id, input: { action: 'reject', comment: '  ', version: claim.version } }),
    );
    expect(error.code).toBe('invalid');
    expect(error.fields).toEqual({ comment: 'Required.' });
  });

  it('refuses to submit a claim without verdict, rationale and source, naming what is missing', async () => {
    const text = (await getArticle({ actor: actors.editor, id: 1 })).text;
    const start = text.indexOf('1968');
    const claim = await createClaim({ actor: actors.editor, input: { articleId: 1, start, end: start + 4, type: 'event' } });
    const error = await asyncErrorOf(() =>
      transitionClaim({ actor: actors.editor, id: claim.id, input: { action: 'submit', version: claim.version } }),
    );
    expect(error.code).toBe('invalid');
    expect(error.message).toBe('Add a verdict, a rationale, at least one source before submitting.');
  });

  it('answers a stale version with 409 naming who changed the claim', async () => {
    let claim = await readyClaim(actors.editor);
    claim = await transitionClaim({ actor: actors.editor, id: claim.id, input: { action: 'submit', version: claim.version } });
    await transitionClaim({ actor: actors.reviewer, id: claim.id, input: { action: 'approve', version: claim.version } });
    const error = await asyncErrorOf(() =>
      transitionClaim({ actor: actors.admin, id: claim.id, input: { action: 'reject', comment: 'No.', version: claim.version } }),
    );
    expect(error.code).toBe('conflict');
    expect(error.message).toContain(`changed by ${actors.reviewer.name}`);
  });

  it('sends a verified claim back to review when its text is edited, recording the diff', async () => {
    let claim = await readyClaim(actors.editor);
    claim = await transitionClaim({ actor: actors.editor, id: claim.id, input: { action: 'submit', version: claim.version } });
    claim = await transitionClaim({ actor: actors.reviewer, id: claim.id, input: { action: 'approve', version: claim.version } });
    claim = await updateClaim({ actor: actors.editor, id: claim.id, input: { version: claim.version, claimText: 'About 40,000 vehicles a day.' } });
    expect(claim.status).toBe('in_review');
    const last = (await listEvents({ actor: actors.editor, id: claim.id })).at(-1)!;
    expect(last).toMatchObject({ action: 'edited', fromStatus: 'verified', toStatus: 'in_review' });
    expect(last.diff).toEqual({ claimText: { from: '40,000 vehicles a day', to: 'About 40,000 vehicles a day.' } });
  });

  it('keeps the audit trail append-only at the database level', async () => {
    const claim = await readyClaim(actors.editor);
    // The driver's message (drizzle wraps it as the cause), from SQLite's trigger or PostgreSQL's.
    const failure = (query: SQL) =>
      execute(getDb(), query).then(
        () => 'no error',
        (e: Error) => String((e.cause as Error | undefined)?.message ?? e.message),
      );
    expect(await failure(sql`update review_events set comment = 'forged' where claim_id = ${claim.id}`)).toMatch(/append-only/);
    expect(await failure(sql`delete from review_events where claim_id = ${claim.id}`)).toMatch(/append-only/);
    expect(await listEvents({ actor: actors.editor, id: claim.id })).toHaveLength(3);
  });
});
