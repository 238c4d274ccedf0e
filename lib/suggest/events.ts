import { splitClauses } from './clauses';
import { capitalisedRuns } from './names';
import type { ParsedText } from './sentences';
import type { Suggestion } from './types';
import type { SpanIndex } from './overlap';

/** Past-tense verbs of concrete, checkable actions (deployments, meetings, sanctions, votes). */
/*
 * Results and appearances ('won', 'lost', 'gained', 'met', 'visited', 'opened', 'announced', 'held') are left
 * out: in a report they are the news being told, not a claim to check (the tune split's two wrong events,
 * "the Civic Alliance lost its majority", "Homeland also gained ground").
 */
const EVENT_VERBS = new Set([
  'deployed',
  'sent',
  'moved',
  'ordered',
  'signed',
  'imposed',
  'sanctioned',
  'froze',
  'launched',
  'approved',
  'passed',
  'voted',
  'rejected',
  'vetoed',
  'adopted',
  'attacked',
  'invaded',
  'seized',
  'captured',
  'struck',
  'fired',
  'bombed',
  'withdrew',
  'arrested',
  'charged',
  'indicted',
  'sued',
  'banned',
  'blocked',
  'suspended',
  'expelled',
  'closed',
  'elected',
  'appointed',
  'resigned',
  'dismissed',
  'declared',
  'denied',
  'released',
  'killed',
  'evacuated',
  'raised',
  'cut',
  'hired',
  'fined',
  'canceled',
  'cancelled',
  'postponed',
  'delayed',
  'halted',
]);
const REACTION_VERBS = new Set(['dismissed', 'rejected', 'denied']);
const WORDS_REACTED_TO = new Set([
  'warning',
  'warnings',
  'charge',
  'charges',
  'criticism',
  'claim',
  'claims',
  'suggestion',
  'suggestions',
  'concerns',
  'idea',
  'accusation',
  'accusations',
  'allegation',
  'allegations',
  'report',
  'reports',
  'comments',
]);
/** The action verb must come early: the actor is the clause's subject, not a later mention. */
const MAX_SUBJECT_DISTANCE = 8;

/**
 * Sentences asserting that a named actor did something concrete ("the European Union froze
 * ..."). Lower priority: clauses overlapping any other suggestion in `taken` are skipped.
 */
export function findEvents(parsed: ParsedText, taken: SpanIndex): Suggestion[] {
  const suggestions: Suggestion[] = [];
  for (const sentence of parsed.sentences) {
    if (parsed.paragraphs[sentence.paragraph].furniture) continue;
    for (const clause of splitClauses(sentence)) {
      if (taken.overlapsAny(clause)) continue;
      const verb = clause.tokens.findIndex((t, i) => i > 0 && i <= MAX_SUBJECT_DISTANCE && EVENT_VERBS.has(t.normal) && t.tags.has('PastTense'));
      if (verb < 0) continue;
      // "X dismissed the warnings", "Y rejected the charge": a reaction to words, not a checkable act
      const object = clause.tokens.slice(verb + 1, verb + 4).find((t) => t.tags.has('Noun'));
      if (REACTION_VERBS.has(clause.tokens[verb].normal) && object && WORDS_REACTED_TO.has(object.normal)) continue;
      const subject = clause.tokens.slice(0, verb);
      const actors = capitalisedRuns(subject, clause.start === sentence.start);
      if (actors.length === 0 || subject.some((t) => t.tags.has('Pronoun') && t.normal !== 'its')) continue;
      const actor = actors[actors.length - 1];
      const who = parsed.text.slice(actor[0].start, actor[actor.length - 1].end);
      suggestions.push({
        start: clause.start,
        end: clause.end,
        text: parsed.text.slice(clause.start, clause.end),
        type: 'event',
        speaker: null,
        speakerStart: null,
        speakerEnd: null,
        reason: `Event: ${who} ${clause.tokens[verb].text}`,
      });
    }
  }
  return suggestions;
}
