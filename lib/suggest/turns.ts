import { LabelRoles, type RoleMention } from './label-roles';
import type { MentionTracker, Speaker } from './mentions';
import type { ParsedText } from './sentences';
import type { Attribution } from './speakers';
import { FIRST_PERSON, SECOND_PERSON } from './speakers';

/*
 * Transcript turns: a paragraph opening with a speaker label ("PETRIE: And I said ...", "Ms Okafor: ...").
 * Inside a turn "I" and "we" are the labelled speaker and "you" is whoever spoke the turn before.
 */

/**
 * A label: capitalised words and up to two parentheses before a colon: "PETRIE:", "SIMON ACHEBE:", "Dr Hale:",
 * "Mr HALE (Northshore):", "The Minister for Transport (Ms Okafor):", "The Hon. Jo PARK (Premier) (14:03):".
 */
const LABEL = /^((?:\p{Lu}[\p{L}'’.-]*|for|of|the|and)(?: (?:\p{Lu}[\p{L}'’.-]*|for|of|the|and)){0,6})((?: \([^()]{1,40}\)){0,2}):\s+(?=\S)/u;
const PARENTHESIS = /\(([^()]+)\)/g;
/** A time stamp in a label ("(14:03)"): not the person or the role. */
const TIME = /^[\d:.\s]+$/;
const CAPITALS = /^[\p{Lu}'’. -]+$/u;
/** Honorifics dropped from a label's name ("Mr HALE" -> "HALE", which the article knows as "Margaret Hale"). */
const HONORIFIC = /^(?:(?:The )?Hon|Mr|Mrs|Ms|Miss|Dr|Sen|Rep|Sir|Dame|Lord|Lady|Senator|Governor|Mayor|Minister|Councillor|Professor|Prof)\.?\s+/i;
/** Two to four capitalised words: a full name ("Margaret Hale:"); one title-case word ("Update:") is not a label. */
const FULL_NAME = /^\p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’-]+){1,3}$/u;
/** Labels of whoever chairs the exchange: their questions restate claims rather than make them. */
const CHAIRS =
  /^(?:moderator|host|interviewer|chair|chairman|chairwoman|presenter|anchor|q|question|the speaker|the chair|mr speaker|madam speaker|the deputy speaker)$/i;
/** Labels are short: only this much of a paragraph is looked at (keeps the pass linear). */
const MAX_LABEL_CHARS = 110;

export interface Turn {
  /** The label's name, as the article knows it ("Ruth Adeyemi" for "ADEYEMI"), and its span. */
  speaker: Speaker;
  /** Where the spoken words start, after the label. */
  bodyStart: number;
  /** Who spoke the turn before, when it was someone else: "you" in this turn. */
  addressee: Speaker | null;
  /** A moderator, host or presiding officer. */
  chair: boolean;
  /** Roles and seats the transcript's labels name ("the Premier", "the member for Eastvale"). */
  roles: LabelRoles;
  /** Where the turn's words name a role or seat, in order: what a later "she" in the turn may refer to. */
  mentions: RoleMention[];
}

/** The speaker a label names, or null when it is not a label ("Update:", "Correction:"). */
function labelSpeaker(whole: string, parenthesis: string | undefined, tracker: MentionTracker, labelled: Map<string, string>): string | null {
  // "The Minister for Transport (Ms Okafor)": the person is in the parenthesis; "Mr Hale (Northshore)": before it
  const inner = parenthesis?.replace(HONORIFIC, '');
  const named = inner && /^\p{Lu}/u.test(inner) && tracker.canonical(inner) !== inner ? inner : null;
  const name = (named ?? whole).replace(HONORIFIC, '');
  const known = tracker.canonical(name) !== name;
  // "Mr GRANT:" after "Mr Tobias GRANT (Eastvale):": the full name an earlier label gave
  const earlier = labelled.get(name.toLowerCase());
  if (earlier && !CHAIRS.test(whole)) return earlier;
  if (!(CHAIRS.test(whole) || CAPITALS.test(whole) || HONORIFIC.test(whole) || FULL_NAME.test(whole) || known || named)) return null;
  return tidy(known ? tracker.canonical(name) : name);
}

