import { beforeAll, describe, expect, it } from 'vitest';
import { freshDb } from './setup-db';
import { AppError } from '@/lib/errors';
import { CLAIM_STATUSES, type ClaimStatus } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import type { ClaimAbilities } from '@/lib/claims/claim-abilities';
import type { ClaimView } from '@/lib/claims/claim-view';
import { getArticle } from '@/lib/articles/get-article';
import { createClaim } from '@/lib/claims/create-claim';
import { deleteClaim } from '@/lib/claims/delete-claim';
import { getClaim } from '@/lib/claims/get-claim';
import { updateClaim } from '@/lib/claims/update-claim';
import { linkClaims } from '@/lib/matching/link-claims';
import { reuseVerdict } from '@/lib/matching/reuse-verdict';
import { commentOnClaim } from '@/lib/review/comment-claim';
import { transitionClaim } from '@/lib/review/transition-claim';
import { attachSource } from '@/lib/sources/attach-source';

/*
 * `claim.can` is what the UI offers; the services are what the desk allows. For every role, every author and every
 * status, each ability is tried for real on a fresh claim: it must succeed exactly when `can` says so. The calls
 * are awaited so the test keeps working when the services become async.
 */

type Actors = Awaited<ReturnType<typeof freshDb>>['actors'];
let actors: Actors;
/** A verified claim whose verdict the probes reuse and link to. */
let verified: ClaimView;
let urls = 0;

beforeAll(async () => {
  ({ actors } = await freshDb());
  verified = await claimAt('verified', actors.editor);
});

/** A draft by `author` with what submitting needs (verdict, rationale, one source). */
async function readyClaim(author: Actor): Promise<ClaimView> {
  const phrase = '40,000 vehicles a day';
  const start = (await getArticle({ actor: author, id: 1 })).text.indexOf(phrase);
  const claim = await createClaim({ actor: author, input: { articleId: 1, start, end: start + phrase.length, type: 'statistic' } });
  const edited = await updateClaim({ actor: author, id: claim.id, input: { version: claim.version, verdictId: 2, rationale: 'Traffic model.' } });
  return (
    await attachSource({
      actor: author,
      claimId: claim.id,
      input: { url: 'https://example.org/filing', relation: 'supports', version: edited.version },
    })
  ).claim;
}

/** A claim by `author` moved to `status` by the people the workflow allows. */
async function claimAt(status: ClaimStatus, author: Actor): Promise<ClaimView> {
  const claim = await readyClaim(author);
  if (status === 'draft') return claim;
  const submitted = await transitionClaim({ actor: author, id: claim.id, input: { action: 'submit', version: claim.version } });
  if (status === 'in_review') return submitted;
  const decider = author.id === actors.reviewer.id ? actors.admin : actors.reviewer;
  const action = { verified: 'approve', needs_changes: 'request_changes', rejected: 'reject' }[status];
  return transitionClaim({ actor: decider, id: claim.id, input: { action, comment: 'Decided.', version: submitted.version } });
}

/** The service calls behind each ability; every one of them must agree with it. */
const PROBES: Record<keyof ClaimAbilities, ((actor: Actor, claim: ClaimView) => unknown)[]> = {
  edit: [
    (actor, c) => updateClaim({ actor, id: c.id, input: { version: c.version, claimText: 'About 40,000 vehicles a day.' } }),
    (actor, c) =>
      attachSource({ actor, claimId: c.id, input: { url: `https://example.org/more/${++urls}`, relation: 'context', version: c.version } }),
  ],
  delete: [(actor, c) => deleteClaim({ actor, id: c.id })],
  submit: [(actor, c) => transitionClaim({ actor, id: c.id, input: { action: 'submit', version: c.version } })],
  review: (['approve', 'request_changes', 'reject'] as const).map(
    (action) => (actor: Actor, c: ClaimView) => transitionClaim({ actor, id: c.id, input: { action, comment: 'Checked.', version: c.version } }),
  ),
  reopen: [(actor, c) => transitionClaim({ actor, id: c.id, input: { action: 'reopen', comment: 'New figures.', version: c.version } })],
  reuseVerdict: [(actor, c) => reuseVerdict({ actor, claimId: c.id, input: { fromClaimId: verified.id, version: c.version, confirmVariant: true } })],
  comment: [(actor, c) => commentOnClaim({ actor, id: c.id, input: { comment: 'A note for the desk.' } })],
  link: [(actor, c) => linkClaims({ actor, claimId: c.id, input: { claimId: verified.id } })],
  // To someone who may take the claim's next step: the admin, or the reviewer when the admin wrote a claim in review.
  assign: [
    (actor, c) =>
      updateClaim({
        actor,
        id: c.id,
        input: { version: c.version, assigneeId: c.authorId === actors.admin.id ? actors.reviewer.id : actors.admin.id },
      }),
  ],
};

/** True when `call` succeeds, false when the service refuses it (Forbidden, or Conflict for a status); anything else is a broken setup. */
async function allowed(call: () => unknown): Promise<boolean> {
  try {
    await call();
    return true;
  } catch (e) {
    if (e instanceof AppError && (e.code === 'forbidden' || e.code === 'conflict')) return false;
    throw e;
  }
}

const ROLES = ['editor', 'reviewer', 'admin'] as const;
const cases = ROLES.flatMap((role) => ROLES.flatMap((author) => CLAIM_STATUSES.map((status) => ({ role, author, status }))));

describe('claim.can', () => {
  it('has a probe for every ability', async () => {
    const claim = await getClaim({ actor: actors.editor, id: verified.id });
    expect(Object.keys(PROBES).sort()).toEqual(Object.keys(claim.can).sort());
  });

  it.each(cases)('matches what the services allow: $role on a $status claim by the $author', async ({ role, author, status }) => {
    const actor = actors[role];
    const shown = (await getClaim({ actor, id: (await claimAt(status, actors[author])).id })).can;
    const actual: Record<string, boolean[]> = {};
    for (const [ability, probes] of Object.entries(PROBES)) {
      actual[ability] = [];
      for (const probe of probes) {
        const claim = await claimAt(status, actors[author]);
        actual[ability].push(await allowed(() => probe(actor, claim)));
      }
    }
    const expected = Object.fromEntries(
      Object.entries(PROBES).map(([ability, probes]) => [ability, probes.map(() => shown[ability as keyof ClaimAbilities])]),
    );
    expect(actual).toEqual(expected);
  });
});
