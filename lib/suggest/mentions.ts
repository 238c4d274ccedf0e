import { POSSESSIVE, capitalisedRuns, isPersonRun, runGender, runText, stripTitles } from './names';
import type { ParsedText, Token } from './sentences';
import { type Attribution, findAttribution, isAttributionVerb } from './speakers';

/** Nouns that describe a person, so "the spokeswoman" or "he" can refer back to them. */
const PERSON_NOUNS = new Set([
  'official', 'spokesman', 'spokeswoman', 'spokesperson', 'analyst', 'expert', 'aide', 'adviser', 'advisor',
  'diplomat', 'minister', 'lawmaker', 'source', 'resident', 'leader', 'director', 'economist', 'researcher',
  'doctor', 'officer', 'strategist', 'commander', 'worker', 'parent', 'voter', 'witness', 'lawyer', 'attorney',
  'prosecutor', 'investigator', 'scientist', 'epidemiologist', 'executive', 'member', 'candidate', 'activist',
  'organizer', 'owner', 'student', 'teacher', 'father', 'mother', 'man', 'woman', 'person', 'agent', 'negotiator',
  'envoy', 'monitor', 'critic', 'supporter', 'protester', 'nurse', 'manager', 'chairman', 'chairwoman', 'secretary',
]);
/** "the official": a description that refers back to someone introduced earlier. */
const DEFINITE = /^the\s/i;
const INDEFINITE_ARTICLE = /^an?$/;
const FEMALE_NOUNS = new Set(['spokeswoman', 'woman', 'mother', 'chairwoman']);
const MALE_NOUNS = new Set(['spokesman', 'man', 'father', 'chairman']);

interface Mention {
  start: number;
  text: string;
  gender: 'm' | 'f' | null;
  kind: 'name' | 'description';
  head: string | null;
}

/**
 * People mentioned in an article, in order, so a pronoun ("he said") resolves to the last named
 * person and "the official said" to the earlier "a senior White House official".
 */
export class MentionTracker {
  private readonly mentions: Mention[] = [];
  /** Surname (lower-case) -> the fullest form seen and its gender: "kofman" -> "Michael Kofman". */
  private readonly people = new Map<string, { text: string; gender: 'm' | 'f' | null }>();

  /** True when `token` is the surname of someone already named in full. */
  knowsSurname(token: Token): boolean {
    return this.people.has(token.normal.replace(POSSESSIVE, ''));
  }

  /** Records a person's name (titles already stripped). */
  addName(text: string, run: Token[]): void {
    const key = run[run.length - 1].normal.replace(POSSESSIVE, '');
    const known = this.people.get(key);
    const gender = runGender(run) ?? known?.gender ?? null;
    if (!known || text.length > known.text.length) this.people.set(key, { text, gender });
    else if (gender && !known.gender) known.gender = gender;
    this.mentions.push({ start: run[0].start, text, gender, kind: 'name', head: null });
  }

  /** Records a speaker described rather than named, when the description is of a person. */
  addDescription(attribution: Attribution): void {
    const head = attribution.head;
    if (!head || attribution.plural || !PERSON_NOUNS.has(head)) return;
    const gender = FEMALE_NOUNS.has(head) ? 'f' : MALE_NOUNS.has(head) ? 'm' : null;
    // "the official" is the same person as an earlier "a senior White House official"
    const text = DEFINITE.test(attribution.text) ? (this.resolveDescription(head, attribution.start) ?? attribution.text) : attribution.text;
    this.mentions.push({ start: attribution.start, text, gender, kind: 'description', head });
  }

  /** The fullest known form of a name ("Kofman" -> "Michael Kofman"). */
  canonical(name: string): string {
    const key = name.toLowerCase().split(/\s+/).pop() ?? '';
    const known = this.people.get(key);
    return known && known.text.toLowerCase().endsWith(name.toLowerCase()) ? known.text : name;
  }

