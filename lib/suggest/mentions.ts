import { POSSESSIVE, isTitleWord, runGender } from './names';
import { firstStartingAt } from './overlap';
import type { Token } from './sentences';
import { type Attribution, ORG_NOUNS } from './speakers';
import type { Span } from './types';

/** Nouns that describe a person, so "the spokeswoman" or "he" can refer back to them. */
export const PERSON_NOUNS = new Set([
  'official',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'analyst',
  'expert',
  'aide',
  'adviser',
  'advisor',
  'diplomat',
  'minister',
  'lawmaker',
  'source',
  'resident',
  'leader',
  'director',
  'economist',
  'researcher',
  'doctor',
  'officer',
  'strategist',
  'commander',
  'worker',
  'parent',
  'voter',
  'witness',
  'lawyer',
  'attorney',
  'prosecutor',
  'investigator',
  'scientist',
  'epidemiologist',
  'executive',
  'member',
  'candidate',
  'activist',
  'organizer',
  'owner',
  'student',
  'teacher',
  'father',
  'mother',
  'man',
  'woman',
  'person',
  'agent',
  'negotiator',
  'envoy',
  'monitor',
  'critic',
  'supporter',
  'protester',
  'nurse',
  'manager',
  'chairman',
  'chairwoman',
  'secretary',
  'engineer',
  'adviser',
  'reader',
  'councillor',
  'farmer',
  'driver',
  'pilot',
  'soldier',
  'daughter',
  'son',
  'wife',
  'husband',
  'sister',
  'brother',
  'neighbour',
  'neighbor',
  'survivor',
  'victim',
  'patient',
  'player',
  'coach',
  'fan',
]);
/** A description's head that can speak: a person, a title or an organisation ("the minister", "the ministry"). */
export const isSourceNoun = (head: string) => PERSON_NOUNS.has(head) || isTitleWord(head) || ORG_NOUNS.has(head);

/** Organisation nouns that can stand for any organisation named before ("the company said"). */
const GENERIC_ORG_NOUNS = new Set([
  'company',
  'firm',
  'operator',
  'statement',
  'group',
  'owners',
  'owner',
  'organisation',
  'organization',
  'contractor',
  'developer',
  'utility',
]);
/** "the official": a description that refers back to someone introduced earlier. */
const DEFINITE = /^the\s/i;
const FEMALE_NOUNS = new Set(['spokeswoman', 'woman', 'mother', 'chairwoman', 'daughter', 'wife', 'sister']);
const MALE_NOUNS = new Set(['spokesman', 'man', 'father', 'chairman', 'son', 'husband', 'brother']);
/** How many earlier mentions a pronoun or "the official" looks back over (keeps the pass linear). */
const MAX_LOOKBACK = 40;
const FIRST_OR_SECOND = new Set(['i', 'we', 'you']);
/** Characters between a description and a name in apposition to it (", " and a short "for Transport"). */
const MAX_APPOSITION_GAP = 24;

/** The speaker chosen for a suggestion and the mention in the text that names them. */
export interface Speaker extends Span {
  name: string;
}

interface Mention extends Span {
  /** The words to show as speaker ("Michael Kofman", "a senior official", "Harborline Terminals"). */
  name: string;
  /** The name or description in the text this mention stands for (a pronoun's antecedent). */
  anchor: Span;
  kind: 'person' | 'description' | 'org';
  gender: 'm' | 'f' | null;
  plural: boolean;
  head: string | null;
  sentence: number;
}

const surnameKey = (name: string) => name.toLowerCase().replace(POSSESSIVE, '').split(/\s+/).pop() ?? '';

/**
 * People, described sources and organisations mentioned in an article, in text order, so a pronoun
 * ("he said") resolves to the subject who is talking, "the official" to an earlier "a senior
 * official", and "the company" or "they" to the organisation last named.
 */
export class MentionTracker {
  private readonly mentions: Mention[] = [];
  /** Surname (lower-case) -> the fullest form seen and its gender: "kofman" -> "Michael Kofman". */
  private readonly people = new Map<string, { text: string; gender: 'm' | 'f' | null }>();

