import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExportContext, ExportRow } from '@/lib/export/export-row';
import { claimReview } from '@/lib/export/formats/claim-review';
import { webAnnotation } from '@/lib/export/formats/web-annotation';
import { mustViolations } from './web-annotation-musts';
import { schemaOrgViolations } from './schema-org-properties';
import { EXPORT_ROW } from './export-row-fixture';

const ctx: ExportContext = {
  origin: 'https://desk.example',
  orgName: 'Example Checks',
  orgUrl: 'https://checks.example',
  bestRating: 6,
  worstRating: 1,
  publicPages: true,
  language: 'en-GB',
};

const text = fs.readFileSync(path.join(__dirname, '../fixtures/scraped-troops.txt'), 'utf8');
const sources = [
  { url: 'https://gov.example/figures', title: 'Figures', publisher: 'Ministry', relation: 'refutes' as const, excerpt: '38,500' },
  { url: 'https://sat.example/images?id=4&z=2', title: '', publisher: '', relation: 'context' as const, excerpt: '' },
  { url: 'https://archive.example/web/2021/x', title: 'Archive', publisher: 'Archive', relation: 'supports' as const, excerpt: '' },
];

function row(id: number, quote: string, overrides: Partial<ExportRow>): ExportRow {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`fixture has no ${quote}`);
  return {
    id,
    article: EXPORT_ROW.article,
    start,
    end: start + quote.length,
    exact: quote,
    prefix: text.slice(Math.max(0, start - 32), start),
    suffix: text.slice(start + quote.length, start + quote.length + 32),
    type: 'statistic',
    claimant: '',
    claimantKind: null,
    claimText: quote,
    summary: '',
    status: 'verified',
    verdict: { id: 4, label: 'Misleading', rating: 3, unrated: false },
    rationale: 'The **ministry** counts [38,500](https://gov.example/figures).',
    authorId: 5,
    authorName: 'Erin Editor',
    reviewerName: 'Riley Reviewer',
    createdAt: new Date('2022-01-02T10:00:00Z'),
    updatedAt: new Date('2022-01-03T10:00:00Z'),
    reviewedAt: new Date('2022-01-04T10:00:00Z'),
    sources: sources.slice(0, 1),
    ...overrides,
  };
}

/** Verified statistics and quotes, with and without claimants (person, organisation, guessed), with 1-3 sources. */
const TEST_SET: ExportRow[] = [
  row(1, '40,000 troops', {}),
  row(2, 'as many as 52,000 troops', { claimant: 'Valmora defence ministry', sources, tags: ['troop movements', 'valmora'] }),
  row(3, '“We are watching this very closely,”', { type: 'quote', claimant: 'Aniela Brisk', claimantKind: 'person', sources: sources.slice(0, 2) }),
  row(4, 'that’s not a training exercise', {
    type: 'quote',
    claimant: 'Kestrel Watch',
    claimantKind: 'organization',
    summary: 'A monitor says the build-up is not an exercise',
    verdict: { id: 7, label: 'Unproven', rating: 1, unrated: true },
    sources,
  }),
  row(5, '38,500 personnel', { article: { id: 9, title: 'No URL', url: null, publisher: null, publishedAt: null }, rationale: '', sources }),
];

describe('Web Annotation export against the model’s MUSTs (sections 3.1-3.3)', () => {
  it.each(TEST_SET.map((r) => [r.id, r] as const))('annotation of claim %i has no MUST violation', (_id, r) => {
    expect(mustViolations(webAnnotation(r, ctx))).toEqual([]);
  });

  it.each(TEST_SET.map((r) => [r.id, r] as const))('annotation of claim %i carries the SHOULD-level fields Claimdesk knows', (_id, r) => {
    const a = webAnnotation(r, ctx);
    expect(a.creator).toEqual({ id: 'urn:claimdesk:desk.example:user:5', type: 'Person', name: 'Erin Editor' });
    for (const body of a.body) {
      if (body.type === 'TextualBody') {
        expect(body).toMatchObject({
          language: 'en-GB',
          format: expect.stringMatching(/^text\/(plain|markdown)$/),
          created: expect.any(String),
          modified: expect.any(String),
        });
      } else {
        expect(body).toMatchObject({ type: 'SpecificResource', purpose: 'linking', source: { id: expect.stringMatching(/^https:/), type: 'Text' } });
        expect(body.source).not.toHaveProperty('purpose');
      }
    }
    expect(a.body.filter((b) => b.type === 'SpecificResource')).toHaveLength(r.sources.length);
    expect(a.target.source).toMatchObject({ language: 'en-GB' });
  });
});

