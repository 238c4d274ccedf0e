import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { suggestClaims, type Suggestion } from '@/lib/suggest';
import { overlapLength } from '@/lib/suggest/overlap';

/*
 * Quality of the suggestion engine against hand-annotated articles.
 *
 * Matching rule: a predicted suggestion matches a gold item of the same type when their spans
 * overlap by at least 50% of the LONGER of the two spans. Each gold item and each prediction is
 * matched at most once (greedy, best overlap first). Counts are pooled across all fixtures, then
 *   precision = matched predictions / predictions, recall = matched gold / gold (per type).
 * Speaker accuracy is measured over matched quotes: case-insensitive, after dropping a leading
 * article (a/an/the); the prediction is right when it contains the gold speaker or is contained
 * in it ("Kofman" is accepted for "Michael Kofman").
 */

const FIXTURES = path.resolve(__dirname, '../fixtures/suggest');
const SCORED_TYPES = ['quote', 'statistic'] as const;
const MIN_RECALL = 0.85;
const MIN_PRECISION = 0.7;
const MIN_SPEAKER_ACCURACY = 0.8;

interface GoldItem {
  type: Suggestion['type'];
  text: string;
  speaker: string | null;
}
interface Span {
  start: number;
  end: number;
}

function loadFixtures() {
  return readdirSync(FIXTURES)
    .filter((file) => file.endsWith('.txt'))
    .sort()
    .map((file) => {
      const body = readFileSync(path.join(FIXTURES, file), 'utf8');
      const gold = JSON.parse(readFileSync(path.join(FIXTURES, file.replace(/\.txt$/, '.gold.json')), 'utf8')) as GoldItem[];
      return { file, body, gold };
    });
}

/** Locates each gold text in the article; gold texts must occur exactly once. */
function goldSpans(body: string, gold: GoldItem[]) {
  return gold.map((item) => {
    const start = body.indexOf(item.text);
    if (start < 0 || body.indexOf(item.text, start + 1) >= 0) throw new Error(`gold text not found exactly once: ${item.text.slice(0, 60)}`);
    return { ...item, start, end: start + item.text.length };
  });
}

function matches(a: Span, b: Span): boolean {
  return overlapLength(a, b) >= 0.5 * Math.max(a.end - a.start, b.end - b.start);
}

const normaliseSpeaker = (s: string) => s.toLowerCase().replace(/^(?:the|a|an)\s+/, '').trim();

function speakerAgrees(predicted: string | null, gold: string | null): boolean {
  if (predicted === null || gold === null) return predicted === gold;
  const p = normaliseSpeaker(predicted);
  const g = normaliseSpeaker(gold);
  return p.length > 0 && (p.includes(g) || g.includes(p));
}

/** Greedy one-to-one matching, largest overlap first. */
function matchPairs<G extends Span, P extends Span>(gold: G[], predicted: P[]) {
  const candidates: Array<{ g: number; p: number; overlap: number }> = [];
  gold.forEach((g, gi) => predicted.forEach((p, pi) => matches(g, p) && candidates.push({ g: gi, p: pi, overlap: overlapLength(g, p) })));
  candidates.sort((a, b) => b.overlap - a.overlap);
  const usedG = new Set<number>();
  const usedP = new Set<number>();
  const pairs: Array<[G, P]> = [];
  for (const c of candidates) {
    if (usedG.has(c.g) || usedP.has(c.p)) continue;
    usedG.add(c.g);
    usedP.add(c.p);
    pairs.push([gold[c.g], predicted[c.p]]);
  }
  return pairs;
}

function evaluate() {
  const totals = Object.fromEntries(SCORED_TYPES.map((t) => [t, { gold: 0, predicted: 0, matched: 0 }]));
  let speakerChecked = 0;
  let speakerRight = 0;
  const misses: string[] = [];
  for (const { file, body, gold } of loadFixtures()) {
    const spans = goldSpans(body, gold);
    const predicted = suggestClaims(body);
    for (const type of SCORED_TYPES) {
      const g = spans.filter((item) => item.type === type);
      const p = predicted.filter((item) => item.type === type);
      const pairs = matchPairs(g, p);
      totals[type].gold += g.length;
      totals[type].predicted += p.length;
      totals[type].matched += pairs.length;
      for (const item of g) if (!pairs.some(([gi]) => gi === item)) misses.push(`${file} missed ${type}: ${item.text.slice(0, 70)}`);
      for (const item of p) if (!pairs.some(([, pi]) => pi === item)) misses.push(`${file} extra ${type}: ${item.text.slice(0, 70)}`);
      if (type !== 'quote') continue;
      for (const [gi, pi] of pairs) {
        speakerChecked += 1;
        if (speakerAgrees(pi.speaker, gi.speaker)) speakerRight += 1;
        else misses.push(`${file} speaker: got ${pi.speaker} want ${gi.speaker}: ${gi.text.slice(0, 50)}`);
      }
    }
  }
  const rows = SCORED_TYPES.map((type) => {
    const t = totals[type];
    return { type, gold: t.gold, predicted: t.predicted, matched: t.matched, precision: t.predicted ? t.matched / t.predicted : 0, recall: t.gold ? t.matched / t.gold : 0 };
  });
  return { rows, speakerAccuracy: speakerChecked ? speakerRight / speakerChecked : 0, speakerChecked, misses };
}

describe('suggestClaims quality on annotated articles', () => {
  const result = evaluate();

  it('prints precision, recall and speaker accuracy', () => {
    console.log(
      ['type       gold  pred  match  precision  recall', ...result.rows.map((r) => `${r.type.padEnd(10)} ${String(r.gold).padStart(4)}  ${String(r.predicted).padStart(4)}  ${String(r.matched).padStart(5)}  ${r.precision.toFixed(2).padStart(9)}  ${r.recall.toFixed(2).padStart(6)}`), `speaker accuracy over ${result.speakerChecked} matched quotes: ${result.speakerAccuracy.toFixed(2)}`].join('\n'),
    );
    if (process.env.SUGGEST_DEBUG) console.log(result.misses.join('\n'));
    expect(result.rows.every((r) => r.gold > 0)).toBe(true);
  });

  it.each(SCORED_TYPES)('reaches recall %s >= 0.85 and precision >= 0.7', (type) => {
    const row = result.rows.find((r) => r.type === type)!;
    expect(row.recall).toBeGreaterThanOrEqual(MIN_RECALL);
    expect(row.precision).toBeGreaterThanOrEqual(MIN_PRECISION);
  });

  it('attributes matched quotes to the right speaker (accuracy >= 0.8)', () => {
    expect(result.speakerAccuracy).toBeGreaterThanOrEqual(MIN_SPEAKER_ACCURACY);
  });
});
