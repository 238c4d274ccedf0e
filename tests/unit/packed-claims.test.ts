import { describe, expect, it } from 'vitest';
import { packClaims, unpackClaims } from '@/components/annotator/packed-claims';
import type { ClaimSummaryDto } from '@/components/annotator/types';

const base: ClaimSummaryDto = {
  id: 7,
  start: 120,
  end: 164,
  type: 'statistic',
  status: 'verified',
  verdictId: 3,
  verdictLabel: 'Half true',
  verdictColor: '#8a6100',
  claimText: 'Costs rose by "40%" <fast>',
  claimant: 'Luis Ortega',
  orphaned: false,
  authorId: 15,
  version: 2,
};

describe('packed claims', () => {
  it('unpack gives back the summaries, nulls, empty strings and flags included', () => {
    const claims: ClaimSummaryDto[] = [
      base,
      { ...base, id: 8, start: 0, end: 1, verdictId: null, verdictLabel: null, verdictColor: null, claimant: '', orphaned: true, status: 'draft' },
      { ...base, id: 9, type: 'quote', claimText: '' },
    ];
    expect(unpackClaims(JSON.parse(JSON.stringify(packClaims(claims))))).toEqual(claims);
  });

  it('sends each repeated string once', () => {
    const many = Array.from({ length: 50 }, (_, i) => ({ ...base, id: i + 1 }));
    const { strings } = packClaims(many);
    expect(strings.filter((s) => s === 'Luis Ortega')).toHaveLength(1);
    expect(JSON.stringify(packClaims(many)).length).toBeLessThan(JSON.stringify(many).length / 2);
  });
});
