import type { ExportRow } from '@/lib/export/export-row';

/** One claim as an export reads it, with every kind of field filled: the base the byte-for-byte format tests vary. */
export const EXPORT_ROW: ExportRow = {
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
