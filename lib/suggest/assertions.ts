import { type Clause, splitClauses } from './clauses';
import type { MentionTracker } from './mentions';
import { isCapitalised } from './names';
import type { ParsedText, Token } from './sentences';
import { findAttribution, isAttributionVerb } from './speakers';
import type { Suggestion } from './types';
import { speakerFields } from './quotes';
import { type SpanIndex, firstStartingAt } from './overlap';
import { claimSignal, isFactual } from './checkworthy';

/** Verbs that only frame a quotation; without quotation marks they assert nothing checkable. */
const FRAMING_ONLY = new Set(['called', 'described', 'asked', 'continued', 'replied', 'predicted']);
/** Future and conditional forms: the assertion is a prediction or a promise, not a checkable fact. */
const PREDICTIVE = new Set([
  'would',
  'will',
  'could',
  'might',
  'may',
  'should',
  'shall',
  "won't",
  'plans',
  'plan',
  'intends',
  'expects',
  'hopes',
  'wants',
]);
/** Objects of "told" that are not part of what was said ("told reporters the ..."). */
const AUDIENCES = new Set([
  'reporters',
  'journalists',
  'lawmakers',
  'parliament',
  'congress',
  'senators',
  'investors',
  'supporters',
  'listeners',
  'viewers',
  'me',
  'us',
  'him',
  'her',
  'them',
]);
/** Words between a verb of saying and what was said: "said on Thursday in a statement that ...". */
const LEAD_IN_WORDS = new Set(['on', 'in', 'at', 'last', 'this', 'a', 'an', 'statement', 'interview', 'briefing']);
/** How far past the verb a lead-in may run. */
const MAX_LEAD_IN_WORDS = 5;
/** An assertion needs this many words after the verb to be worth checking. */
const MIN_CONTENT_WORDS = 5;
/** "had" before a participle: a back-shifted report of something already done ("said the centre had been built"). */
const PERFECT_AUXILIARIES = new Set(['had', "hadn't"]);

/**
 * Reported speech with no claim signal is suggested only when it reports a completed fact in the
 * past perfect. Judgements ("the politics made a reversal impossible") and live reports in the
 * present ("police say a man has been rescued") were most of the tune split's wrong suggestions
 * (4 of 6 signal-less assertions), while back-shifted facts were right.
 */
function reportsCompletedFact(content: Token[]): boolean {
  const participle = (t: Token | undefined) => !!t && (t.tags.has('PastTense') || t.tags.has('Participle')) && !t.tags.has('Adjective');
  // "had been built", "had weakened", "had not read"; not "had been lucky" (a judgement)
  return content.some((t, i) => {
    if (!PERFECT_AUXILIARIES.has(t.normal)) return false;
    const at = content[i + 1]?.normal === 'not' ? i + 2 : i + 1;
    return content[at]?.normal === 'been' ? participle(content[at + 1]) : participle(content[at]);
  });
}

/** Words after the verb: skips "that", the audience of "told" and time phrases before the content. */
function contentAfter(tokens: Token[], verb: number): Token[] {
  let i = verb + 1;
  // "cautioned, however, against ...": step over a parenthetical set off by commas
  if (tokens[verb].post.includes(',')) {
    while (i < tokens.length - 1 && !tokens[i].post.includes(',')) i += 1;
    i += 1;
  }
  if (tokens[verb].normal === 'told' || tokens[verb].normal === 'tells') {
    while (i < tokens.length && (isCapitalised(tokens[i]) || tokens[i].normal === 'the') && !tokens[i].tags.has('Pronoun')) i += 1;
    if (AUDIENCES.has(tokens[i]?.normal ?? '')) i += 1;
  }
  const limit = i + MAX_LEAD_IN_WORDS;
  while (i < Math.min(tokens.length, limit) && (tokens[i].tags.has('Date') || LEAD_IN_WORDS.has(tokens[i].normal))) i += 1;
  if (tokens[i]?.normal === 'that') i += 1;
  return tokens.slice(i);
}

