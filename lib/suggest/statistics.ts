import { splitClauses } from './clauses';
import { classifyFigure, figurePhrase } from './figures';
import type { MentionTracker } from './mentions';
import { onlyNarrativeFigures } from './narrative-figures';
import { isRhetoric } from './rhetoric';
import type { ParsedText } from './sentences';
import { findAttribution } from './speakers';
import type { Suggestion } from './types';
import { speakerFields } from './quotes';
import { type Turn, speakerInTurn } from './turns';

/** How many figures to name in a reason before eliding the rest. */
const MAX_FIGURES_IN_REASON = 3;

/**
 * Clauses that state a figure: counts, money, percentages, distances, and dates tied to an
 * event. The whole clause is suggested (not just the number), with its source when credited.
 */
export function findStatistics(parsed: ParsedText, tracker: MentionTracker, turns: Array<Turn | undefined>): Suggestion[] {
  const { text } = parsed;
  const suggestions: Suggestion[] = [];
  for (const sentence of parsed.sentences) {
    if (parsed.paragraphs[sentence.paragraph].furniture) continue;
    // a question asks for a figure; it does not state one
    if (/\?\s*["”’]?$/.test(text.slice(sentence.start, sentence.end))) continue;
    const turn = turns[sentence.paragraph];
    for (const clause of splitClauses(sentence)) {
      const figures: string[] = [];
      const dates: string[] = [];
      const figureAt: number[] = [];
      let covered = -1;
      clause.tokens.forEach((token, i) => {
        const kind = token.start < covered ? null : classifyFigure(clause.tokens, i);
        if (!kind) return;
        const phrase = figurePhrase(clause.tokens, i);
        covered = phrase.end;
        (kind === 'figure' ? figures : dates).push(text.slice(phrase.start, phrase.end));
        if (kind === 'figure') figureAt.push(i);
      });
      const hasVerb = clause.tokens.some((t) => t.tags.has('Verb'));
      if (figures.length === 0 && (dates.length === 0 || !hasVerb)) continue;
      // "Ninety years.": a figure in words with no verb states nothing; "I will do it in my first hundred days" is a pledge
      if ((!hasVerb && !/\d/.test(figures.join(''))) || isRhetoric(clause.tokens)) continue;
      // "the two candidates met", "in ten years it will be loved": words for numbers that tell, not state
      if (dates.length === 0 && onlyNarrativeFigures(clause.tokens, figureAt)) continue;
      // a transcript label ("Mr GRANT (Eastvale) (14:02):") is neither the figure's source nor part of the span
      const start = turn && clause.start < turn.bodyStart ? turn.bodyStart : clause.start;
      const tokens = start === clause.start ? clause.tokens : clause.tokens.filter((t) => t.start >= start);
      if (tokens.length === 0) continue;
      const attribution = findAttribution(text, tokens, 'lead', start === sentence.start || start === turn?.bodyStart);
      // a figure stated in a transcript turn is the labelled speaker's, unless the sentence credits someone else
      const speaker = (attribution ? speakerInTurn(attribution, turn, tracker) : null) ?? (turn && !turn.chair ? turn.speaker : null);
      const listed = figures.length ? figures : dates;
      const shown = [...new Set(listed)]
        .slice(0, MAX_FIGURES_IN_REASON)
        .map((f) => `“${f}”`)
        .join(', ');
      const what = figures.length ? `States a figure: ${shown}` : `Dates an event: ${shown}`;
      suggestions.push({
        start,
        end: clause.end,
        text: text.slice(start, clause.end),
        type: 'statistic',
        reason: speaker ? `${what} (credited to ${speaker.name})` : what,
        ...speakerFields(speaker),
      });
    }
  }
  return suggestions;
}