  /** The person "he"/"she" most plausibly refers to at `before`, or null. */
  resolvePronoun(pronoun: string, before: number): string | null {
    const want = pronoun.toLowerCase() === 'he' ? 'm' : pronoun.toLowerCase() === 'she' ? 'f' : null;
    if (!want) return null;
    const candidates = this.mentions.filter((m) => m.start < before).sort((a, b) => b.start - a.start);
    for (const mention of candidates) {
      const gender = mention.kind === 'name' ? (this.people.get(mention.text.toLowerCase().split(/\s+/).pop() ?? '')?.gender ?? mention.gender) : mention.gender;
      if (gender && gender !== want) continue;
      return mention.kind === 'name' ? this.canonical(mention.text) : mention.text;
    }
    return null;
  }

  /** The earlier description a definite one ("the official") refers back to, or null. */
  resolveDescription(head: string, before: number): string | null {
    const earlier = this.mentions
      .filter((m) => m.kind === 'description' && m.head === head && m.start < before && !DEFINITE.test(m.text))
      .sort((a, b) => b.start - a.start)[0];
    return earlier?.text ?? null;
  }

  /** Turns an attribution into the speaker shown to editors, resolving pronouns and "the official". */
  speakerFor(attribution: Attribution): string | null {
    if (attribution.kind === 'pronoun') return this.resolvePronoun(attribution.text, attribution.start);
    if (attribution.kind === 'name') return this.canonical(attribution.text);
    if (DEFINITE.test(attribution.text) && attribution.head && PERSON_NOUNS.has(attribution.head)) {
      return this.resolveDescription(attribution.head, attribution.start) ?? attribution.text;
    }
    return attribution.text;
  }
}

/** Longest description that may introduce a person: "A senior White House official". */
const MAX_DESCRIPTION_WORDS = 7;

/** A sentence opening with "A/An ... <person noun>" introduces someone "the official" may refer to. */
function indefiniteSubject(text: string, tokens: Token[]): Attribution | null {
  if (!INDEFINITE_ARTICLE.test(tokens[0]?.normal ?? '')) return null;
  const head = tokens.slice(1, MAX_DESCRIPTION_WORDS).findIndex((t) => PERSON_NOUNS.has(t.normal));
  if (head < 0) return null;
  const last = tokens[head + 1];
  const description = text.slice(tokens[0].start, last.end);
  return { kind: 'description', text: description, start: tokens[0].start, gender: null, plural: false, head: last.normal, pattern: '' };
}

/**
 * Reads every reporting sentence (furniture and quoted words excluded) and records the people
 * named and the speakers credited, for later pronoun and description resolution.
 */
export function collectMentions(parsed: ParsedText, isQuoted: (token: Token) => boolean): MentionTracker {
  const tracker = new MentionTracker();
  for (const sentence of parsed.sentences) {
    if (parsed.paragraphs[sentence.paragraph].furniture) continue;
    const outside = sentence.tokens.filter((token) => !isQuoted(token));
    const credited = new Set<number>();
    outside.forEach((token, i) => {
      if (!isAttributionVerb(token, i, outside)) return;
      const attribution = findAttribution(parsed.text, outside.slice(0, i + 1), 'lead', i === 0 || outside[0] === sentence.tokens[0]);
      if (attribution?.kind === 'description') tracker.addDescription(attribution);
      if (attribution?.kind === 'name') credited.add(attribution.start);
    });
    const introduced = indefiniteSubject(parsed.text, outside);
    if (introduced) tracker.addDescription(introduced);
    for (const run of capitalisedRuns(outside, outside[0] === sentence.tokens[0])) {
      const name = stripTitles(run);
      const lone = credited.has(name[0].start) || tracker.knowsSurname(name[0]) || name !== run;
      if (isPersonRun(name, lone)) tracker.addName(runText(parsed.text, name), name);
    }
  }
  return tracker;
}
