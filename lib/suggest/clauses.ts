import type { Sentence, Token } from './sentences';
import type { Span } from './types';

/** A clause of a sentence; the unit a statistic or assertion is suggested at. */
export interface Clause extends Span {
  tokens: Token[];
  sentence: Sentence;
}

/** Conjunctions that, after a comma, may start an independent clause. */
const COORDINATORS = new Set(['and', 'but', 'while', 'whereas']);
/** Each side of a split needs this many words, or the sentence stays whole. */
const MIN_CLAUSE_WORDS = 4;

/** A new clause starts with its own subject, not a verb ("and had contacted") or adjective ("and lowest"). */
function startsClause(tokens: Token[], at: number): boolean {
  const first = tokens[at];
  if (!first || first.normal === 'to') return false;
  if (first.tags.has('Verb') || first.tags.has('Adjective')) return false;
  const rest = tokens.slice(at, at + 12);
  return rest.some((token, i) => i > 0 && token.tags.has('Verb'));
}

/**
 * Splits a sentence into independent clauses at "; " and ", and|but|while" when both sides
 * can stand alone ("..., and the Treasury Department said ..."). Most sentences stay whole.
 */
export function splitClauses(sentence: Sentence): Clause[] {
  // three detectors ask for the same sentence's clauses
  const cached = clauseCache.get(sentence);
  if (cached) return cached;
  const clauses = computeClauses(sentence);
  clauseCache.set(sentence, clauses);
  return clauses;
}

const clauseCache = new WeakMap<Sentence, Clause[]>();

function computeClauses(sentence: Sentence): Clause[] {
  const { tokens } = sentence;
  const cuts: Array<{ leftEnd: number; rightStart: number }> = [];
  let from = 0;
  for (let i = 0; i < tokens.length - 1; i += 1) {
    const post = tokens[i].post;
    let rightStart = -1;
    if (post.includes(';')) rightStart = i + 1;
    else if (post.includes(',') && COORDINATORS.has(tokens[i + 1].normal)) rightStart = i + 2;
    if (rightStart < 0 || i + 1 - from < MIN_CLAUSE_WORDS || tokens.length - rightStart < MIN_CLAUSE_WORDS) continue;
    if (!startsClause(tokens, rightStart)) continue;
    cuts.push({ leftEnd: i, rightStart });
    from = rightStart;
  }
  const clauses: Clause[] = [];
  let startIndex = 0;
  for (const cut of [...cuts, { leftEnd: tokens.length - 1, rightStart: tokens.length }]) {
    const part = tokens.slice(startIndex, cut.leftEnd + 1);
    const isFirst = startIndex === 0;
    const isLast = cut.rightStart === tokens.length;
    clauses.push({
      start: isFirst ? sentence.start : part[0].start,
      end: isLast ? sentence.end : part[part.length - 1].end,
      tokens: part,
      sentence,
    });
    startIndex = cut.rightStart;
  }
  return clauses;
}
