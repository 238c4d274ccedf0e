import type { MentionTracker, Speaker } from './mentions';
import { firstStartingAt, itemsWithin } from './overlap';
import type { QuoteSegment } from './quote-marks';
import type { ParsedText, Sentence, Token } from './sentences';
import { colonIntroduction } from './introductions';
import { leadSubject } from './lead-subject';
import { type Attribution, findAttribution, isAttributionVerb } from './speakers';
import { type Turn, speakerInTurn } from './turns';
import type { Suggestion } from './types';

/** The speaker fields of a suggestion. */
export function speakerFields(speaker: Speaker | null): Pick<Suggestion, 'speaker' | 'speakerStart' | 'speakerEnd'> {
  return { speaker: speaker?.name ?? null, speakerStart: speaker?.start ?? null, speakerEnd: speaker?.end ?? null };
}

/** Quotations of one or two words are scare quotes or terms ("within days"), not claims. */
const MIN_QUOTE_WORDS = 3;
/** Three-word quotations count only when the sentence credits a speaker ("were “optimistic at best”"). */
const MIN_UNATTRIBUTED_QUOTE_WORDS = 4;
/** Longest attribution that may interrupt a quotation and still join its halves. */
const MAX_INTERRUPTION_WORDS = 20;
/** A paragraph ending like "She said:" introduces a quotation in the next paragraph. */
const INTRODUCES_NEXT = /:\s*$/;
/** Punctuation before a quotation that resumes after its attribution. */
const RESUMES_AFTER = /[.,:;!?—–]\s*$/;
/** A quotation that ends its sentence inside the marks ("… Callum.”"). */
const CLOSES_SENTENCE = /[.!?]["”’]$/;
/** A comma or colon and an opening mark: the words before introduce another quotation. */
const OPENS_NEXT = /^[,:]\s*[“"‘]/;
/** Sentence-final punctuation and a space just before an opening quotation mark. */
const SENTENCE_END_BEFORE = /[.!?]\s+$/;

interface QuoteUnit {
  start: number;
  end: number;
  paragraph: number;
  segments: QuoteSegment[];
}

const within = (token: Token, seg: QuoteSegment) => token.start >= seg.start && token.end <= seg.end;

function sentenceAt(sentences: Sentence[], offset: number): Sentence | undefined {
  const candidate = sentences[firstStartingAt(sentences, offset + 1) - 1];
  return candidate && candidate.start <= offset && offset < candidate.end ? candidate : undefined;
}

/**
 * Whether a segment continues the previous quotation: it follows an interrupting attribution
 * (`," Marchuk said. "`) or follows the previous quotation's closing mark directly.
 */
function continuesQuote(text: string, previous: QuoteUnit, segment: QuoteSegment, between: Token[]): boolean {
  const last = previous.segments[previous.segments.length - 1];
  if (between.length === 0) return previous.end === last.end;
  // the resumed quotation opens after punctuation ("said, “and ..."), not mid-phrase ("called it “...”")
  const resumes = RESUMES_AFTER.test(text.slice(last.end, segment.start));
  return resumes && !answers(text, last, segment, between) && between.length <= MAX_INTERRUPTION_WORDS && between.some(isAttributionVerb);
}

/** "“Mind how you go.” I said, “You too.”": a finished quotation, then words that introduce a new one. */
function answers(text: string, last: QuoteSegment, segment: QuoteSegment, between: Token[]): boolean {
  const gap = text.slice(last.end, segment.start);
  return CLOSES_SENTENCE.test(text.slice(last.start, last.end)) && /[,:]\s*[“"‘]?$/.test(gap) && between.some(isAttributionVerb);
}

/** Groups a paragraph's segments into quotations, widened to the sentences that carry them. */
function buildUnits(text: string, segments: QuoteSegment[], sentences: Sentence[]): QuoteUnit[] {
  const tokens = sentences.flatMap((s) => s.tokens);
  const units: QuoteUnit[] = [];
  for (const segment of segments) {
    const first = sentenceAt(sentences, segment.start);
    const last = sentenceAt(sentences, segment.end - 1);
    // compromise misses some boundaries ("at 9:50 p.m. ‘I waited"); a quotation opening right
    // after sentence-final punctuation starts a sentence of its own
    const newSentence = SENTENCE_END_BEFORE.test(text.slice(Math.max(0, segment.start - 3), segment.start));
    const start = newSentence ? segment.start : Math.min(segment.start, first?.start ?? segment.start);
    const end = Math.max(segment.end, last?.end ?? segment.end);
    const previous = units[units.length - 1];
    const gap = previous ? itemsWithin(tokens, previous.end, segment.start) : [];
    const prevSegment = previous?.segments[previous.segments.length - 1];
    const between = prevSegment ? itemsWithin(tokens, prevSegment.end, segment.start) : [];
    if (previous && prevSegment && start < previous.end && answers(text, prevSegment, segment, between)) {
      // the sentence holds two quotations by different speakers: end the first at its closing mark
      previous.end = prevSegment.end;
      units.push({ start: between[0]?.start ?? segment.start, end, paragraph: segment.paragraph, segments: [segment] });
    } else if (previous && (start < previous.end || (gap.length === 0 && continuesQuote(text, previous, segment, between)))) {
      previous.end = Math.max(previous.end, end);
      previous.segments.push(segment);
    } else {
      units.push({ start, end, paragraph: segment.paragraph, segments: [segment] });
    }
  }
  return units;
}

function outsideRuns(unit: QuoteUnit, tokens: Token[]) {
  const inUnit = itemsWithin(tokens, unit.start, unit.end);
  const first = unit.segments[0];
  const last = unit.segments[unit.segments.length - 1];
  const outside = (t: Token) => !unit.segments.some((seg) => within(t, seg));
  return {
    lead: inUnit.filter((t) => t.end <= first.start),
    inner: inUnit.filter((t) => t.start >= first.end && t.end <= last.start && outside(t)),
    tail: inUnit.filter((t) => t.start >= last.end),
  };
}

interface Credit {
  speaker: Speaker | null;
  how: string;
}

/**
 * Who said a quotation, in order of reliability: its own attribution (inside, after, before),
 * the sentence that introduces it at the end of the previous paragraph ("She added:"), the
 * quotation it continues, then the subject of the preceding sentence.
 */
function creditUnit(
  text: string,
  unit: QuoteUnit,
  runs: ReturnType<typeof outsideRuns>,
  context: { previous?: Sentence; continues: boolean; follows: boolean; carried: Speaker | null; turn?: Turn },
  tracker: MentionTracker,
): Credit {
  const { turn } = context;
  const credit = (attribution: Attribution | null, how: string): Credit | null => {
    const speaker = attribution ? speakerInTurn(attribution, turn, tracker) : null;
    if (!attribution || !speaker) return null;
    const pronoun = attribution.kind === 'pronoun' ? `, “${attribution.text}” resolved to ${speaker.name}` : '';
    return { speaker, how: `${how}${pronoun}` };
  };
  // a transcript label ("PETRIE: The report says ...") is not part of the lead
  const lead = turn ? runs.lead.filter((t) => t.start >= turn.bodyStart) : runs.lead;
  // "“…” I said, “…”": a tail that opens the next quotation belongs to that one
  const lastTail = runs.tail.at(-1);
  const tailIntroducesNext = !!lastTail && OPENS_NEXT.test(text.slice(lastTail.end, lastTail.end + 3));
  const leadFirst = tailIntroducesNext ? findAttribution(text, lead, 'lead', true) : null;
  const own =
    findAttribution(text, runs.inner, 'tail') ?? leadFirst ?? findAttribution(text, runs.tail, 'tail') ?? findAttribution(text, lead, 'lead', true);
  const found =
    credit(own, own ? `“${own.pattern}”` : '') ??
    credit(colonIntroduction(text, lead, true), 'introduced by the clause before the colon') ??
    credit(leadSubject(text, lead, tracker), 'the subject of the sentence that carries it');
  if (found) return found;
  const { previous } = context;
  const standsAlone = runs.lead.length === 0 && previous !== undefined;
  // a turn that opens with a quotation: the labelled speaker says it
  if (turn && lead.length === 0 && unit.segments[0].start <= turn.bodyStart + 1)
    return { speaker: turn.speaker, how: 'speaker label of the transcript turn' };
  const introduced = standsAlone && INTRODUCES_NEXT.test(text.slice(previous.start, previous.end));
  const before = standsAlone ? findAttribution(text, previous.tokens, 'lead', true) : null;
  if (introduced) return credit(before, 'introduced at the end of the previous paragraph') ?? { speaker: null, how: '' };
  if (context.continues && context.carried) return { speaker: context.carried, how: 'continues the quotation from the previous paragraph' };
  // a paragraph that is only a quotation, after a paragraph that ended with one credited quotation: the same voice
  if (context.follows && context.carried && standsAlone && runs.tail.length === 0 && runs.inner.length === 0)
    return { speaker: context.carried, how: 'follows the quotation that ends the previous paragraph' };
  return credit(before, 'inferred from the preceding sentence') ?? { speaker: null, how: '' };
}

/**
 * Direct quotations with their speakers. A quotation interrupted by its attribution
 * ("...," Marchuk said. "...") is one suggestion; a quotation that runs over a paragraph break
 * gives one suggestion per paragraph, the later ones inheriting the speaker.
 */
export function findQuotes(parsed: ParsedText, segments: QuoteSegment[], tracker: MentionTracker, turns: Array<Turn | undefined>): Suggestion[] {
  const { text, paragraphs } = parsed;
  const suggestions: Suggestion[] = [];
  const byParagraph = paragraphs.map((): Sentence[] => []);
  for (const sentence of parsed.sentences) byParagraph[sentence.paragraph].push(sentence);
  const segmentsOf = paragraphs.map((): QuoteSegment[] => []);
  for (const segment of segments) if (segment.words > 0) segmentsOf[segment.paragraph].push(segment);
  let carried: { speaker: Speaker | null; openEnded: boolean; endsParagraph: boolean } = { speaker: null, openEnded: false, endsParagraph: false };
  for (const paragraph of paragraphs) {
    const own = segmentsOf[paragraph.index];
    if (paragraph.furniture || own.length === 0) {
      carried = { speaker: null, openEnded: false, endsParagraph: false };
      continue;
    }
    const sentences = byParagraph[paragraph.index];
    const tokens = sentences.flatMap((s) => s.tokens);
    buildUnits(text, own, sentences).forEach((unit, u) => {
      const runs = outsideRuns(unit, tokens);
      const words = unit.segments.reduce((n, seg) => n + seg.words, 0);
      const credited = [...runs.lead, ...runs.inner, ...runs.tail].some(isAttributionVerb);
      if (words < MIN_QUOTE_WORDS || (words < MIN_UNATTRIBUTED_QUOTE_WORDS && !credited)) return;
      const first = u === 0 && unit.start === paragraph.start;
      const context = {
        previous: first ? byParagraph[paragraph.index - 1]?.at(-1) : undefined,
        continues: first && carried.openEnded,
        follows: first && carried.endsParagraph && unit.end >= paragraph.end - 1,
        carried: carried.speaker,
        turn: turns[paragraph.index],
      };
      const { speaker, how } = creditUnit(text, unit, runs, context, tracker);
      const reason = speaker ? `Direct quotation attributed to ${speaker.name} (${how})` : 'Direct quotation; speaker not identified';
      // the label of a transcript turn ("Mr GRANT (Eastvale):") is not part of the quotation's sentence
      const start = context.turn && unit.start < context.turn.bodyStart ? context.turn.bodyStart : unit.start;
      suggestions.push({
        start,
        end: unit.end,
        text: text.slice(start, unit.end),
        type: 'quote',
        reason,
        ...speakerFields(speaker),
      });
      carried = { speaker, openEnded: !unit.segments[unit.segments.length - 1].closed, endsParagraph: unit.end >= paragraph.end - 1 };
    });
  }
  return suggestions;
}
