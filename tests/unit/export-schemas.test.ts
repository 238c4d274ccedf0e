import { describe, expect, it } from 'vitest';
import Ajv2020 from 'ajv/dist/2020';
import { claimReviewSchema, webAnnotationSchema } from '@/lib/export/schemas';
import { claimReview } from '@/lib/export/formats/claim-review';
import { webAnnotation } from '@/lib/export/formats/web-annotation';
import type { ExportContext, ExportRow } from '@/lib/export/export-row';

const ajv = new Ajv2020({ allErrors: true, strict: false });
const validReview = ajv.compile(claimReviewSchema);
const validAnnotation = ajv.compile(webAnnotationSchema);
const ctx: ExportContext = {
  origin: 'http://127.0.0.1:3000',
  orgName: 'Claimdesk newsroom',
  orgUrl: 'http://127.0.0.1:3000',
  bestRating: 6,
  worstRating: 1,
  publicPages: false,
  language: 'en',
};

const base: ExportRow = {
  id: 1,
  article: { id: 1, title: 'Bridge', url: 'https://news.example/bridge', publisher: 'Gazette', publishedAt: '2026-03-14' },
  start: 10,
  end: 23,
  exact: '40,000 cars',
  prefix: 'carry about ',
  suffix: ' a day',
  type: 'statistic',
  claimant: 'Port authority',
  claimantKind: 'organization',
  claimText: 'The bridge will carry 40,000 cars a day',
  summary: '',
  status: 'verified',
  verdict: { id: 2, label: 'Mostly true', rating: 5, unrated: false },
  rationale: 'Traffic model in the filing.',
  authorId: 3,
  authorName: 'Erin Editor',
  reviewerName: 'Riley Reviewer',
  createdAt: new Date('2026-03-15T09:00:00Z'),
  updatedAt: new Date('2026-03-15T10:00:00Z'),
  reviewedAt: new Date('2026-03-16T10:00:00Z'),
  sources: [{ url: 'https://port.example/filing', title: 'Filing', publisher: 'Port', relation: 'supports', excerpt: '' }],
};

describe('ClaimReview JSON schema', () => {
  it('accepts a verified claim with all required and recommended fields', () => {
    const item = claimReview(base, ctx);
    expect(validReview(item), JSON.stringify(validReview.errors)).toBe(true);
    expect((item.reviewRating as { ratingValue: number }).ratingValue).toBeGreaterThanOrEqual(ctx.worstRating);
    expect((item.reviewRating as { ratingValue: number }).ratingValue).toBeLessThanOrEqual(ctx.bestRating);
  });

  it('accepts a claim without claimant, publisher date or original URL', () => {
    const item = claimReview({ ...base, claimant: '', article: { id: 1, title: 'Bridge', url: null, publisher: 'Gazette', publishedAt: null } }, ctx);
    expect(validReview(item), JSON.stringify(validReview.errors)).toBe(true);
  });

  it('accepts an unrated verdict named without a ratingValue', () => {
    const item = claimReview({ ...base, verdict: { id: 7, label: 'Unproven', rating: 1, unrated: true } }, ctx);
    expect(validReview(item), JSON.stringify(validReview.errors)).toBe(true);
  });

  it('rejects a ratingValue without its bounds, and a rating without a name', () => {
    const item = claimReview(base, ctx);
    expect(validReview({ ...item, reviewRating: { '@type': 'Rating', ratingValue: 3, name: 'x', alternateName: 'x' } })).toBe(false);
    expect(validReview({ ...item, reviewRating: { ...item.reviewRating, name: undefined } })).toBe(false);
  });

  it('rejects an item missing the claim author', () => {
    const item = claimReview(base, ctx);
    expect(validReview({ ...item, itemReviewed: { ...item.itemReviewed, author: undefined } })).toBe(false);
  });
});

describe('Web Annotation JSON schema', () => {
  it('accepts an annotation with both selectors, bodies and dates', () => {
    expect(validAnnotation(webAnnotation(base, ctx)), JSON.stringify(validAnnotation.errors)).toBe(true);
  });

  it('accepts an annotation without verdict, rationale or sources (the tagging body remains)', () => {
    expect(validAnnotation(webAnnotation({ ...base, verdict: null, rationale: '', sources: [] }, ctx))).toBe(true);
  });

  it('rejects an evidence source carrying purpose itself (the pre-2026 shape)', () => {
    const item = webAnnotation(base, ctx);
    const old = { ...item, body: [...item.body, { id: 'https://port.example/filing', type: 'Text', purpose: 'linking' }] };
    expect(validAnnotation(old)).toBe(false);
  });

  it('rejects an annotation whose position selector is missing', () => {
    const item = webAnnotation(base, ctx);
    expect(validAnnotation({ ...item, target: { ...item.target, selector: item.target.selector.slice(0, 1) } })).toBe(false);
  });
});
