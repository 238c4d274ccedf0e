import { describe, expect, it } from 'vitest';
import { claimFeatures } from '@/lib/matching/claim-features';
import { compareClaims } from '@/lib/matching/compare-claims';
import { compareQuantities, extractQuantities, sameQuantity, type Quantity } from '@/lib/matching/numbers';

const only = (text: string): Quantity => {
  const qs = extractQuantities(text);
  expect(qs, text).toHaveLength(1);
  return qs[0];
};

describe('extractQuantities', () => {
  it.each([
    ['€1.3 billion', { value: 1.3e9, kind: 'money', currency: 'EUR' }],
    ['1.3bn euros', { value: 1.3e9, kind: 'money', currency: 'EUR' }],
    ['$4.8bn', { value: 4.8e9, kind: 'money', currency: 'USD' }],
    ['40,000 vehicles', { value: 40000, kind: 'count' }],
    ['forty thousand vehicles', { value: 40000, kind: 'count' }],
    ['40k vehicles', { value: 40000, kind: 'count' }],
    ['two hundred and fifty people', { value: 250, kind: 'count' }],
    ['35 per cent', { value: 35, kind: 'percent' }],
    ['35%', { value: 35, kind: 'percent' }],
    ['in 2030', { value: 2030, kind: 'year' }],
    ['three decades', { value: 30, kind: 'count' }],
  ])('reads %s', (text, expected) => {
    expect(only(text)).toEqual(expected);
  });

  it.each([
    ['a third of the cost', 100 / 3],
    ['two-thirds of voters', 200 / 3],
    ['half of all households', 50],
    ['one in five appointments', 20],
    ['nine out of ten people', 90],
  ])('reads the fraction in %s as a percentage', (text, value) => {
    const q = only(text);
    expect(q.kind).toBe('percent');
    expect(q.value).toBeCloseTo(value, 5);
  });

  it('does not count "one" used as an article or pronoun', () => {
    expect(extractQuantities('one of the officials said the plan is sound')).toEqual([]);
  });
});

describe('sameQuantity', () => {
  const q = (text: string) => only(text);
  it('accepts rounding to the rounder figure', () => {
    expect(sameQuantity(q('$1.27 billion'), q('$1.3bn'))).toBe(true);
    expect(sameQuantity(q('33%'), q('a third'))).toBe(true);
  });
  it('refuses figures that differ beyond rounding', () => {
    expect(sameQuantity(q('38,500 troops'), q('40,000 troops'))).toBe(false);
    expect(sameQuantity(q('35%'), q('36%'))).toBe(false);
    expect(sameQuantity(q('€1.3 billion'), q('$1.3 billion'))).toBe(false);
  });
  it('lets a count match money whose currency was dropped', () => {
    expect(sameQuantity(q('1.2 billion'), q('€1.2bn'))).toBe(true);
  });
});

describe('compareQuantities', () => {
  it('agrees when a partial re-quote keeps only some figures', () => {
    const full = extractQuantities('up to 900 workers for 14 months');
    expect(compareQuantities(full, extractQuantities('up to 900 workers'))).toEqual({ state: 'agree', matched: 1 });
  });
  it('conflicts when a figure changed', () => {
    expect(compareQuantities(extractQuantities('112 cases'), extractQuantities('211 cases')).state).toBe('conflict');
  });
});

describe('compareClaims', () => {
  const compare = (a: string, b: string, ca?: string, cb?: string) => compareClaims(claimFeatures(a, ca), claimFeatures(b, cb));

  it('labels a reworded claim with a rounded, reformatted figure `same`', () => {
    const r = compare('The government will spend €1.3 billion on rail upgrades.', '1.3bn euros will be spent upgrading rail, the government said.');
    expect(r.relation).toBe('same');
  });
  it('labels a changed figure `variant`, never `same`, and says why', () => {
    const r = compare('The county has confirmed 112 measles cases since January.', 'The county has confirmed 211 measles cases since January.');
    expect(r.relation).toBe('variant');
    expect(r.reasons).toContain('different figure');
  });
  it('labels a reversed direction `variant`', () => {
    const r = compare('Unemployment rose to 5.1 percent in the second quarter.', 'Unemployment fell to 5.1 percent in the second quarter.');
    expect(r.relation).toBe('variant');
    expect(r.reasons).toContain('opposite direction');
  });
  it('does not read "up to" as a rise', () => {
    expect(claimFeatures('adding up to 900 police positions').direction).toBe(0);
  });
  it('labels the same words from another speaker `variant`', () => {
    const r = compare('There is no evidence of fraud.', 'There is no evidence of fraud.', 'Martin Cole', 'Ruth Delgado');
    expect(r.reasons).toContain('different speaker');
    expect(r.relation).toBe('variant');
  });
  it('finds the speaker of reported speech in the text', () => {
    expect(claimFeatures('Brisk said the numbers had nearly doubled').speaker).toBe('brisk');
    expect(claimFeatures('the troops would go home, according to Teodor Halm').speaker).toBe('halm');
  });
  it('does not match a new claim on the same topic', () => {
    expect(compare('The harbor ferry carries 3,000 passengers a day.', 'The new bridge would carry about 40,000 vehicles a day.').relation).not.toBe(
      'same',
    );
  });
  it('keeps scores within 0..1', () => {
    const r = compare('A third of the cost', 'A third of the cost');
    expect(r.score).toBeGreaterThan(0.9);
    expect(r.score).toBeLessThanOrEqual(1);
  });
});
