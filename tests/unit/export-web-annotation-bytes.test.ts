import { describe, expect, it } from 'vitest';
import type { ExportContext, ExportRow } from '@/lib/export/export-row';
import { EXPORT_ROW } from './export-row-fixture';
import { webAnnotation, webAnnotationText } from '@/lib/export/formats/web-annotation';

const ctx: ExportContext = {
  origin: 'https://desk.example:8443',
  orgName: 'Example Checks',
  orgUrl: 'https://checks.example',
  bestRating: 6,
  worstRating: 1,
  publicPages: true,
  language: 'de-CH',
};

// The shared row with a quote in a source URL, tags and no other appearances: the branches this format has.
const base: ExportRow = {
  ...EXPORT_ROW,
  rationale: 'Ministry figures say **38,500**.\n\n- one',
  sources: [EXPORT_ROW.sources[0], { url: 'https://sat.example/"images"', title: '', publisher: '', relation: 'context', excerpt: '' }],
  tags: ['border', 'troops'],
  appearances: [],
};

/** Rows that exercise every branch of the hand-written serialiser: absent verdict, rationale, tags and URL; escapes. */
const ROWS: ExportRow[] = [
  base,
  { ...base, verdict: null, rationale: '', reviewedAt: null, sources: [], tags: undefined },
  { ...base, reviewedAt: new Date('2021-01-01T00:00:00Z'), tags: [] },
  { ...base, article: { ...base.article, url: null } },
  { ...base, article: { ...base.article, url: '' }, authorName: 'Quote " back\\slash' },
  { ...base, exact: 'tab\tnew\nline \u2028 \u2029 \u0000 \u001f \ud800', prefix: '', suffix: '', tags: ['é', '</script>'] },
  { ...base, verdict: { id: 6, label: 'Unproven "maybe"', rating: 0, unrated: true }, type: 'quote' },
];

describe('webAnnotationText', () => {
  it('writes exactly JSON.stringify(webAnnotation(row))', () => {
    for (const row of ROWS) expect(webAnnotationText(row, ctx)).toBe(JSON.stringify(webAnnotation(row, ctx)));
  });
});
