import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { describeRange } from '@/lib/anchoring/quote';
import type { ExportContext, ExportFormat, ExportRow } from '@/lib/export/export-row';
import { CSV_COLUMNS, csvCell, csvFormat, csvLine, neutraliseFormula } from '@/lib/export/formats/csv';
import { claimJson, jsonFormat, jsonLinesFormat } from '@/lib/export/formats/json';
import { claimantType, claimReview, claimReviewFormat } from '@/lib/export/formats/claim-review';
import { webAnnotation, webAnnotationFormat } from '@/lib/export/formats/web-annotation';
import { EXPORT_ROW } from './export-row-fixture';

const ctx: ExportContext = {
  origin: 'https://desk.example',
  orgName: 'Example Checks',
  orgUrl: 'https://checks.example',
  bestRating: 6,
  worstRating: 1,
  publicPages: false,
  language: 'en',
};
const article = fs.readFileSync(path.join(__dirname, '../fixtures/scraped-troops.txt'), 'utf8');

/** An export row anchored on `quote` in the scraped fixture article. */
function row(quote: string, overrides: Partial<ExportRow> = {}): ExportRow {
  const start = article.indexOf(quote);
  if (start < 0) throw new Error(`fixture has no ${quote}`);
  // The shared row anchored in this file's article, with a plain rationale and no family (the expected outputs below).
  return {
    ...EXPORT_ROW,
    familyId: undefined,
    appearances: undefined,
    ...describeRange(article, start, start + quote.length),
    claimText: quote,
    rationale: 'Ministry figures say 38,500.',
    updatedAt: new Date('2022-01-03T10:00:00Z'),
    ...overrides,
  };
}

function render(format: ExportFormat, rows: ExportRow[]): string {
  return format.header(ctx) + rows.map((r, i) => format.row(r, ctx, i)).join('') + format.footer(ctx, rows.length);
}