  knowsSurname(token: Token): boolean {
    return this.people.has(token.normal.replace(POSSESSIVE, ''));
  }

  /** Adds a mention, keeping text order (mentions arrive almost in order, so this is cheap). */
  private add(mention: Mention): void {
    let at = this.mentions.length;
    while (at > 0 && this.mentions[at - 1].start > mention.start) at -= 1;
    if (this.mentions[at - 1]?.start === mention.start) return;
    this.mentions.splice(at, 0, mention);
  }

  /** `title` is the lower-case title before the name ("governor" in "Governor Elaine Marsh"), so "the governor" can refer back. */
  addPerson(text: string, run: Token[], sentence: number, title: string | null = null): void {
    const key = surnameKey(text);
    const known = this.people.get(key);
    const gender = runGender(run) ?? known?.gender ?? null;
    if (!known || text.length > known.text.length) this.people.set(key, { text, gender });
    else if (gender && !known.gender) known.gender = gender;
    const span = { start: run[0].start, end: run[0].start + text.length };
    this.add({ ...span, anchor: span, name: text, kind: 'person', gender, plural: false, head: title, sentence });
  }

  addOrg(text: string, span: Span, sentence: number): void {
    this.add({ ...span, anchor: span, name: text, kind: 'org', gender: null, plural: true, head: null, sentence });
  }

  /** Records a speaker described rather than named, when the description is of a person. */
  addDescription(attribution: Attribution, sentence: number): void {
    const head = attribution.head;
    if (!head || !PERSON_NOUNS.has(head)) return;
    const gender = FEMALE_NOUNS.has(head) ? 'f' : MALE_NOUNS.has(head) ? 'm' : null;
    // "the official" is the same person as an earlier "a senior White House official"
    const earlier = DEFINITE.test(attribution.text) ? this.resolveDescription(head, attribution.start) : null;
    const anchor = earlier ?? attribution;
    const name = earlier?.name ?? attribution.text;
    this.add({
      start: attribution.start,
      end: attribution.end,
      anchor: { start: anchor.start, end: anchor.end },
      name,
      kind: 'description',
      gender,
      plural: attribution.plural,
      head,
      sentence,
    });
  }

  /** Records that a pronoun subject ("He added ...") refers to `speaker`, so the next "he" can follow the chain. */
  addResolved(pronoun: Attribution, speaker: Speaker, sentence: number): void {
    const gender = pronoun.gender;
    this.add({
      start: pronoun.start,
      end: pronoun.end,
      anchor: { start: speaker.start, end: speaker.end },
      name: speaker.name,
      kind: 'person',
      gender,
      plural: pronoun.plural,
      head: null,
      sentence,
    });
  }

  /** The fullest known form of a name ("Kofman" -> "Michael Kofman"). */
  canonical(name: string): string {
    const known = this.people.get(surnameKey(name));
    return known && known.text.toLowerCase().endsWith(name.toLowerCase()) ? known.text : name;
  }

  private genderOf(m: Mention): 'm' | 'f' | null {
    return m.kind === 'person' ? (m.gender ?? this.people.get(surnameKey(m.name))?.gender ?? null) : m.gender;
  }

  private agrees(pronoun: string, m: Mention): boolean {
    if (pronoun === 'it') return m.kind === 'org';
    if (pronoun === 'they') return m.kind === 'org' || m.plural;
    if (m.kind === 'org' || m.plural) return false;
    const gender = this.genderOf(m);
    return gender === null || gender === (pronoun === 'he' ? 'm' : 'f');
  }

