import { describe, expect, it } from 'vitest';
import type { ExportContext, ExportRow } from '@/lib/export/export-row';
import { claimJson, claimJsonText, jsonFormat, jsonLinesFormat } from '@/lib/export/formats/json';

const ctx: ExportContext = {
  origin: 'https://desk.example',
  orgName: 'Example Checks',
  orgUrl: 'https://checks.example',
  bestRating: 6,
  worstRating: 1,
  publicPages: false,
  language: 'en',
};

const base: ExportRow = {
  id: 7,
  article: {
    id: 3,
    title: 'Valmora moves 40,000 troops',
    url: 'https://news.example/valmora',
    publisher: 'Northport Daily',
    publishedAt: '2021-12-19',
  },
  start: 120,
  end: 133,
  exact: '40,000 troops',
  prefix: 'said on Tuesday that ',
  suffix: ' had crossed',
  type: 'statistic',
  claimant: 'Aniela Brisk',
  claimantKind: null,
  claimText: '40,000 troops crossed',
  summary: '',
  status: 'verified',
  verdict: { id: 4, label: 'Misleading', rating: 3, unrated: false },
  rationale: 'Ministry figures say **38,500**; see [the table](https://gov.example/t).\n\n- one\n- two',
  authorId: 12,
  authorName: 'Erin Editor',
  reviewerName: 'Riley Reviewer',
  createdAt: new Date('2022-01-02T10:00:00Z'),
  updatedAt: new Date('2022-01-03T10:00:00.123Z'),
  reviewedAt: new Date('2022-01-04T10:00:00Z'),
  sources: [
    { url: 'https://gov.example/figures', title: 'Figures', publisher: 'Ministry', relation: 'refutes', excerpt: '38,500' },
    { url: 'https://sat.example/images', title: '', publisher: '', relation: 'context', excerpt: '' },
  ],
  familyId: 9,
  appearances: [{ claimId: 8, article: { id: 5, title: 'Earlier', url: null, publisher: null, publishedAt: null } }],
};

/** Rows that exercise every branch of the hand-written serialiser: nulls, absent optionals, escapes, odd characters. */
const ROWS: ExportRow[] = [
  base,
  { ...base, verdict: null, reviewerName: null, reviewedAt: null, sources: [], familyId: null, appearances: [] },
  { ...base, familyId: undefined, appearances: undefined },
  { ...base, claimantKind: 'organization', summary: 'Short form', verdict: { id: 6, label: 'Unproven', rating: 0, unrated: true } },
  { ...base, article: { id: 11, title: 'Quotes "inside" \\ back\\slash', url: null, publisher: null, publishedAt: null } },
  {
    ...base,
    exact: 'tab\tnew\nline \u2028 \u2029 \u0000 \u001f',
    prefix: 'émigré – “curly” 😀',
    suffix: 'lone \ud800 surrogate',
    claimText: '</script><b>&amp;</b>',
    claimant: '',
    rationale: '',
  },
];

describe('claimJsonText', () => {
  it.each(ROWS.map((row, i) => [i, row] as const))('writes the same bytes as JSON.stringify(claimJson(row)) (row %i)', (_i, row) => {
    expect(claimJsonText(row, ctx)).toBe(JSON.stringify(claimJson(row, ctx)));
  });

  it('keeps JSON and JSON Lines output byte-identical to stringifying claimJson for a whole export', () => {
    const reference = {
      json: `[${ROWS.map((r, i) => (i === 0 ? '\n' : ',\n') + JSON.stringify(claimJson(r, ctx))).join('')}\n]\n`,
      jsonl: ROWS.map((r) => `${JSON.stringify(claimJson(r, ctx))}\n`).join(''),
    };
    const render = (f: typeof jsonFormat) => f.header(ctx) + ROWS.map((r, i) => f.row(r, ctx, i)).join('') + f.footer(ctx, ROWS.length);
    expect(render(jsonFormat)).toBe(reference.json);
    expect(render(jsonLinesFormat)).toBe(reference.jsonl);
  });
});
