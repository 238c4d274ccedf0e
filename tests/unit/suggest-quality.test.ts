import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { suggestClaims, type Suggestion } from '@/lib/suggest';
import { FIXTURES, evaluateAnnotated, figures, formatTable, loadAnnotated, matchPairs, speakerAgrees, type Figures } from './suggest-gold';

/*
 * Quality of the suggestion engine against hand-annotated articles (formats and matching rules:
 * see suggest-gold.ts). Two sets:
 *  - the first five articles (NAME.txt + NAME.gold.json), scored per type as before;
 *  - the annotated articles in seven styles, with a tune split (looked at while tuning) and a
 *    held-out split (only its totals were read while tuning). Each figure is kept from dropping:
 *    the floors below sit a little under what was measured (see the note of issue 17).
 */

const LEGACY_TYPES = ['quote', 'statistic'] as const;
const LEGACY_MIN_RECALL = 0.85;
const LEGACY_MIN_PRECISION = 0.7;
const LEGACY_MIN_SPEAKER_ACCURACY = 0.8;

interface LegacyGold {
  type: Suggestion['type'];
  text: string;
  speaker: string | null;
}

function evaluateLegacy() {
  const totals = Object.fromEntries(LEGACY_TYPES.map((t) => [t, { gold: 0, predicted: 0, matched: 0 }]));
  let speakerChecked = 0;
  let speakerRight = 0;
  for (const file of readdirSync(FIXTURES).filter((f) => f.endsWith('.gold.json'))) {
    const body = readFileSync(path.join(FIXTURES, file.replace(/\.gold\.json$/, '.txt')), 'utf8');
    const gold = (JSON.parse(readFileSync(path.join(FIXTURES, file), 'utf8')) as LegacyGold[]).map((item) => {
      const start = body.indexOf(item.text);
      if (start < 0 || body.indexOf(item.text, start + 1) >= 0) throw new Error(`gold text not found exactly once: ${item.text.slice(0, 60)}`);
      return { ...item, start, end: start + item.text.length };
    });
    const predicted = suggestClaims(body);
    for (const type of LEGACY_TYPES) {
      const pairs = matchPairs(
        gold.filter((g) => g.type === type),
        predicted.filter((p) => p.type === type),
      );
      totals[type].gold += gold.filter((g) => g.type === type).length;
      totals[type].predicted += predicted.filter((p) => p.type === type).length;
      totals[type].matched += pairs.length;
      if (type !== 'quote') continue;
      speakerChecked += pairs.length;
      speakerRight += pairs.filter(([g, p]) => speakerAgrees(p.speaker, g.speaker)).length;
    }
  }
  return { totals, speakerAccuracy: speakerChecked ? speakerRight / speakerChecked : 0 };
}

describe('suggestClaims quality on the first five annotated articles', () => {
  const result = evaluateLegacy();

  it.each(LEGACY_TYPES)('reaches recall %s >= 0.85 and precision >= 0.7', (type) => {
    const t = result.totals[type];
    expect(t.gold).toBeGreaterThan(30);
    expect(t.matched / t.gold).toBeGreaterThanOrEqual(LEGACY_MIN_RECALL);
    expect(t.matched / t.predicted).toBeGreaterThanOrEqual(LEGACY_MIN_PRECISION);
  });

  it('attributes matched quotes to the right speaker (accuracy >= 0.8)', () => {
    expect(result.speakerAccuracy).toBeGreaterThanOrEqual(LEGACY_MIN_SPEAKER_ACCURACY);
  });
});

/**
 * Floors per group: the figures measured after round two of issue 17 (transcript turns, colon introductions, rhetoric;
 * two new tune articles) less 0.03, capped at 0.97 (notCheckWorthyShare is a ceiling, measured plus 0.03). Held-out
 * measured 0.98 / 1.00 / 0.89 / 0.84 / 0.16. The engine is deterministic, so a drop below a floor is a real regression.
 * Round three added five tune articles (question time, a mayoral debate, an opinion piece, a rugby report, a council
 * meeting) and re-measured the same way, keeping any older floor that still holds; held-out then measured
 * 0.98 / 1.00 / 0.91 / 0.84 / 0.13. Three floors are lower only because the new articles joined their style: debate,
 * opinion and sports-report claim recall (number-free claims the engine still misses there, see the tune misses).
 */