describe('the MUST checker catches what it is for', () => {
  const good = webAnnotation(TEST_SET[1], ctx) as Record<string, unknown>;
  it.each([
    [
      'purpose on an External Web Resource (the old evidence body)',
      { ...good, body: [{ id: 'https://gov.example/f', type: 'Text', purpose: 'linking' }] },
      '3.3.5',
    ],
    ['a missing anno.jsonld context', { ...good, '@context': 'https://schema.org' }, '3.1'],
    ['a single context given as an array', { ...good, '@context': ['http://www.w3.org/ns/anno.jsonld'] }, '3.1'],
    ['an id that is not an IRI', { ...good, id: 'claim 7' }, '3.1'],
    ['a type list without Annotation', { ...good, type: 'Note' }, '3.1'],
    ['no target', { ...good, target: undefined }, '3.1'],
    ['body together with bodyValue', { ...good, bodyValue: 'x' }, '3.2.5'],
    ['a TextualBody without value', { ...good, body: [{ type: 'TextualBody', purpose: 'tagging' }] }, '3.2.4'],
    ['an external body without IRI', { ...good, body: [{ type: 'Text', format: 'text/html' }] }, '3.2.1'],
    ['a bad textDirection', { ...good, body: [{ type: 'TextualBody', value: 'x', textDirection: 'up' }] }, '3.2.1'],
    ['a created date that is not xsd:dateTime', { ...good, created: '4 Jan 2022' }, '3.3.1'],
    ['a creator email that is not mailto:', { ...good, creator: { type: 'Person', email: 'erin@example.com' } }, '3.3.2'],
    ['an unknown motivation that is not an IRI', { ...good, motivation: 'fact-checking' }, '3.3.5'],
    ['rights that are not an IRI', { ...good, rights: 'CC-BY' }, '3.3.6'],
    ['a SpecificResource without source', { ...good, body: [{ type: 'SpecificResource', purpose: 'linking' }] }, '4'],
  ])('reports %s', (_name, annotation, section) => {
    expect(mustViolations(annotation).some((v) => v.startsWith(`${section}:`))).toBe(true);
  });
});

describe('ClaimReview export against schema.org and Google’s recommendations', () => {
  it.each(TEST_SET.map((r) => [r.id, r] as const))('ClaimReview of claim %i uses only schema.org properties on their own types', (_id, r) => {
    expect(schemaOrgViolations(claimReview(r, ctx))).toEqual([]);
  });

  it.each(TEST_SET.map((r) => [r.id, r] as const))('ClaimReview of claim %i names its rating and the claim’s author', (_id, r) => {
    const review = claimReview(r, ctx);
    expect(review.reviewRating.name).toBe(r.verdict!.label);
    expect(review.reviewRating.alternateName).toBe(r.verdict!.label);
    expect(review.itemReviewed.author).toMatchObject({ '@type': expect.stringMatching(/^(Person|Organization)$/), name: expect.any(String) });
    expect(review.url).toBe(`https://desk.example/fact-checks/${r.id}`);
  });

  it('takes the claimant, else the publisher, else the site as the claim’s author', () => {
    expect(TEST_SET.map((r) => claimReview(r, ctx).itemReviewed.author)).toEqual([
      { '@type': 'Organization', name: 'Northport Daily' },
      { '@type': 'Organization', name: 'Valmora defence ministry' },
      { '@type': 'Person', name: 'Aniela Brisk' },
      { '@type': 'Organization', name: 'Kestrel Watch' },
      { '@type': 'Organization', name: 'Unknown publisher' },
    ]);
  });

  it('reports a property schema.org does not define, or one used on the wrong type', () => {
    const review = claimReview(TEST_SET[0], ctx);
    expect(schemaOrgViolations({ ...review, verdict: 'x' })).toEqual(['ClaimReview.verdict is not in the schema.org list']);
    expect(schemaOrgViolations({ ...review, itemReviewed: { ...review.itemReviewed, ratingValue: 1 } })).toEqual([
      'Claim.ratingValue: schema.org defines ratingValue on Rating, not on Claim or its parents',
    ]);
  });
});
