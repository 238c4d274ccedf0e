import type { MentionTracker, Speaker } from './mentions';
import type { ParsedText } from './sentences';
import type { Attribution } from './speakers';
import { FIRST_PERSON, SECOND_PERSON } from './speakers';

/*
 * Transcript turns: a paragraph opening with a speaker label ("PETRIE: And I said ...", "Ms Okafor: ...").
 * Inside a turn "I" and "we" are the labelled speaker and "you" is whoever spoke the turn before.
 */

/**
 * A label: capitalised words and an optional parenthesis before a colon: "PETRIE:", "SIMON ACHEBE:",
 * "Dr Hale:", "Mr HALE (Northshore):", "The Minister for Transport (Ms Okafor):".
 */
const LABEL = /^((?:\p{Lu}[\p{L}'’.-]*|for|of|the|and)(?: (?:\p{Lu}[\p{L}'’.-]*|for|of|the|and)){0,6})(?: \(([^()]{1,40})\))?:\s+(?=\S)/u;
const CAPITALS = /^[\p{Lu}'’. -]+$/u;
/** Honorifics dropped from a label's name ("Mr HALE" -> "HALE", which the article knows as "Margaret Hale"). */
const HONORIFIC = /^(?:(?:The )?Hon|Mr|Mrs|Ms|Miss|Dr|Sen|Rep|Sir|Dame|Lord|Lady|Senator|Governor|Mayor|Minister|Councillor|Professor|Prof)\.?\s+/i;
/** Two to four capitalised words: a full name ("Margaret Hale:"); one title-case word ("Update:") is not a label. */
const FULL_NAME = /^\p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’-]+){1,3}$/u;
/** Labels of whoever chairs the exchange: their questions restate claims rather than make them. */
const CHAIRS =
  /^(?:moderator|host|interviewer|chair|chairman|chairwoman|presenter|anchor|q|question|the speaker|the chair|mr speaker|madam speaker|the deputy speaker)$/i;
/** Labels are short: only this much of a paragraph is looked at (keeps the pass linear). */
const MAX_LABEL_CHARS = 48;

export interface Turn {
  /** The label's name, as the article knows it ("Ruth Adeyemi" for "ADEYEMI"), and its span. */
  speaker: Speaker;
  /** Where the spoken words start, after the label. */
  bodyStart: number;
  /** Who spoke the turn before, when it was someone else: "you" in this turn. */
  addressee: Speaker | null;
  /** A moderator, host or presiding officer. */
  chair: boolean;
}

/** The speaker a label names, or null when it is not a label ("Update:", "Correction:"). */
function labelSpeaker(whole: string, parenthesis: string | undefined, tracker: MentionTracker): string | null {
  // "The Minister for Transport (Ms Okafor)": the person is in the parenthesis; "Mr Hale (Northshore)": before it
  const inner = parenthesis?.replace(HONORIFIC, '');
  const named = inner && /^\p{Lu}/u.test(inner) && tracker.canonical(inner) !== inner ? inner : null;
  const name = (named ?? whole).replace(HONORIFIC, '');
  const known = tracker.canonical(name) !== name;
  if (!(CHAIRS.test(whole) || CAPITALS.test(whole) || HONORIFIC.test(whole) || FULL_NAME.test(whole) || known || named)) return null;
  if (known) return tracker.canonical(name);
  // "MARGARET HALE" reads as "Margaret Hale"
  return CAPITALS.test(name) ? name.toLowerCase().replace(/(^|[\s'’-])\p{L}/gu, (c) => c.toUpperCase()) : name;
}

/** The turn each paragraph is (undefined for paragraphs without a label). */
export function findTurns(parsed: ParsedText, tracker: MentionTracker): Array<Turn | undefined> {
  const turns: Array<Turn | undefined> = [];
  let previous: Turn | undefined;
  for (const paragraph of parsed.paragraphs) {
    const head = parsed.text.slice(paragraph.contentStart, Math.min(paragraph.end, paragraph.contentStart + MAX_LABEL_CHARS));
    const label = paragraph.furniture ? null : LABEL.exec(head);
    const name = label ? labelSpeaker(label[1], label[2], tracker) : null;
    if (!label || !name) {
      turns.push((previous = undefined));
      continue;
    }
    const speaker = { name, start: paragraph.contentStart, end: paragraph.contentStart + label[0].indexOf(':') };
    const addressee = previous && previous.speaker.name !== speaker.name ? previous.speaker : (previous?.addressee ?? null);
    turns.push((previous = { speaker, bodyStart: paragraph.contentStart + label[0].length, addressee, chair: CHAIRS.test(label[1]) }));
  }
  return turns;
}

/** The speaker an attribution names, with "I", "we" and "you" read in the turn they are spoken in. */
export function speakerInTurn(attribution: Attribution, turn: Turn | undefined, tracker: MentionTracker): Speaker | null {
  const word = attribution.text.toLowerCase();
  if (attribution.kind === 'pronoun' && FIRST_PERSON.has(word)) return turn?.speaker ?? null;
  if (attribution.kind === 'pronoun' && SECOND_PERSON.has(word)) return turn?.addressee ?? null;
  return tracker.speakerFor(attribution);
}
