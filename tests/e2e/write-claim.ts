import { callApi } from './harness';

type Claim = { id: number; version: number; status: string };

export type ClaimSpec = {
  articleId: number;
  /** The words of the article's text the claim is anchored to (their first occurrence). */
  phrase: string;
  type: 'statistic' | 'quote' | 'event' | 'prediction' | 'other';
  /** Fields PATCH /api/claims/:id takes: claimText, claimant, claimantKind, summary, note, rationale. */
  fields?: Record<string, unknown>;
  /** The label of a verdict on the scale. */
  verdict?: string;
  source?: { url: string; title: string; relation: 'supports' | 'refutes' | 'context' };
  /** The session cookie of a reviewer who approves the claim once the editor has submitted it. */
  approvedBy?: string;
};

/**
 * Writes a claim through the JSON API as the editor whose session cookie is `editor` (and, with `approvedBy`,
 * through review to verified), so a test's setup runs the app's own services on either engine; returns its id.
 */
export async function writeClaim(baseUrl: string, editor: string, spec: ClaimSpec): Promise<number> {
  const call = <T>(method: string, path: string, body: unknown, status: number, cookie = editor) =>
    callApi<T>(baseUrl, cookie, method, path, body, status).then((r) => r.data);
  const article = await call<{ text: string }>('GET', `/api/articles/${spec.articleId}`, undefined, 200);
  const start = article.text.indexOf(spec.phrase);
  if (start < 0) throw new Error(`Article ${spec.articleId} does not contain "${spec.phrase}".`);
  let claim = await call<Claim>('POST', '/api/claims', { articleId: spec.articleId, start, end: start + spec.phrase.length, type: spec.type }, 201);
  let verdictId: number | undefined;
  if (spec.verdict !== undefined) {
    const scale = await call<{ id: number; label: string }[]>('GET', '/api/verdicts', undefined, 200);
    verdictId = scale.find((v) => v.label === spec.verdict)?.id;
    if (verdictId === undefined) throw new Error(`No verdict labelled "${spec.verdict}".`);
  }
  if (spec.fields || verdictId !== undefined)
    claim = await call<Claim>('PATCH', `/api/claims/${claim.id}`, { version: claim.version, ...spec.fields, verdictId }, 200);
  if (spec.source)
    claim = (await call<{ claim: Claim }>('POST', `/api/claims/${claim.id}/sources`, { ...spec.source, version: claim.version }, 201)).claim;
  if (spec.approvedBy) {
    claim = await call<Claim>('POST', `/api/claims/${claim.id}/transitions`, { action: 'submit', version: claim.version }, 200);
    claim = await call<Claim>('POST', `/api/claims/${claim.id}/transitions`, { action: 'approve', version: claim.version }, 200, spec.approvedBy);
    if (claim.status !== 'verified') throw new Error(`Claim ${claim.id} is ${claim.status} after approval.`);
  }
  return claim.id;
}