const FLOORS: Record<string, Figures> = {
  all: { quoteRecall: 0.96, quotePrecision: 0.97, speakerAccuracy: 0.92, claimRecall: 0.8, notCheckWorthyShare: 0.11 },
  'split:held-out': { quoteRecall: 0.95, quotePrecision: 0.97, speakerAccuracy: 0.87, claimRecall: 0.81, notCheckWorthyShare: 0.17 },
  'split:tune': { quoteRecall: 0.97, quotePrecision: 0.97, speakerAccuracy: 0.96, claimRecall: 0.79, notCheckWorthyShare: 0.06 },
  'style:council meeting': { quoteRecall: 0.91, quotePrecision: 0.97, speakerAccuracy: 0.85, claimRecall: 0.8, notCheckWorthyShare: 0.18 },
  'style:debate': { quoteRecall: 0.97, quotePrecision: 0.97, speakerAccuracy: 0.93, claimRecall: 0.84, notCheckWorthyShare: 0.16 },
  'style:interview': { quoteRecall: 0.97, quotePrecision: 0.97, speakerAccuracy: 0.94, claimRecall: 0.6, notCheckWorthyShare: 0.06 },
  'style:live blog': { quoteRecall: 0.97, quotePrecision: 0.97, speakerAccuracy: 0.97, claimRecall: 0.97, notCheckWorthyShare: 0.03 },
  'style:local/sports': { quoteRecall: 0.97, quotePrecision: 0.97, speakerAccuracy: 0.85, claimRecall: 0.69, notCheckWorthyShare: 0.08 },
  'style:opinion': { quoteRecall: 0.89, quotePrecision: 0.97, speakerAccuracy: 0.97, claimRecall: 0.79, notCheckWorthyShare: 0.1 },
  'style:parliament transcript': { quoteRecall: 0.97, quotePrecision: 0.97, speakerAccuracy: 0.91, claimRecall: 0.81, notCheckWorthyShare: 0.1 },
  'style:press release': { quoteRecall: 0.97, quotePrecision: 0.97, speakerAccuracy: 0.97, claimRecall: 0.54, notCheckWorthyShare: 0.03 },
  'style:sports report': { quoteRecall: 0.97, quotePrecision: 0.97, speakerAccuracy: 0.97, claimRecall: 0.77, notCheckWorthyShare: 0.19 },
  'style:wire': { quoteRecall: 0.97, quotePrecision: 0.97, speakerAccuracy: 0.94, claimRecall: 0.85, notCheckWorthyShare: 0.07 },
};

describe('suggestClaims quality per style and split (annotated articles)', () => {
  const articles = loadAnnotated();
  const { groups, misses } = evaluateAnnotated(articles, (body) => suggestClaims(body));

  // The figures per group for whoever reads the run (SUGGEST_DEBUG=1 adds every miss).
  afterAll(() => {
    console.log(formatTable(groups));
    if (process.env.SUGGEST_DEBUG) for (const [name, list] of misses) console.log(`== ${name}\n${list.join('\n')}`);
  });

  // The floors below mean something only if the scorer can tell a perfect engine from a useless one on a gold set
  // the size the issue asks for (150+ quotes with speakers, 60+ number-free claims, seven styles, both splits).
  it('gives the gold annotations themselves full marks and a silent engine none, over 150+ quotes and 60+ claims', () => {
    const asSuggestions = (body: string): Suggestion[] =>
      articles
        .find((a) => a.body === body)!
        .gold.map((g) => ({ ...g, type: g.kind === 'claim' ? 'other' : g.kind, speakerStart: null, speakerEnd: null, reason: 'gold' }));
    const perfect = figures(evaluateAnnotated(articles, asSuggestions).groups.get('all')!);
    expect(perfect).toEqual({ quoteRecall: 1, quotePrecision: 1, speakerAccuracy: 1, claimRecall: 1, notCheckWorthyShare: 0 });
    const silent = evaluateAnnotated(articles, () => []).groups.get('all')!;
    expect(figures(silent)).toMatchObject({ quoteRecall: 0, claimRecall: 0 });
    expect(silent.quoteGold).toBeGreaterThanOrEqual(150);
    expect(silent.claimGold).toBeGreaterThanOrEqual(60);
    expect(
      articles.every(
        (a) =>
          !/\d/.test(
            a.gold
              .filter((g) => g.kind === 'claim')
              .map((g) => g.text)
              .join(''),
          ),
      ),
    ).toBe(true);
    expect(new Set(articles.map((a) => a.style)).size).toBeGreaterThanOrEqual(7);
    expect(new Set(articles.map((a) => a.split))).toEqual(new Set(['tune', 'held-out']));
  });

  it.each(Object.keys(FLOORS))('keeps every figure of %s at or above its floor', (group) => {
    const measured = figures(groups.get(group)!);
    const floor = FLOORS[group];
    expect(measured.quoteRecall).toBeGreaterThanOrEqual(floor.quoteRecall);
    expect(measured.quotePrecision).toBeGreaterThanOrEqual(floor.quotePrecision);
    expect(measured.speakerAccuracy).toBeGreaterThanOrEqual(floor.speakerAccuracy);
    expect(measured.claimRecall).toBeGreaterThanOrEqual(floor.claimRecall);
    expect(measured.notCheckWorthyShare).toBeLessThanOrEqual(floor.notCheckWorthyShare);
  });
});
