import { describe, expect, it } from 'vitest';
import { ftsQuery, tsQuery } from '@/lib/search/fts-query';

describe('ftsQuery', () => {
  it('asks for every written form of a number', () => {
    expect(ftsQuery('8000')).toBe('("8000"* OR "8 000"*)');
    expect(ftsQuery('8,000 troops')).toBe('("8 000"* OR "8000"*) AND "troops"*');
    expect(ftsQuery('1.3')).toBe('"1 3"*');
  });

  it('writes percentages and scales in all their forms, without prefix matching', () => {
    const percent = '("50%" OR "50 percent" OR "50 per cent")';
    expect(ftsQuery('50 percent')).toBe(percent);
    expect(ftsQuery('50%')).toBe(percent);
    expect(ftsQuery('50 per cent')).toBe(percent);
    expect(ftsQuery('fifty percent')).toBe('("50%" OR "50 percent" OR "50 per cent" OR "fifty percent" OR "fifty per cent")');
    expect(ftsQuery('$1.3bn')).toBe(ftsQuery('1.3 billion'));
    expect(ftsQuery('1.3 billion')).toContain('"1 3bn"');
  });

  it('leaves other words as quoted prefix terms and never passes FTS syntax through', () => {
    expect(ftsQuery('15 km')).toBe('"15"* AND "km"*');
    expect(ftsQuery('a" OR NEAR(b) *')).toBe('"a"* AND "OR"* AND "NEAR"* AND "b"*');
    expect(ftsQuery('*** %')).toBeNull();
  });
});

describe('tsQuery (PostgreSQL)', () => {
  it('asks for the same phrases as ftsQuery, as quoted, folded lexemes', () => {
    expect(tsQuery('8,000 troops')).toBe("('8' <-> '000':* | '8000':*) & 'troops':*");
    expect(tsQuery('50%')).toBe("('50%' | '50' <-> 'percent' | '50' <-> 'per' <-> 'cent')");
    expect(tsQuery('Zürich CAFÉ')).toBe("'zurich':* & 'cafe':*");
  });

  it('never passes tsquery syntax through', () => {
    expect(tsQuery("a' | !b:* & (c <-> d")).toBe("'a':* & 'b':* & 'c':* & 'd':*");
    expect(tsQuery('*** % !&|')).toBeNull();
  });
});