describe('csvCell', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\r\nlf', '"cr\r\nlf"'],
    ['“curly” ‘quotes’ and naïve café', '“curly” ‘quotes’ and naïve café'],
    ['', ''],
  ])('writes %j as %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('writes numbers as is and null as an empty field', () => {
    expect(csvCell(42)).toBe('42');
    expect(csvCell(null)).toBe('');
  });

  it.each(['=HYPERLINK("http://evil")', '+1+1', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd'])(
    'neutralises the formula-like cell %j with a leading quote',
    (value) => {
      expect(neutraliseFormula(value)).toBe(`'${value}`);
      expect(csvCell(value).replace(/^"/, '').startsWith("'")).toBe(true);
    },
  );

  it('leaves text that merely contains = or - alone', () => {
    expect(neutraliseFormula('a = b - c')).toBe('a = b - c');
  });
});

describe('csvFormat', () => {
  it('starts with a BOM and a CRLF header row naming every column, unless bom is off', () => {
    const withBom = csvFormat().header(ctx);
    expect(withBom.startsWith('\uFEFFclaim_id,claim_url,article_id,article_title,')).toBe(true);
    expect(withBom.endsWith('reviewed_at,summary,claimant_kind,family_id,tags\r\n')).toBe(true);
    expect(csvFormat({ bom: false }).header(ctx).startsWith('claim_id,')).toBe(true);
  });

  it('ends every record with CRLF even when a field holds a bare LF', () => {
    const out = render(csvFormat({ bom: false }), [row('40,000 troops', { rationale: 'line one\nline two' })]);
    expect(out.endsWith('\r\n')).toBe(true);
    expect(out.split('\r\n')).toHaveLength(3); // header, record, trailing empty string
  });

  it('round-trips through csv-parse to identical values, including quotes, commas, newlines and unicode', () => {
    const tricky = row('“We are watching this very closely,”', {
      claimant: 'Brisk, Aniela',
      rationale: 'She said "closely"\r\nand then “nearly doubled” — 😀 naïve',
      article: { id: 3, title: 'Troops, tanks & “talks”', url: null, publisher: null, publishedAt: null },
      tags: ['border', 'troop numbers'],
    });
    const rows = [row('40,000 troops'), tricky, row('38,500 personnel', { verdict: null, reviewerName: null, reviewedAt: null, sources: [] })];
    const parsed = parse(render(csvFormat(), rows), { bom: true, columns: true }) as Record<string, string>[];
    expect(Object.keys(parsed[0])).toEqual([...CSV_COLUMNS]);
    expect(parsed).toHaveLength(3);
    expect(parsed[1]).toMatchObject({
      claim_id: '7',
      claim_url: 'https://desk.example/claims/7',
      article_title: 'Troops, tanks & “talks”',
      article_url: '',
      claim_text: '“We are watching this very closely,”',
      exact_quote: '“We are watching this very closely,”',
      claimant: 'Brisk, Aniela',
      // The rationale passes through Markdown to plain text, which normalises its line breaks to LF.
      rationale: 'She said "closely"\nand then “nearly doubled” — 😀 naïve',
      verdict_label: 'Misleading',
      verdict_rating: '3',
      source_urls: 'https://gov.example/figures https://sat.example/images',
      author: 'Erin Editor',
      reviewer: 'Riley Reviewer',
      reviewed_at: '2022-01-04T10:00:00.000Z',
      tags: 'border, troop numbers',
    });
    expect(parsed[2]).toMatchObject({ verdict_label: '', verdict_rating: '', reviewer: '', reviewed_at: '', source_urls: '', tags: '' });
  });

  it('round-trips a neutralised formula as the original text with a leading quote', () => {
    const parsed = parse(render(csvFormat(), [row('40,000 troops', { claimant: '=cmd|"/c calc"!A1' })]), { bom: true, columns: true }) as Record<
      string,
      string
    >[];
    expect(parsed[0].claimant).toBe(`'=cmd|"/c calc"!A1`);
  });

  it('quotes per RFC 4180 in csvLine', () => {
    expect(csvLine(['a', 'b,c', 1, null])).toBe('a,"b,c",1,\r\n');
  });
});

describe('JSON formats', () => {
  it('streams a valid JSON array of claims with nested article, verdict and sources', () => {
    const parsed = JSON.parse(render(jsonFormat, [row('40,000 troops', { tags: ['border'] }), row('38,500 personnel')]));
    expect(parsed).toHaveLength(2);
    expect(parsed.map((c: { tags: string[] }) => c.tags)).toEqual([['border'], []]);
    expect(parsed[0]).toMatchObject({
      id: 7,
      url: 'https://desk.example/claims/7',
      verdict: { label: 'Misleading', rating: 3, unrated: false },
      rationale: 'Ministry figures say 38,500.',
      rationaleText: 'Ministry figures say 38,500.',
      article: { id: 3, url: 'https://news.example/valmora', permalink: 'https://desk.example/articles/3' },
      sources: [{ url: 'https://gov.example/figures', relation: 'refutes' }, { url: 'https://sat.example/images' }],
      quote: { exact: '40,000 troops' },
      reviewedAt: '2022-01-04T10:00:00.000Z',
    });
  });

  it('writes an empty array when nothing matches', () => {
    expect(JSON.parse(render(jsonFormat, []))).toEqual([]);
  });

  it('writes one parseable object per line in JSON Lines', () => {
    const lines = render(jsonLinesFormat, [row('40,000 troops'), row('38,500 personnel', { rationale: 'a\nb' })]).split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    expect(JSON.parse(lines[1])).toEqual(JSON.parse(JSON.stringify(claimJson(row('38,500 personnel', { rationale: 'a\nb' }), ctx))));
  });
});

describe('claimReview', () => {
  it('maps a verified claim onto schema.org ClaimReview with the scale bounds and organisation', () => {
    expect(claimReview(row('40,000 troops'), ctx)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      url: 'https://desk.example/claims/7',
      claimReviewed: '40,000 troops',
      datePublished: '2022-01-04T10:00:00.000Z',
      author: { '@type': 'Organization', name: 'Example Checks', url: 'https://checks.example' },
      reviewRating: { '@type': 'Rating', ratingValue: 3, bestRating: 6, worstRating: 1, name: 'Misleading', alternateName: 'Misleading' },
      reviewBody: 'Ministry figures say 38,500.',
      itemReviewed: {
        '@type': 'Claim',
        author: { '@type': 'Person', name: 'Aniela Brisk' },
        datePublished: '2021-12-19',
        appearance: expect.objectContaining({ '@type': 'CreativeWork', url: 'https://news.example/valmora' }),
        firstAppearance: expect.objectContaining({ url: 'https://news.example/valmora' }),
      },
    });
  });

  it('names institutions as Organization and people as Person', () => {
    expect(claimantType('Kestrel foreign office')).toBe('Organization');
    expect(claimantType('Ministry of Defence')).toBe('Organization');
    expect(claimantType('Teodor Halm')).toBe('Person');
  });

  it('falls back to the publication as author and the Claimdesk article page as appearance', () => {
    const review = claimReview(
      row('40,000 troops', { claimant: '', article: { id: 3, title: 'T', url: null, publisher: 'Northport Daily', publishedAt: null } }),
      ctx,
    );
    expect(review.itemReviewed.author).toEqual({ '@type': 'Organization', name: 'Northport Daily' });
    expect(review.itemReviewed.appearance).toMatchObject({ url: 'https://desk.example/articles/3' });
  });

  it('uses the claimant kind the editor chose over the guess from the name', () => {
    expect(claimReview(row('40,000 troops', { claimant: 'Valmora Defence', claimantKind: 'person' }), ctx).itemReviewed.author['@type']).toBe(
      'Person',
    );
    expect(claimReview(row('40,000 troops', { claimant: 'Teodor Halm', claimantKind: 'organization' }), ctx).itemReviewed.author['@type']).toBe(
      'Organization',
    );
  });

  it('names the site the claim appeared on when there is neither claimant nor publisher', () => {
    const review = claimReview(
      row('40,000 troops', { claimant: '', article: { id: 3, title: 'T', url: 'https://www.news.example/a', publisher: null, publishedAt: null } }),
      ctx,
    );
    expect(review.itemReviewed.author).toEqual({ '@type': 'Organization', name: 'news.example' });
  });

  it('publishes the short summary as claimReviewed when set, else the claim text', () => {
    expect(claimReview(row('40,000 troops', { summary: 'Valmora has 40,000 troops at the border' }), ctx).claimReviewed).toBe(
      'Valmora has 40,000 troops at the border',
    );
    expect(claimReview(row('40,000 troops'), ctx).claimReviewed).toBe('40,000 troops');
  });

  it('rates an unrated verdict by name only, without a ratingValue or bounds', () => {
    expect(claimReview(row('40,000 troops', { verdict: { id: 7, label: 'Unproven', rating: 1, unrated: true } }), ctx).reviewRating).toEqual({
      '@type': 'Rating',
      name: 'Unproven',
      alternateName: 'Unproven',
    });
  });

  it('writes the rationale as plain text in reviewBody and leaves it out when empty', () => {
    expect(claimReview(row('40,000 troops', { rationale: '**Ministry** [figures](https://gov.example/f) say *38,500*.' }), ctx).reviewBody).toBe(
      'Ministry figures (https://gov.example/f) say 38,500.',
    );
    expect(claimReview(row('40,000 troops', { rationale: '' }), ctx)).not.toHaveProperty('reviewBody');
  });

  it('points url at the public fact-check page when publishing is on and the claim is verified', () => {
    const on = { ...ctx, publicPages: true };
    expect(claimReview(row('40,000 troops'), on).url).toBe('https://desk.example/fact-checks/7');
    expect(claimReview(row('40,000 troops', { status: 'in_review' }), on).url).toBe('https://desk.example/claims/7');
  });

  it('lists the claim’s tags as comma-separated keywords, and leaves keywords out without tags', () => {
    expect(claimReview(row('40,000 troops', { tags: ['border', 'troop numbers'] }), ctx).keywords).toBe('border, troop numbers');
    expect(claimReview(row('40,000 troops'), ctx)).not.toHaveProperty('keywords');
  });

  it('streams a JSON array of ClaimReviews', () => {
    expect(JSON.parse(render(claimReviewFormat, [row('40,000 troops')]))[0]['@type']).toBe('ClaimReview');
  });
});

