import { describe, expect, it } from 'vitest';
import type { ExportContext, ExportRow } from '@/lib/export/export-row';
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
  rationale: 'Ministry figures say **38,500**.\n\n- one',
  authorId: 12,
  authorName: 'Erin Editor',
  reviewerName: 'Riley Reviewer',
  createdAt: new Date('2022-01-02T10:00:00Z'),
  updatedAt: new Date('2022-01-03T10:00:00.123Z'),
  reviewedAt: new Date('2022-01-04T10:00:00Z'),
  sources: [
    { url: 'https://gov.example/figures', title: 'Figures', publisher: 'Ministry', relation: 'refutes', excerpt: '38,500' },
    { url: 'https://sat.example/"images"', title: '', publisher: '', relation: 'context', excerpt: '' },
  ],
  tags: ['border', 'troops'],
  familyId: 9,
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
