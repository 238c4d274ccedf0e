import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateMatcher, type EvalClaim, type EvalQuery } from '@/lib/matching/evaluate-matcher';

const dir = path.resolve(import.meta.dirname, '../fixtures/matching');
const load = <T>(name: string): T => JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as T;
const corpus = load<EvalClaim[]>('corpus.json');

// Floors a little below the figures measured when the matcher was tuned (see the README's matching section):
// dev R@1 1.0, R@5 1.0, MRR@5 1.0, labelled same 1.0, variants same 0, new same 0;
// held-out (not looked at while tuning) R@1 1.0, R@5 1.0, MRR@5 1.0, labelled same 0.913, variants 0, new 0.
const FLOORS = {
  dev: { recallAt1: 0.95, recallAt5: 0.97, mrrAt5: 0.95, labelledSameAt5: 0.95, variantsLabelledSame: 0.07, newWithSame: 0.07 },
  heldout: { recallAt1: 0.9, recallAt5: 0.95, mrrAt5: 0.92, labelledSameAt5: 0.86, variantsLabelledSame: 0.12, newWithSame: 0.12 },
};

describe('matcher evaluation set', () => {
  it.each(['dev', 'heldout'] as const)('holds the %s figures', (name) => {
    const queries = load<EvalQuery[]>(`${name}.json`);
    const figures = evaluateMatcher(corpus, queries);
    const floor = FLOORS[name];
    expect(figures.recallAt1).toBeGreaterThanOrEqual(floor.recallAt1);
    expect(figures.recallAt5).toBeGreaterThanOrEqual(floor.recallAt5);
    expect(figures.mrrAt5).toBeGreaterThanOrEqual(floor.mrrAt5);
    expect(figures.labelledSameAt5).toBeGreaterThanOrEqual(floor.labelledSameAt5);
    expect(figures.variantsLabelledSame).toBeLessThanOrEqual(floor.variantsLabelledSame);
    expect(figures.newWithSame).toBeLessThanOrEqual(floor.newWithSame);
  });

  it('is big enough to mean something (60 same, 20 variants, 20 new across both parts)', () => {
    const all = [...load<EvalQuery[]>('dev.json'), ...load<EvalQuery[]>('heldout.json')];
    expect(all.filter((q) => q.kind === 'same').length).toBeGreaterThanOrEqual(60);
    expect(all.filter((q) => q.kind === 'variant').length).toBeGreaterThanOrEqual(20);
    expect(all.filter((q) => q.kind === 'new').length).toBeGreaterThanOrEqual(20);
    const ids = new Set(corpus.map((c) => c.id));
    expect(all.filter((q) => q.kind !== 'new').every((q) => q.target && ids.has(q.target))).toBe(true);
  });
});