describe('webAnnotation', () => {
  const quotes = ['40,000 troops', '“We are watching this very closely,”', 'as many as 52,000 troops', 'that’s not a training exercise'];

  it.each(quotes)('has selectors that re-locate %j in the article text', (quote) => {
    const a = webAnnotation(row(quote), ctx);
    const [textQuote, position] = a.target.selector as [
      { type: string; exact: string; prefix: string; suffix: string },
      { type: string; start: number; end: number },
    ];
    expect(textQuote.type).toBe('TextQuoteSelector');
    expect(position.type).toBe('TextPositionSelector');
    expect(article.slice(position.start, position.end)).toBe(quote);
    const at = article.indexOf(textQuote.prefix + textQuote.exact + textQuote.suffix);
    expect(at).toBeGreaterThanOrEqual(0);
    expect(at + textQuote.prefix.length).toBe(position.start);
  });

  it('carries the verdict as an assessing body and the rationale as a describing body', () => {
    const a = webAnnotation(row('40,000 troops'), ctx);
    expect(a).toMatchObject({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'Annotation',
      id: 'https://desk.example/claims/7#annotation',
      motivation: 'assessing',
      creator: { id: 'urn:claimdesk:desk.example:user:12', type: 'Person', name: 'Erin Editor' },
      created: '2022-01-02T10:00:00.000Z',
      modified: '2022-01-04T10:00:00.000Z',
      target: { type: 'SpecificResource', source: { id: 'https://news.example/valmora', type: 'Text', language: 'en' } },
    });
    const lifecycle = { creator: a.creator, created: '2022-01-02T10:00:00.000Z', modified: '2022-01-04T10:00:00.000Z', language: 'en' };
    expect(a.body).toEqual([
      { type: 'TextualBody', purpose: 'assessing', value: 'Misleading', format: 'text/plain', ...lifecycle },
      { type: 'TextualBody', purpose: 'describing', value: 'Ministry figures say 38,500.', format: 'text/markdown', ...lifecycle },
      { type: 'TextualBody', purpose: 'tagging', value: 'statistic', format: 'text/plain', ...lifecycle },
      { type: 'SpecificResource', purpose: 'linking', source: { id: 'https://gov.example/figures', type: 'Text' } },
      { type: 'SpecificResource', purpose: 'linking', source: { id: 'https://sat.example/images', type: 'Text' } },
    ]);
  });

  it('adds one tagging body per free-text tag after the claim type', () => {
    const bodies = webAnnotation(row('40,000 troops', { tags: ['border', 'troop numbers'] }), ctx).body.filter((b) => b.purpose === 'tagging');
    expect(bodies.map((b) => b.value)).toEqual(['statistic', 'border', 'troop numbers']);
  });

  it('targets the Claimdesk article page when the article has no original URL', () => {
    const a = webAnnotation(row('40,000 troops', { article: { id: 3, title: 'T', url: null, publisher: null, publishedAt: null } }), ctx);
    expect(a.target.source).toEqual({ id: 'https://desk.example/articles/3', type: 'Text', format: 'text/html', language: 'en' });
  });

  it('streams a JSON array of annotations', () => {
    expect(JSON.parse(render(webAnnotationFormat, [row('40,000 troops'), row('38,500 personnel')])).map((a: { type: string }) => a.type)).toEqual([
      'Annotation',
      'Annotation',
    ]);
  });
});
