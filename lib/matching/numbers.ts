/**
 * Quantities in claim text, normalised so that "€1.3 billion", "1.3bn euros" and "1,300 million euros" compare equal,
 * "a third" equals "33%", and "forty thousand" equals "40,000". Pure; no NLP library (runs per candidate, must be fast).
 */

/** What a quantity measures; `year` is kept apart because "in 2030" and "2,030 homes" are different things. */
export type QuantityKind = 'count' | 'percent' | 'money' | 'year';
export type Quantity = { value: number; kind: QuantityKind; currency?: string };

const UNITS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  dozen: 12,
};
const SCALES: Record<string, number> = {
  hundred: 100,
  thousand: 1e3,
  k: 1e3,
  million: 1e6,
  m: 1e6,
  mn: 1e6,
  mln: 1e6,
  billion: 1e9,
  bn: 1e9,
  b: 1e9,
  trillion: 1e12,
  tn: 1e12,
  trn: 1e12,
};
/** Fractions said in words, as percentages ("a third" = 33.3%, "one in five" handled separately). */
const FRACTIONS: Record<string, number> = {
  half: 50,
  halves: 50,
  third: 100 / 3,
  thirds: 100 / 3,
  quarter: 25,
  quarters: 25,
  fifth: 20,
  fifths: 20,
  tenth: 10,
  tenths: 10,
};
const CURRENCY_SYMBOLS: Record<string, string> = { '€': 'EUR', $: 'USD', '£': 'GBP', '¥': 'JPY' };
const CURRENCY_WORDS: Record<string, string> = {
  euro: 'EUR',
  euros: 'EUR',
  eur: 'EUR',
  dollar: 'USD',
  dollars: 'USD',
  usd: 'USD',
  pound: 'GBP',
  pounds: 'GBP',
  gbp: 'GBP',
  sterling: 'GBP',
  yen: 'JPY',
};
const PERCENT_WORDS = new Set(['%', 'percent', 'pc', 'pct']);

// One token: a currency symbol, a number with its glued scale or %, a word, or a lone % sign.
const TOKEN = /[€$£¥]|\d[\d,]*(?:\.\d+)?(?:bn|tn|trn|mn|mln|m|k|b)?%?|[a-z]+|%/g;
const NUMERIC = /^(\d[\d,]*(?:\.\d+)?)(bn|tn|trn|mn|mln|m|k|b)?(%)?$/;

function tokens(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replace(/per\s+cent/g, 'percent')
      .replace(/(\w)-(\w)/g, '$1 $2')
      .match(TOKEN) ?? []
  );
}

/** Parses a run of number words starting at i ("two hundred and fifty thousand"); returns value and next index. */
function numberWords(words: string[], i: number): { value: number; next: number } | null {
  let total = 0;
  let current = 0;
  let j = i;
  let seen = false;
  for (; j < words.length; j++) {
    const w = words[j];
    if (w in UNITS) {
      current += UNITS[w];
      seen = true;
    } else if (seen && w === 'hundred') current = (current || 1) * 100;
    else if (seen && w in SCALES && SCALES[w] >= 1e3 && w.length > 2) {
      total += (current || 1) * SCALES[w];
      current = 0;
    } else if (seen && w === 'and' && j + 1 < words.length && words[j + 1] in UNITS) continue;
    else break;
  }
  return seen ? { value: total + current, next: j } : null;
}

/**
 * Every quantity in `text`: digits or number words, with scale words ("1.3bn", "40 thousand"), currency (symbol
 * or word, before or after), percent and fractions ("a third", "two-thirds", "one in five"). Bare four-digit
 * numbers between 1900 and 2099 are years. "one"/"a" alone are not counts (they are articles far more often).
 */
