import { splitClauses } from './clauses';
import { capitalisedRuns } from './names';
import { ORG_NOUNS } from './speakers';
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
/** "sent a further statement": sending words is not a checkable act. */
const WORDS_SENT = new Set(['statement', 'letter', 'message', 'note', 'reply', 'response', 'email', 'tweet', 'text']);
/** Words after a verb that open a time phrase, not an object: "closed this spring", "closed last week". */
const TIME_AFTER = new Set(['this', 'last', 'next', 'yesterday', 'today', 'overnight', 'earlier', 'later', 'again']);
/** Determiners of an organisation named by its noun: "The council cut", "His own party closed". */
const ORG_DETERMINERS = new Set(['the', 'his', 'her', 'its', 'their']);
/** "The council cut services": compromise reads this "cut" as a noun. */
const SAME_FORM_PAST = new Set(['cut']);
/** The action verb must come early: the actor is the clause's subject, not a later mention. */
const MAX_SUBJECT_DISTANCE = 8;

/** "The council", "his own party", "its operator": an organisation named by its noun, as the whole subject. */
function isOrgByNoun(subject: readonly { normal: string }[]): boolean {
  return subject.length >= 2 && subject.length <= 4 && ORG_DETERMINERS.has(subject[0].normal) && ORG_NOUNS.has(subject.at(-1)!.normal);
}

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
      const verb = clause.tokens.findIndex(
        (t, i) => i > 0 && i <= MAX_SUBJECT_DISTANCE && EVENT_VERBS.has(t.normal) && (t.tags.has('PastTense') || SAME_FORM_PAST.has(t.normal)),
      );
      if (verb < 0) continue;
      // a transitive act has an object: "Quint closed by asking ...", "the plant closed this spring" tell a story
      const after = clause.tokens[verb + 1];
      if (!after || after.tags.has('Preposition') || after.tags.has('Date') || after.tags.has('Adverb') || TIME_AFTER.has(after.normal)) continue;
      if (clause.tokens.slice(verb + 1, verb + 5).some((t) => WORDS_SENT.has(t.normal)) && clause.tokens[verb].normal === 'sent') continue;
      // "X dismissed the warnings", "Y rejected the charge": a reaction to words, not a checkable act
      const object = clause.tokens.slice(verb + 1, verb + 4).find((t) => t.tags.has('Noun'));
      if (REACTION_VERBS.has(clause.tokens[verb].normal) && object && WORDS_REACTED_TO.has(object.normal)) continue;
      const subject = clause.tokens.slice(0, verb);
      const actors = capitalisedRuns(subject, clause.start === sentence.start);
      const byNoun = actors.length === 0 && isOrgByNoun(subject);
      // compromise reads "cut" as a noun too: after a name it is only a verb when the name is an organisation's noun phrase
      if (!byNoun && SAME_FORM_PAST.has(clause.tokens[verb].normal) && !clause.tokens[verb].tags.has('PastTense')) continue;
      if ((actors.length === 0 && !byNoun) || subject.some((t) => t.tags.has('Pronoun') && !t.tags.has('Possessive'))) continue;
      const actor = byNoun ? subject : actors[actors.length - 1];
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