/** "Hon. Helena PARRISH" reads as "Helena Parrish": honorifics dropped, words in capitals in title case. */
function tidy(name: string): string {
  let bare = name;
  while (HONORIFIC.test(bare)) bare = bare.replace(HONORIFIC, '');
  return bare.replace(/\p{Lu}[\p{Lu}'’-]+/gu, (word) => (word.length > 1 ? word[0] + word.slice(1).toLowerCase() : word));
}

/** The turn each paragraph is (undefined for paragraphs without a label). */
export function findTurns(parsed: ParsedText, tracker: MentionTracker): Array<Turn | undefined> {
  const turns: Array<Turn | undefined> = [];
  const roles = new LabelRoles();
  const labelled = new Map<string, string>();
  let previous: Turn | undefined;
  for (const paragraph of parsed.paragraphs) {
    const head = parsed.text.slice(paragraph.contentStart, Math.min(paragraph.end, paragraph.contentStart + MAX_LABEL_CHARS));
    const label = paragraph.furniture ? null : LABEL.exec(head);
    const parentheses = label ? [...label[2].matchAll(PARENTHESIS)].map((m) => m[1]).filter((p) => !TIME.test(p)) : [];
    const name = label ? labelSpeaker(label[1], parentheses[0], tracker, labelled) : null;
    if (!label || !name) {
      turns.push((previous = undefined));
      continue;
    }
    const speaker = { name, start: paragraph.contentStart, end: paragraph.contentStart + label[1].length };
    remember(labelled, name);
    // members speak through the presiding officer, not to them: "you" and "the member" skip "Mr SPEAKER"
    const presiding = LabelRoles.presides(label[1]);
    const addressee = previous && previous.speaker.name !== speaker.name ? previous.speaker : (previous?.addressee ?? null);
    const turn = { speaker, bodyStart: paragraph.contentStart + label[0].length, addressee, chair: CHAIRS.test(label[1]), roles, mentions: [] };
    turns.push(turn);
    roles.add(speaker, label[1], parentheses);
    if (!presiding) previous = turn;
  }
  // a second pass, once every label's role and seat is known
  parsed.paragraphs.forEach((paragraph, i) => {
    const turn = turns[i];
    if (turn) turn.mentions = roles.mentionsIn(parsed.text, turn.bodyStart, paragraph.end, turn.addressee);
  });
  return turns;
}

/** Keys a labelled name by its surname and by itself: "Tobias Grant" answers to "grant" and "tobias grant". */
function remember(labelled: Map<string, string>, name: string): void {
  const words = name.split(' ');
  if (words.length < 2) return;
  for (const key of [words[words.length - 1], name]) if (!labelled.has(key.toLowerCase())) labelled.set(key.toLowerCase(), name);
}

/**
 * The speaker an attribution names, with "I", "we" and "you" read in the turn they are spoken in, and roles
 * and seats ("the Premier", "the member for Eastvale", "she" resolved to "the minister") read from the labels.
 */
export function speakerInTurn(attribution: Attribution, turn: Turn | undefined, tracker: MentionTracker): Speaker | null {
  const word = attribution.text.toLowerCase();
  if (attribution.kind === 'pronoun' && FIRST_PERSON.has(word)) return turn?.speaker ?? null;
  if (attribution.kind === 'pronoun' && SECOND_PERSON.has(word)) return turn?.addressee ?? null;
  const byRole = turn && attribution.kind !== 'pronoun' ? turn.roles.resolve(attribution.text, turn.addressee) : null;
  if (byRole) return byRole;
  const found = tracker.speakerFor(attribution);
  if (turn && attribution.kind === 'pronoun' && attribution.gender) return pronounInTurn(attribution, turn, found);
  return (found && turn?.roles.resolve(found.name, turn.addressee)) ?? found;
}

/**
 * "he" or "she" in a turn: a role or seat the turn named since the earlier mention ("the member for Lowmere
 * ... she told"), else the earlier mention, unless that is the one speaking, who would say "I": then whoever
 * they answer. A label's honorific ("Mr GRANT") rules out the wrong gender.
 */
function pronounInTurn(pronoun: Attribution, turn: Turn, found: Speaker | null): Speaker | null {
  const fits = (s: Speaker | null) => !!s && (turn.roles.genderOf(s) ?? pronoun.gender) === pronoun.gender && s.name !== turn.speaker.name;
  let role: RoleMention | undefined;
  for (const m of turn.mentions) if (m.start < pronoun.start && fits(m.speaker)) role = m;
  if (role && (!found || role.start > found.start || !fits(found))) return role.speaker;
  if (fits(found)) return found;
  return fits(turn.addressee) ? turn.addressee : found;
}
