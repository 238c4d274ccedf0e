import { POSSESSIVE, capitalisedRuns, findName, isCapitalised, isOrgRun, runGender, runText } from './names';
import { coordinatedSubject, trailingNounPhrase } from './clause-subjects';
import type { Token } from './sentences';

/** Verbs that credit words to someone: "Kofman told CNN", "said Tanya Whitlock". */
export const ATTRIBUTION_VERBS = new Set([
  'said',
  'says',
  'say',
  'told',
  'tells',
  'added',
  'adds',
  'noted',
  'notes',
  'note',
  'wrote',
  'writes',
  'warned',
  'warns',
  'argued',
  'argues',
  'explained',
  'stated',
  'declared',
  'insisted',
  'acknowledged',
  'conceded',
  'cautioned',
  'continued',
  'replied',
  'asked',
  'recalled',
  'claimed',
  'claims',
  'announced',
  'tweeted',
  'called',
  'described',
  'estimated',
  'reported',
  'confirmed',
  'predicted',
  'admitted',
  'responded',
  'answered',
  'countered',
  'remarked',
  'observed',
  'joked',
  'testified',
  'complained',
  'maintained',
  'boasted',
  'shouted',
  'posted',
  'explains',
  'insists',
  'admits',
  'asks',
  'recalls',
  'adds',
]);
/** Two-word cues: "she went on", "he pointed out". The first word is the cue token. */
const PHRASAL_CUES: Record<string, string> = { went: 'on', goes: 'on', pointed: 'out', put: 'it', puts: 'it' };
/** Pronouns resolved to an earlier person ("it" to an organisation); first-person pronouns never are. */
const THIRD_PERSON = new Set(['he', 'she', 'they', 'it']);
/** "I said", "you said": whom they mean depends on who is talking (a transcript turn), not on earlier mentions. */
export const FIRST_PERSON = new Set(['i', 'we']);
export const SECOND_PERSON = new Set(['you']);
const NON_SPEAKERS = new Set(['this', 'that', 'which']);
/** A chunk opening with one of these is a relative clause about the subject, not the subject. */
const RELATIVE_WORDS = new Set(['who', 'whose', 'which', 'where', 'when', 'whom']);
const LEADING_FILLER = new Set(['and', 'but', 'so', 'yet', 'then', 'however', 'also', 'meanwhile', 'still', 'as']);
/** Focus words and subordinators before a subject: "Even the mayor said", "What I said was", "When she told". */
const LEADING_OPENERS = new Set(['even', 'only', 'what', 'when', 'while', 'after', 'before', 'once', 'although', 'though', 'because', 'since']);
/** Subject pronouns: a chunk ending in one has it as its subject ("Only last month she told"). */
const SUBJECT_PRONOUNS = new Set(['i', 'we', 'you', 'he', 'she', 'they']);
/** Words between a subject and its verb that are not part of the subject ("X on Monday said"). */
const TRAILING_FILLER = new Set([
  'also',
  'later',
  'earlier',
  'previously',
  'again',
  'yesterday',
  'today',
  'tonight',
  'on',
  'in',
  'at',
  'last',
  'this',
  'has',
  'have',
  'had',
  'was',
  'is',
  'were',
  'are',
  'would',
  'will',
  'repeatedly',
  'recently',
  'generally',
  'once',
  'initially',
  'separately',
  'publicly',
  'privately',
  'flatly',
  'simply',
  'then',
  'night',
  'morning',
  'afternoon',
  'evening',
  'week',
  'month',
  'year',
  'however',
  'not',
  'never',
  'herself',
  'himself',
  'themselves',
  'itself',
]);
/** Punctuation after a word that closes a subject chunk ("Ben Castellano, the Pentagon ..."). */
const CHUNK_BREAK = /[,;:—–()]/;
/** A chunk after one of these may be an appositive; after a colon ("PETRIE: The report says") it is not. */
const APPOSITIVE_BREAK = /[,—–(]/;
/** Verb forms that cannot head a clause right before "said": "The Doyle campaign said" (tagged as a verb). */
const FINITE_HELPERS = ['Modal', 'Copula', 'Auxiliary'];
/** A phrase after "said"/"according to" ends at a comma or sentence punctuation. */
const PHRASE_BREAK = /[,;:.!?—–()“”"‘’]/;
const PHRASE_STOP_TAGS = ['Preposition', 'Verb', 'Date'];
const ARTICLE = /^(?:the|a|an)$/;
const QUOTE_VERBS = new Set(['quote', 'quoting']);
/** An opening mark before a word: a quotation starts there. */
const OPENS_QUOTE = /[“"‘(]$/;
/** Heads are compared in the singular ("officials" -> "official"). */
const PLURAL_ENDING = /s$/;
/** A chunk starting in lower case after a name is an appositive ("Kofman, a military analyst"). */
const LOWER_CASE_START = /^\p{Ll}/u;
const MAX_SUBJECT_WORDS = 8;

/** Nouns for organisations: "the company said", "The operator, Harborline Terminals, said". */
export const ORG_NOUNS = new Set([
  'company',
  'firm',
  'operator',
  'ministry',
  'department',
  'agency',
  'authority',
  'council',
  'union',
  'group',
  'party',
  'chamber',
  'association',
  'trust',
  'statement',
  'club',
  'hospital',
  'university',
  'campaign',
  'government',
  'administration',
  'board',
  'commission',
  'committee',
  'contractor',
  'developer',
  'utility',
  'bank',
  'network',
  'airline',
  'insurer',
  'owners',
  'owner',
  'organisation',
  'organization',
  'charity',
  'regulator',
]);

const possessiveLength = (token: Token) => (POSSESSIVE.test(token.text) ? 2 : 0);

/** Who a fragment credits: a name, a description ("a senior official") or a pronoun to resolve. */
export interface Attribution {
  kind: 'name' | 'description' | 'pronoun';
  /** As written: "Kofman", "a senior Pentagon official", "he". */
  text: string;
  /** Where the mention is in the body text: `text === body.slice(start, end)`. */
  start: number;
  end: number;
  /** A name that belongs to an organisation ("Southern Grid") rather than a person. */
  org: boolean;
  gender: 'm' | 'f' | null;
  plural: boolean;
  /** Head noun of a description, singular and lower-case ("official"); null otherwise. */
  head: string | null;
  /** "X said", "said X", "according to X" — for the suggestion's reason. */
  pattern: string;
}

/** Words before a verb of saying that stop it reporting anything ("declined to say", "did not say"). */
const NOT_REPORTING = new Set([
  'to',
  'not',
  'never',
  "didn't",
  "don't",
  "won't",
  'declined',
  'refused',
  // determiners: "an estimated $2 billion", "the reported figure"
  'a',
  'an',
  'the',
  // passives: "was declared eliminated", "is said to be"
  'was',
  'were',
  'is',
  'are',
  'be',
  'been',
  'being',
]);

/**
 * True for a word that introduces reported speech. Pass the token's index and list (the
 * signature fits `array.some`) to rule out "declined to say" and "did not say".
 */
export function isAttributionVerb(token: Token, index = 0, tokens: readonly Token[] = []): boolean {
  const cue =
    ATTRIBUTION_VERBS.has(token.normal) || (PHRASAL_CUES[token.normal] !== undefined && tokens[index + 1]?.normal === PHRASAL_CUES[token.normal]);
  return cue && !NOT_REPORTING.has(tokens[index - 1]?.normal ?? '');
}

function breaksAfter(token: Token): boolean {
  return CHUNK_BREAK.test(token.post) && !token.tags.has('Abbreviation');
}

function trimChunk(chunk: Token[]): Token[] {
  let from = 0;
  let to = chunk.length;
  while (from < to && (LEADING_FILLER.has(chunk[from].normal) || LEADING_OPENERS.has(chunk[from].normal))) from += 1;
  while (to > from && (TRAILING_FILLER.has(chunk[to - 1].normal) || chunk[to - 1].tags.has('Date') || chunk[to - 1].tags.has('Adverb'))) to -= 1;
  // "Only last month she", "In 2021 you": words before a subject pronoun are adverbials
  if (to - from > 1 && SUBJECT_PRONOUNS.has(chunk[to - 1].normal)) from = to - 1;
  return chunk.slice(from, to);
}

const looksLikeName = (chunk: Token[]) => chunk.length > 0 && chunk.length <= 4 && chunk.every(isCapitalised);

/**
 * The subject in the words before an attribution verb, skipping appositives and relative
 * clauses: "Michael Kofman, a military analyst who ..., said" -> "Michael Kofman".
 */
function subjectBefore(before: Token[]): Token[] | null {
  const chunks: Token[][] = [[]];
  for (const token of before) {
    if (OPENS_QUOTE.test(token.pre) && chunks[chunks.length - 1].length) chunks.push([]);
    chunks[chunks.length - 1].push(token);
    if (breaksAfter(token)) chunks.push([]);
  }
  for (let c = chunks.length - 1; c >= 0; c -= 1) {
    const chunk = trimChunk(chunks[c]);
    if (chunk.length === 0) continue;
    if (RELATIVE_WORDS.has(chunk[0].normal) && c > 0) continue;
    // "…”, a pledge that charities called unrealistic": the verb's subject sits in a relative clause about the quotation
    const finite = (t: Token | undefined) => !!t && t.tags.has('Verb') && !t.tags.has('Gerund') && !t.tags.has('Noun');
    const objectRelative = chunk.findIndex((t, i) => i > 0 && (t.normal === 'that' || t.normal === 'which') && !finite(chunk[i + 1]));
    if (objectRelative > 0 && ARTICLE.test(chunk[0].normal) && objectRelative < chunk.length - 1) return null;
    const appositive = ARTICLE.test(chunk[0].normal) || LOWER_CASE_START.test(chunk[0].text);
    const afterComma = c > 0 && APPOSITIVE_BREAK.test(chunks[c - 1].at(-1)?.post ?? '');
    if (appositive && afterComma && looksLikeName(trimChunk(chunks[c - 1]))) continue;
    // "an engineer who worked on the dam told": a described source with its relative clause
    const relative = chunk.findIndex((t) => RELATIVE_WORDS.has(t.normal));
    if (relative > 0 && ARTICLE.test(chunk[0].normal) && !chunk.slice(0, relative).some((t) => t.tags.has('Verb'))) {
      return chunk.length <= MAX_SUBJECT_WORDS + 4 ? chunk : chunk.slice(0, relative);
    }
    // a clause ("The plan will cost") or an age ("Ashby, 62, said") is not who spoke
    // in "a senior campaign official" the tagger reads "campaign" as a verb: words between an article
    // and a final noun are modifiers
    // ("The Doyle campaign said": a bare verb form right before the cue is a noun)
    const lastWord = chunk[chunk.length - 1];
    const nounPhrase =
      ARTICLE.test(chunk[0].normal) &&
      ((lastWord.tags.has('Noun') && !lastWord.tags.has('Verb')) || lastWord.tags.has('Infinitive')) &&
      !chunk.some((t) => FINITE_HELPERS.some((tag) => t.tags.has(tag)));
    // a capitalised word is a verb only when it opens a question ("Is the minister aware that ...")
    const clause = chunk.some(
      (t, i) =>
        (t.tags.has('Verb') && !isCapitalised(t) && !(nounPhrase && (i < chunk.length - 1 || t.tags.has('Infinitive')))) ||
        (i === 0 && FINITE_HELPERS.some((tag) => t.tags.has(tag))),
    );
    if (clause || chunk.every((t) => t.tags.has('Value'))) {
      if (c > 0) continue;
      return coordinatedSubject(chunk) ?? trailingNounPhrase(chunk);
    }
    // "In a statement posted to its website, ..." is an adverbial, never the subject
    if (chunk[0].tags.has('Preposition')) return null;
    return chunk.length <= MAX_SUBJECT_WORDS ? chunk : null;
  }
  return null;
}

/** The phrase after "said" or "according to", up to a comma, a relative pronoun or a preposition. */
function phraseAfter(tokens: Token[], from: number): Token[] {
  const phrase: Token[] = [];
  for (let i = from; i < tokens.length && phrase.length < MAX_SUBJECT_WORDS; i += 1) {
    const token = tokens[i];
    const isStop =
      RELATIVE_WORDS.has(token.normal) || (phrase.length > 0 && PHRASE_STOP_TAGS.some((tag) => token.tags.has(tag)) && !isCapitalised(token));
    if (isStop || (phrase.length === 0 && token.tags.has('Date'))) break;
    phrase.push(token);
    if (PHRASE_BREAK.test(token.post) && !token.tags.has('Abbreviation')) break;
  }
  return phrase;
}

function headOf(phrase: Token[]): Token {
  const stop = phrase.findIndex((token, i) => i > 0 && token.tags.has('Preposition'));
  return phrase[(stop > 0 ? stop : phrase.length) - 1];
}

/** Classifies a subject phrase as a pronoun, a person's name or a description. */
export function describe(text: string, phrase: Token[], pattern: string, sentenceStart: boolean): Attribution | null {
  const first = phrase[0];
  if (phrase.length === 1 && NON_SPEAKERS.has(first.normal)) return null;
  const last = phrase[phrase.length - 1];
  const base = { start: first.start, end: last.end, pattern, gender: null, plural: false, head: null, org: false };
  if (phrase.length === 1 && (FIRST_PERSON.has(first.normal) || SECOND_PERSON.has(first.normal))) {
    return { ...base, kind: 'pronoun', text: first.text, plural: first.normal === 'we' };
  }
  if (phrase.length === 1 && THIRD_PERSON.has(first.normal)) {
    return {
      ...base,
      kind: 'pronoun',
      text: first.text,
      plural: first.normal === 'they',
      gender: first.normal === 'he' ? 'm' : first.normal === 'she' ? 'f' : null,
    };
  }
  const name = findName(phrase, true, sentenceStart);
  const at = name ? phrase.indexOf(name[0]) : -1;
  // the name must head the phrase: "Marchuk’s office", "Labour's outgoing leader" and "a reader in Tregony" are descriptions
  const modifier = at > 0 && phrase.slice(0, at).some((t) => t.tags.has('Preposition'));
  if (name && !modifier && (!ARTICLE.test(first.normal) || at > 0) && name[name.length - 1] === last) {
    // "The power company Southern Grid": a name right after an organisation noun is an organisation;
    // "Council leader Priya Dass": a title between them makes it a person
    const org = isOrgRun(name) || (at > 0 && ORG_NOUNS.has(phrase[at - 1].normal));
    return {
      ...base,
      kind: 'name',
      text: runText(text, name),
      start: name[0].start,
      end: name[name.length - 1].end - possessiveLength(name[name.length - 1]),
      gender: org ? null : runGender(name),
      org,
    };
  }
  // "The power company Southern Grid": an organisation's name heads the phrase
  const orgRun = capitalisedRuns(phrase, sentenceStart).at(-1);
  if (
    orgRun &&
    isOrgRun(orgRun) &&
    orgRun[orgRun.length - 1] === last &&
    phrase.slice(0, phrase.indexOf(orgRun[0])).every((t) => !t.tags.has('Preposition'))
  ) {
    return {
      ...base,
      kind: 'name',
      text: runText(text, orgRun),
      start: orgRun[0].start,
      end: orgRun[0].start + runText(text, orgRun).length,
      org: true,
    };
  }
  const head = headOf(phrase);
  const words = text.slice(first.start, last.end).replace(/[,;:]$/, '');
  return {
    ...base,
    end: first.start + words.length,
    kind: 'description',
    text: words,
    head: head.normal.replace(PLURAL_ENDING, ''),
    plural: head.tags.has('Plural'),
  };
}

/**
 * Finds who a fragment of text credits. `tail` fragments follow a quotation ("," Biden said),
 * `lead` fragments precede it (Biden said: "). Returns null when no speaker is named.
 */
export function findAttribution(text: string, tokens: Token[], mode: 'tail' | 'lead', sentenceStart = false): Attribution | null {
  for (let i = 0; i < tokens.length; i += 1) {
    if (tokens[i].normal === 'according' && tokens[i + 1]?.normal === 'to') {
      const phrase = phraseAfter(tokens, i + 2);
      if (phrase.length) return describe(text, phrase, 'according to X', false);
    }
    // "Let me quote the minister: “…”": the object of "quote" said it ("and I quote," has none)
    if (QUOTE_VERBS.has(tokens[i].normal) && i + 1 < tokens.length) {
      const phrase = phraseAfter(tokens, i + 1);
      const found = phrase.length ? describe(text, phrase, 'quote X', false) : null;
      if (found && found.kind !== 'pronoun') return found;
    }
    // "In the words of Martin Okafor, a political scientist, “…”"
    if (tokens[i].normal === 'words' && tokens[i + 1]?.normal === 'of' && tokens[i - 1]?.normal === 'the' && tokens[i - 2]?.normal === 'in') {
      const phrase = phraseAfter(tokens, i + 2);
      if (phrase.length) return describe(text, phrase, 'in the words of X', false);
    }
  }
  for (let i = 0; i < tokens.length; i += 1) {
    if (!isAttributionVerb(tokens[i], i, tokens)) continue;
    const before = tokens.slice(0, i);
    const subject = before.length ? subjectBefore(before) : null;
    if (subject) {
      const found = describe(text, subject, `X ${tokens[i].normal}`, sentenceStart && subject[0] === tokens[0]);
      if (found) return found;
    } else if (mode === 'tail' && before.length === 0) {
      const phrase = phraseAfter(tokens, i + 1);
      const found = phrase.length ? describe(text, phrase, `${tokens[i].normal} X`, false) : null;
      // "said his daughter, Lena Brandt": the name in apposition is the better mention
      const apposed = found?.kind === 'description' ? phraseAfter(tokens, i + 1 + phrase.length) : [];
      const named = apposed.length ? describe(text, apposed, `${tokens[i].normal} X`, false) : null;
      if (named?.kind === 'name') return named;
      if (found) return found;
    }
  }
  return null;
}