export function extractQuantities(text: string): Quantity[] {
  const words = tokens(text);
  const out: Quantity[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    let currency = CURRENCY_SYMBOLS[w];
    const start = currency ? i + 1 : i;
    let value: number | null = null;
    let next = start + 1;
    let percent = false;
    let glued = false;
    const numeric = NUMERIC.exec(words[start] ?? '');
    if (numeric) {
      value = Number(numeric[1].replace(/,/g, ''));
      if (numeric[2]) value *= SCALES[numeric[2]];
      percent = !!numeric[3];
      glued = !!numeric[2];
    } else if ((words[start] === 'a' || words[start] === 'one') && words[start + 1] in FRACTIONS) {
      out.push({ value: FRACTIONS[words[start + 1]], kind: 'percent' });
      i = start + 1;
      continue;
    } else if (words[start] === 'half' && (words[start - 1] === 'a' || words[start + 1] === 'of' || words[start + 1] === 'the')) {
      out.push({ value: 50, kind: 'percent' });
      continue;
    } else {
      const parsed = numberWords(words, start);
      if (parsed && !(parsed.value === 1 && parsed.next === start + 1 && words[start] === 'one' && words[start + 1] !== 'in')) {
        value = parsed.value;
        next = parsed.next;
      }
    }
    if (value === null) continue;
    // "two thirds", "3 quarters": a count of fractions
    if (words[next] in FRACTIONS && value < 10) {
      out.push({ value: value * FRACTIONS[words[next]], kind: 'percent' });
      i = next;
      continue;
    }
    // "one in five", "1 in 3", "nine out of ten"
    const ofAt = words[next] === 'in' ? next + 1 : words[next] === 'out' && words[next + 1] === 'of' ? next + 2 : -1;
    if (ofAt > 0 && words[ofAt]) {
      const of = NUMERIC.exec(words[ofAt]) ? Number(words[ofAt]) : UNITS[words[ofAt]];
      if (of && of > value) {
        out.push({ value: (100 * value) / of, kind: 'percent' });
        i = ofAt;
        continue;
      }
    }
    if (words[next] === 'decade' || words[next] === 'decades') value *= 10; // "three decades" = "30 years"
    while (!glued && words[next] in SCALES && SCALES[words[next]] >= 1e3) {
      value *= SCALES[words[next]];
      next++;
    }
    if (PERCENT_WORDS.has(words[next] ?? '')) {
      percent = true;
      next++;
    }
    if (!currency && CURRENCY_WORDS[words[next] ?? '']) {
      currency = CURRENCY_WORDS[words[next]];
      next++;
    }
    const year = !currency && !percent && Number.isInteger(value) && value >= 1900 && value <= 2099 && /^\d{4}$/.test(words[start]);
    out.push(
      year
        ? { value, kind: 'year' }
        : percent
          ? { value, kind: 'percent' }
          : currency
            ? { value, kind: 'money', currency }
            : { value, kind: 'count' },
    );
    i = next - 1;
  }
  return out;
}

/** Significant digits of a number as written (40,000 -> 1, 38,500 -> 3, 1.3e9 -> 2). */
function significantDigits(value: number): number {
  // toExponential gives the shortest mantissa that round-trips: 40000 -> "4e+4", 38500 -> "3.85e+4".
  return Math.abs(value).toExponential().split('e')[0].replace('.', '').length;
}

/**
 * Whether two quantities state the same figure: same kind (a count may be money whose currency was dropped),
 * same currency when both name one, and equal once the more precise one is rounded to the rounder one's
 * precision, within 3.5% (so 1.27bn ~ 1.3bn and 33% ~ a third, but 38,500 is not "about 40,000").
 */
export function sameQuantity(a: Quantity, b: Quantity): boolean {
  if (a.kind !== b.kind) {
    const loose = (a.kind === 'count' && b.kind === 'money') || (a.kind === 'money' && b.kind === 'count');
    if (!loose) return false;
  }
  if (a.currency && b.currency && a.currency !== b.currency) return false;
  if (a.value === b.value) return true;
  // Percentages are small numbers: "a third" (33.3) is 33%, but 35% is not 36%.
  if (a.kind === 'percent' && b.kind === 'percent') return Math.abs(a.value - b.value) < 0.7;
  const big = Math.max(Math.abs(a.value), Math.abs(b.value));
  if (Math.abs(a.value - b.value) / big > 0.035) return false;
  const rounder = significantDigits(a.value) <= significantDigits(b.value) ? a.value : b.value;
  const other = rounder === a.value ? b.value : a.value;
  const precision = Math.min(significantDigits(rounder), 15);
  return Number(other.toPrecision(precision)) === rounder;
}

/** How the figures of two claims relate: `agree` (every shared figure matches), `conflict`, or `none` to compare. */
export type NumberAgreement = { state: 'agree' | 'conflict' | 'none' | 'one-sided'; matched: number };

/**
 * Compares the quantities of two claims. A conflict is a figure on each side without a partner on the other
 * (a changed number); extra figures on one side only (a partial re-quote) still agree.
 */
export function compareQuantities(a: Quantity[], b: Quantity[]): NumberAgreement {
  if (a.length === 0 && b.length === 0) return { state: 'none', matched: 0 };
  if (a.length === 0 || b.length === 0) return { state: 'one-sided', matched: 0 };
  const aLeft = a.filter((qa) => !b.some((qb) => sameQuantity(qa, qb)));
  const bLeft = b.filter((qb) => !a.some((qa) => sameQuantity(qa, qb)));
  const matched = a.length - aLeft.length;
  // A leftover figure on both sides of the same kind is a changed figure; different kinds are extra detail.
  const changed = aLeft.some((qa) => bLeft.some((qb) => qa.kind === qb.kind || (qa.kind !== 'year' && qb.kind !== 'year')));
  if (changed || matched === 0) return { state: 'conflict', matched };
  return { state: 'agree', matched };
}
