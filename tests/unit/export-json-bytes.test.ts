import { describe, expect, it } from 'vitest';
import type { ExportContext, ExportRow } from '@/lib/export/export-row';
import { EXPORT_ROW } from './export-row-fixture';
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

const base = EXPORT_ROW;

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
