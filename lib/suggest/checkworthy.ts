import { splitClauses } from './clauses';
import type { MentionTracker } from './mentions';
import type { SpanIndex } from './overlap';
import { speakerFields } from './quotes';
import type { ParsedText, Token } from './sentences';
import { isNegatedRecord } from './negated-record';
import { isRhetoric } from './rhetoric';
import { findAttribution } from './speakers';
import { type Turn, speakerInTurn } from './turns';
import type { Suggestion } from './types';

/*
 * Check-worthy sentences without figures: comparisons and superlatives, records and firsts, causes
 * and trends, and voting records. Each signal is a small set of word patterns over compromise's
 * tokens; sentences that state an opinion, a prediction or a question are left out, because they
 * cannot be checked.
 */

/** Which kind of number-free claim a clause makes (shown in the suggestion's reason). */
export type ClaimSignal = 'comparison' | 'record' | 'trend' | 'cause' | 'vote';

const REASONS: Record<ClaimSignal, string> = {
  comparison: 'Comparison or superlative',
  record: 'Record, first or never',
  trend: 'Trend (rose, fell, went up)',
  cause: 'Causal claim',
  vote: 'Voting or legislative record',
};

const COMPARATIVE_WORDS = new Set([
  'more',
  'less',
  'fewer',
  'faster',
  'slower',
  'higher',
  'lower',
  'larger',
  'smaller',
  'bigger',
  'cheaper',
  'longer',
  'shorter',
  'greater',
  'worse',
  'older',
  'younger',
  'safer',
  'earlier',
  'later',
]);
/** "more candid than usual", "slower than expected": measured against an impression, not a fact. */
const SUBJECTIVE_BASELINES = new Set(['usual', 'expected', 'anticipated', 'hoped', 'necessary', 'needed', 'planned']);
/** After a superlative, a frame that makes it a factual ranking ("the largest ... in its history"). */
const RANKING_FRAMES = [
  'in history',
  'in its history',
  'in the history',
  'in the country',
  'in the region',
  'in the county',
  'in the state',
  'in a generation',
  'on record',
  'ever',
  'since',
  'of any',
  'than any',
  'in a decade',
  'in decades',
  'in the world',
];
const SUPERLATIVE_WORDS = new Set([
  'most',
  'least',
  'fewest',
  'largest',
  'lowest',
  'highest',
  'biggest',
  'smallest',
  'strongest',
  'weakest',
  'worst',
  'fastest',
  'slowest',
  'deadliest',
  'longest',
  'leading',
  'oldest',
  'youngest',
  'busiest',
  'best',
]);
const RECORD_WORDS = new Set(['unprecedented', 'unbeaten', 'undefeated', 'first', 'only']);
const ABSOLUTE_RECORDS = new Set(['unprecedented', 'unbeaten', 'undefeated']);
/** "at record levels", "a record crowd", "record high": a record, not someone's "record" (voting record, "the record is clear"). */
const RECORD_BEFORE = new Set(['a', 'at', 'new', 'all-time']);
const RECORD_AFTER = new Set([
  'high',
  'highs',
  'low',
  'lows',
  'level',
  'levels',
  'numbers',
  'crowd',
  'crowds',
  'year',
  'turnout',
  'time',
  'temperatures',
]);
const isRecordLevel = (tokens: Token[], i: number) => RECORD_BEFORE.has(tokens[i - 1]?.normal ?? '') || RECORD_AFTER.has(tokens[i + 1]?.normal ?? '');
const TREND_WORDS = new Set([
  'rose',
  'risen',
  'rise',
  'rises',
  'rising',
  'fell',
  'fallen',
  'fall',
  'falls',
  'falling',
  'increased',
  'increases',
  'decreased',
  'declined',
  'declines',
  'grew',
  'grown',
  'dropped',
  'doubled',
  'tripled',
  'halved',
  'climbed',
  'soared',
  'surged',
  'plunged',
  'plummeted',
  'shrank',
  'shrunk',
  'slumped',
  'tumbled',
  'jumped',
  'weakened',
  'strengthened',
]);
/** Two-word trends: "gone up", "went down". */
const TREND_PARTICLES: Record<string, string[]> = {
  went: ['up', 'down'],
  gone: ['up', 'down'],
  go: ['up', 'down'],
  pushed: ['up', 'down', 'higher', 'lower'],
};
const CAUSE_WORDS = new Set(['caused', 'causing', 'causes', 'because', 'blamed', 'reason', 'resulted', 'triggered', 'fuelled', 'fueled']);
const VOTE_WORDS = new Set(['voted', 'votes', 'vote', 'supported', 'opposed', 'backed', 'sponsored', 'vetoed', 'abstained', 'passed', 'approved']);
const VOTE_FOLLOWERS = new Set(['for', 'against', 'to', 'the', 'it', 'a', 'an', 'every', 'each', 'with']);
/** Words that make a sentence an opinion, a wish or a prediction rather than a checkable claim. */
const NOT_FACTUAL = new Set([
  'will',
  'would',
  'could',
  'might',
  'may',
  'should',
  'must',
  'shall',
  "won't",
  'deserve',
  'deserves',
  'think',
  'believe',
  'believes',
  'doubt',
  'hope',
  'hopes',
  'expect',
  'expects',
  'expected',
  'likely',
  'unlikely',
  'probably',
  'perhaps',
  'maybe',
  'if',
  'want',
  'wants',
  'feel',
  'feels',
  'seems',
  'seem',
  'plans',
  'plan',
  'intends',
  'promise',
  'promised',
]);
const MIN_WORDS = 5;
/** A possessive whole before a superlative ranks within it: "the state's largest", "the country's oldest". */
const RANKED_WITHIN = /^(?:state|country|nation|region|county|world|province)(?:'s|’s)$/;
const NEGATIONS = new Set(['not', 'no', 'nobody', 'none']);

const phraseAt = (tokens: Token[], i: number, n: number) =>
  tokens
    .slice(i, i + n)
    .map((t) => t.normal)
    .join(' ');

function hasRankingFrame(tokens: Token[], from: number): boolean {
  for (let i = from; i < tokens.length; i += 1) {
    if (RANKING_FRAMES.some((frame) => phraseAt(tokens, i, frame.split(' ').length) === frame)) return true;
  }
  return false;
}

/** The first signal that fires in a clause, or null. */
export function claimSignal(tokens: Token[]): ClaimSignal | null {
  const than = tokens.findIndex((t) => t.normal === 'than');
  for (let i = 0; i < tokens.length; i += 1) {
    const { normal } = tokens[i];
    const next = tokens[i + 1]?.normal ?? '';
    // "more than three hours": a hedge on a figure, not a comparison
    const hedge = than === i + 1 && tokens[than + 1]?.tags.has('Value');
    if (
      than > i &&
      !hedge &&
      !SUBJECTIVE_BASELINES.has(tokens[than + 1]?.normal ?? '') &&
      (COMPARATIVE_WORDS.has(normal) || tokens[i].tags.has('Comparative'))
    )
      return 'comparison';
    // "the largest ... in the state" or "the state's largest ...": a ranking within a named whole
    if (
      (SUPERLATIVE_WORDS.has(normal) || tokens[i].tags.has('Superlative')) &&
      (hasRankingFrame(tokens, i + 1) || RANKED_WITHIN.test(tokens[i - 1]?.normal ?? ''))
    )
      return 'comparison';
    if (
      normal === 'record'
        ? isRecordLevel(tokens, i)
        : RECORD_WORDS.has(normal) && (ABSOLUTE_RECORDS.has(normal) || hasRankingFrame(tokens, i + 1) || next === 'time')
    )
      return 'record';
    // "has never supported it" is a record; "she never talks about that" (habitual present) a complaint
    if (normal === 'never' && tokens[i + 1]?.tags.has('Verb') && !tokens[i + 1].tags.has('PresentTense')) return 'record';
    // "has not won since", "no challenger had unseated a councillor since"
    if (NEGATIONS.has(normal) && tokens.slice(i + 1).some((t) => t.normal === 'since')) return 'record';
    if (
      TREND_WORDS.has(normal) ||
      TREND_PARTICLES[normal]?.includes(next) ||
      (normal === 'pushed' && tokens.slice(i + 1, i + 5).some((t) => t.normal === 'higher' || t.normal === 'lower'))
    )
      return 'trend';
    if (
      CAUSE_WORDS.has(normal) ||
      (normal === 'led' && next === 'to') ||
      (normal === 'due' && next === 'to' && !tokens[i + 2]?.tags.has('Infinitive'))
    )
      return 'cause';
    if (VOTE_WORDS.has(normal) && (VOTE_FOLLOWERS.has(next) || normal === 'voted') && i > 0) return 'vote';
    if (normal === 'wrote' && tokens.slice(i + 1, i + 3).some((t) => t.normal === 'bill' || t.normal === 'law')) return 'vote';
  }
  return isNegatedRecord(tokens) ? 'record' : null;
}

/** Opinions, predictions and questions are not factual claims. */
export function isFactual(tokens: Token[], text: string): boolean {
  if (tokens.length < MIN_WORDS || /\?\s*["”’]?$/.test(text)) return false;
  if (!tokens.some((t) => t.tags.has('Verb'))) return false;
  // "who spoke on condition of anonymity because he was not authorised ...": sourcing, not a claim
  if (tokens.some((t) => t.normal === 'anonymity' || t.normal === 'authorised' || t.normal === 'authorized')) return false;
  return !tokens.some((t) => NOT_FACTUAL.has(t.normal)) && !isRhetoric(tokens);
}

/**
 * Number-free check-worthy clauses outside quotations and other suggestions (`taken`), typed
 * 'other', credited to the speaker the sentence names (or the transcript turn it is in).
 */
export function findNumberFreeClaims(parsed: ParsedText, tracker: MentionTracker, turns: Array<Turn | undefined>, taken: SpanIndex): Suggestion[] {
  const { text } = parsed;
  const suggestions: Suggestion[] = [];
  for (const sentence of parsed.sentences) {
    const paragraph = parsed.paragraphs[sentence.paragraph];
    if (paragraph.furniture) continue;
    const turn = turns[sentence.paragraph];
    // a moderator's or host's question restates others' claims; it makes none
    if (turn?.chair) continue;
    for (const clause of splitClauses(sentence)) {
      if (taken.overlapsAny(clause)) continue;
      const clauseText = text.slice(clause.start, clause.end);
      const tokens = turn && clause.start < turn.bodyStart ? clause.tokens.filter((t) => t.start >= turn.bodyStart) : clause.tokens;
      if (!isFactual(tokens, clauseText)) continue;
      const signal = claimSignal(tokens);
      if (!signal) continue;
      const attribution = findAttribution(text, tokens, 'lead', clause.start === sentence.start);
      const named = attribution ? speakerInTurn(attribution, turn, tracker) : null;
      const speaker = named ?? turn?.speaker ?? null;
      const start = tokens[0].start === clause.tokens[0].start ? clause.start : tokens[0].start;
      suggestions.push({
        start,
        end: clause.end,
        text: text.slice(start, clause.end),
        type: 'other',
        reason: `${REASONS[signal]} without a figure${speaker ? ` (credited to ${speaker.name})` : ''}`,
        ...speakerFields(speaker),
      });
    }
  }
  return suggestions;
}
