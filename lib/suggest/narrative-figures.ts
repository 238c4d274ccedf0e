import type { Token } from './sentences';

/*
 * Numbers written as words that tell the story rather than state a checkable amount: a reference to a known
 * set ("the two candidates", "both three-term members"), a span or point of narrative time ("for ninety minutes
 * they agreed on nothing", "after ninety years", "two years ago"), or a prediction ("in ten years it will be loved").
 */

/** Words before a number that make it a reference to people or things already known. */
const REFERENCE = new Set(['the', 'these', 'those', 'its', 'their', 'his', 'her', 'our', 'your', 'my', 'both', 'all']);
const TIME_UNITS = new Set([
  'minute',
  'minutes',
  'hour',
  'hours',
  'day',
  'days',
  'week',
  'weeks',
  'month',
  'months',
  'year',
  'years',
  'decade',
  'decades',
]);
const TIME_PREPOSITIONS = new Set(['for', 'after', 'in', 'within', 'over', 'with']);
/** "two years ago", "three days later": a point in the story's time. */
const TIME_REFERENCES = new Set(['ago', 'earlier', 'later', 'before', 'after', 'left', 'remaining', 'from']);
/** Hedges between a preposition and its number: "for more than three hours". */
const HEDGES = new Set(['more', 'less', 'than', 'nearly', 'almost', 'about', 'around', 'over', 'just', 'under', 'some']);
const FUTURE = new Set(['will', 'would', 'might', 'may', 'could', "'ll", '’ll', 'shall']);

/** Whether the figure written as words at `i` is narrative: a reference or a span of time. */
function isNarrative(tokens: readonly Token[], i: number): boolean {
  let back = i - 1;
  while (back > 0 && HEDGES.has(tokens[back].normal)) back -= 1;
  const before = tokens[back]?.normal ?? '';
  if (REFERENCE.has(before)) return true;
  if (!TIME_UNITS.has(tokens[i + 1]?.normal ?? '')) return false;
  return TIME_PREPOSITIONS.has(before) || TIME_REFERENCES.has(tokens[i + 2]?.normal ?? '');
}

/**
 * Whether a clause whose figures are all written as words (`at`: their token indices) states nothing to check:
 * every figure is narrative, or the clause predicts ("will", "would").
 */
export function onlyNarrativeFigures(tokens: readonly Token[], at: number[]): boolean {
  if (at.length === 0 || at.some((i) => /\d/.test(tokens[i].text))) return false;
  return at.every((i) => isNarrative(tokens, i)) || tokens.some((t) => FUTURE.has(t.normal));
}