  /**
   * The antecedent of a pronoun at `before`: in the nearest sentence that has a mention agreeing in
   * gender and number, the leftmost such mention (the subject, not the last capitalised name).
   */
  resolvePronoun(pronoun: string, before: number): Speaker | null {
    const word = pronoun.toLowerCase();
    let chosen = -1;
    // "Kestrels head coach Ana Ferreira ... she": a mention whose gender is known to agree beats one of unknown gender
    let gendered = -1;
    const from = firstStartingAt(this.mentions, before) - 1;
    for (let i = from; i >= 0 && i > from - MAX_LOOKBACK; i -= 1) {
      const m = this.mentions[i];
      if (chosen >= 0 && m.sentence !== this.mentions[chosen].sentence) break;
      if (!this.agrees(word, m)) continue;
      chosen = i;
      if ((word === 'he' || word === 'she') && this.genderOf(m) !== null) gendered = i;
    }
    if (gendered >= 0) chosen = gendered;
    if (chosen < 0) return null;
    // "The Minister for Transport, Peter Okafor, answered": the name in apposition is the better mention
    const m = this.mentions[chosen];
    const apposed = this.mentions[chosen + 1];
    const named =
      m.kind === 'description' && apposed?.kind === 'person' && apposed.sentence === m.sentence && apposed.start - m.end <= MAX_APPOSITION_GAP;
    return this.speakerOf(named && this.agrees(word, apposed) ? apposed : m);
  }

  private speakerOf(m: Mention): Speaker {
    return { name: m.kind === 'person' ? this.canonical(m.name) : m.name, start: m.anchor.start, end: m.anchor.end };
  }

  /** The earlier description a definite one ("the official") refers back to, or null. */
  resolveDescription(head: string, before: number): Speaker | null {
    const from = firstStartingAt(this.mentions, before) - 1;
    for (let i = from; i >= 0 && i > from - MAX_LOOKBACK; i -= 1) {
      const m = this.mentions[i];
      if ((m.kind === 'description' || m.kind === 'person') && m.head === head) return this.speakerOf(m);
    }
    return null;
  }

  /** The organisation "the company" or "the chamber" refers to: the last one named (one containing the noun first). */
  resolveOrg(head: string, before: number): Speaker | null {
    const from = firstStartingAt(this.mentions, before) - 1;
    let last: Mention | null = null;
    for (let i = from; i >= 0 && i > from - MAX_LOOKBACK; i -= 1) {
      const m = this.mentions[i];
      if (m.kind !== 'org') continue;
      if (m.name.toLowerCase().split(/\s+/).includes(head)) return this.speakerOf(m);
      last ??= m;
    }
    // "the ministry" with no ministry named is its own description; "the company" is the last one named
    return last && GENERIC_ORG_NOUNS.has(head) ? this.speakerOf(last) : null;
  }

  /**
   * Every person and described source the article mentions, once each (the fullest name, at its first
   * mention), in text order: the editor's choices when crediting a claim to someone else.
   */
  listPeople(): Speaker[] {
    const seen = new Map<string, Speaker>();
    for (const m of this.mentions) {
      if (m.kind === 'org') continue;
      const speaker = this.speakerOf(m);
      const key = speaker.name.toLowerCase();
      if (!seen.has(key)) seen.set(key, speaker);
    }
    return [...seen.values()].sort((a, b) => a.start - b.start);
  }

  /** Turns an attribution into the speaker shown to editors, resolving pronouns, "the official" and "the company". */
  speakerFor(attribution: Attribution): Speaker | null {
    const own = { name: attribution.text, start: attribution.start, end: attribution.end };
    // "I" and "you" are resolved by the transcript turn they are spoken in (turns.ts), never to an earlier name
    if (attribution.kind === 'pronoun')
      return FIRST_OR_SECOND.has(attribution.text.toLowerCase()) ? null : this.resolvePronoun(attribution.text, attribution.start);
    if (attribution.kind === 'name') return attribution.org ? own : { ...own, name: this.canonical(attribution.text) };
    const head = attribution.head ?? '';
    if (DEFINITE.test(attribution.text) && (PERSON_NOUNS.has(head) || isTitleWord(head)))
      return this.resolveDescription(head, attribution.start) ?? own;
    if (DEFINITE.test(attribution.text) && ORG_NOUNS.has(head)) return this.resolveOrg(head, attribution.start) ?? own;
    return own;
  }
}