/** Reported speech worth checking: a fact-like clause, not a prediction, with its own verb. */
function isCheckableContent(content: Token[]): boolean {
  if (content.length < MIN_CONTENT_WORDS) return false;
  const first = content[0];
  if (first.tags.has('Preposition') || first.tags.has('Adverb') || first.tags.has('Adjective') || first.normal === 'to') return false;
  const verb = content.find((t) => t.tags.has('Verb'));
  return !!verb && !PREDICTIVE.has(verb.normal);
}

function assertionIn(parsed: ParsedText, clause: Clause, tracker: MentionTracker, quotedBy: Map<number, Map<string, number>>): Suggestion | null {
  const { tokens } = clause;
  const verb = tokens.findIndex((t, i) => isAttributionVerb(t, i, tokens) && !FRAMING_ONLY.has(t.normal));
  const according = tokens.findIndex((t, i) => t.normal === 'according' && tokens[i + 1]?.normal === 'to');
  if (verb < 0 && according < 0) return null;
  // "X said CONTENT" credits what follows; "CONTENT, X said" / "according to X" what precedes
  const content = verb >= 0 && verb < tokens.length - 2 ? contentAfter(tokens, verb) : tokens.slice(0, Math.max(verb, according));
  if (!isCheckableContent(content)) return null;
  const attribution = findAttribution(parsed.text, tokens, 'lead', clause.start === clause.sentence.start);
  const speaker = attribution ? tracker.speakerFor(attribution) : null;
  if (!speaker || !attribution) return null;
  const signal = claimSignal(content);
  // "X said he now regrets it. “We held one hearing,” he said.": the paraphrase only leads into X's own
  // quotation, which is suggested already, unless it makes a claim of its own; a report after the quotation
  // ("“…,” Reid said. Reid said no deaths had been reported.") is news of its own
  const quotedAt = quotedBy.get(clause.sentence.paragraph)?.get(speaker.name);
  if (!signal && quotedAt !== undefined && clause.start < quotedAt) return null;
  if (!signal && !reportsCompletedFact(content)) return null;
  if (!isFactual(content, parsed.text.slice(clause.start, clause.end))) return null;
  return {
    start: clause.start,
    end: clause.end,
    text: parsed.text.slice(clause.start, clause.end),
    type: 'quote',
    reason: `Attributed assertion (reported speech, “${attribution.pattern}”${signal ? `; ${signal}` : ''}) credited to ${speaker.name}`,
    ...speakerFields(speaker),
  };
}

/**
 * Reported speech ("officials said the troops ...", "... according to the ministry") outside
 * quotation marks. Typed 'quote' because the claim is credited to a speaker. Clauses that
 * overlap `taken` (quotations, statistics) are skipped: those suggestions already cover them.
 */
export function findAssertions(parsed: ParsedText, tracker: MentionTracker, taken: SpanIndex, quotes: readonly Suggestion[]): Suggestion[] {
  const suggestions: Suggestion[] = [];
  // per paragraph, where each speaker's first quotation starts
  const quotedBy = new Map<number, Map<string, number>>();
  for (const quote of quotes) {
    const paragraph = parsed.sentences[firstStartingAt(parsed.sentences, quote.start + 1) - 1]?.paragraph;
    if (paragraph === undefined || !quote.speaker) continue;
    const speakers = quotedBy.get(paragraph) ?? quotedBy.set(paragraph, new Map()).get(paragraph)!;
    if (!speakers.has(quote.speaker)) speakers.set(quote.speaker, quote.start);
  }
  for (const sentence of parsed.sentences) {
    if (parsed.paragraphs[sentence.paragraph].furniture) continue;
    for (const clause of splitClauses(sentence)) {
      if (taken.overlapsAny(clause)) continue;
      const found = assertionIn(parsed, clause, tracker, quotedBy);
      if (found) suggestions.push(found);
    }
  }
  return suggestions;
}
