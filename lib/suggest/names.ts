import nlp from 'compromise';
import { getGender } from 'gender-detection-from-name';
import type { Token } from './sentences';

/** Words that introduce a name without being part of it ("Defense Secretary", "Dr.", "Professor"). */
const TITLE_WORDS = new Set([
  'president',
  'vice',
  'secretary',
  'minister',
  'prime',
  'mayor',
  'governor',
  'gov',
  'senator',
  'sen',
  'rep',
  'representative',
  'speaker',
  'chancellor',
  'chairman',
  'chairwoman',
  'chair',
  'director',
  'general',
  'gen',
  'colonel',
  'col',
  'lt',
  'major',
  'maj',
  'captain',
  'capt',
  'admiral',
  'adm',
  'sgt',
  'sergeant',
  'commissioner',
  'judge',
  'justice',
  'dr',
  'doctor',
  'professor',
  'prof',
  'mr',
  'mrs',
  'ms',
  'miss',
  'sir',
  'dame',
  'lord',
  'lady',
  'king',
  'queen',
  'prince',
  'princess',
  'pope',
  'rev',
  'reverend',
  'ambassador',
  'chief',
  'deputy',
  'attorney',
  'epidemiologist',
  'officer',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'councillor',
  'councilman',
  'councilwoman',
  'councilmember',
  'leader',
  'candidate',
  'coach',
  'ceo',
  'sheriff',
  'superintendent',
]);
/** Head words of organisations, places and programmes: a capitalised run containing one is not a person. */
const ORG_WORDS = new Set([
  'department',
  'ministry',
  'office',
  'house',
  'council',
  'party',
  'committee',
  'agency',
  'bank',
  'banks',
  'university',
  'institute',
  'service',
  'authority',
  'administration',
  'government',
  'commission',
  'court',
  'board',
  'group',
  'news',
  'times',
  'post',
  'union',
  'nations',
  'center',
  'centers',
  'centre',
  'fund',
  'association',
  'foundation',
  'corporation',
  'company',
  'inc',
  'ltd',
  'club',
  'elementary',
  'school',
  'college',
  'hospital',
  'church',
  'city',
  'county',
  'state',
  'states',
  'street',
  'road',
  'square',
  'fairgrounds',
  'community',
  'army',
  'navy',
  'forces',
  'police',
  'assembly',
  'parliament',
  'senate',
  'congress',
  'democrats',
  'republicans',
  'conservatives',
  'greens',
  'network',
  'journal',
  'gazette',
  'courier',
  'control',
  'prevention',
  'security',
  'affairs',
  'treasury',
  'kremlin',
  'pentagon',
  'europe',
  'united',
  'kingdom',
  'republic',
  'federation',
  'organization',
  'organisation',
  'alliance',
  'coalition',
  'campaign',
  'project',
  'program',
  'programme',
  'act',
  // companies and their usual suffixes
  'terminals',
  'holdings',
  'homes',
  'grid',
  'rail',
  'railways',
  'airlines',
  'civil',
  'research',
  'trust',
  'partners',
  'industries',
  'energy',
  'media',
  'logistics',
  'shipping',
  'maritime',
  'motors',
  'systems',
  'health',
  // places: streets, landmarks and geography
  'lane',
  'avenue',
  'drive',
  'boulevard',
  'quay',
  'crescent',
  'terrace',
  'bay',
  'harbour',
  'harbor',
  'port',
  'river',
  'valley',
  'airport',
  'station',
  'stadium',
  'market',
  'bridge',
  'island',
  'coast',
  'ward',
  'borough',
  'district',
]);
/** Street and place heads that outweigh a first name in front ("Ferris Lane", "Albert Square"). */
const PLACE_WORDS = new Set(['street', 'road', 'lane', 'avenue', 'drive', 'boulevard', 'square', 'quay', 'crescent', 'terrace', 'bay', 'way']);
/** Prepositions of place: a capitalised run right after one is a place ("in Tregony", "outside Eastbrook"). */
export const LOCATIVE = new Set([
  'in',
  'at',
  'near',
  'outside',
  'inside',
  'across',
  'into',
  'from',
  'via',
  'around',
  'throughout',
  'towards',
  'toward',
]);
/** compromise tags that mark a word as (part of) a person's name. */
const PERSON_TAGS = ['Person', 'FirstName', 'LastName', 'MaleName', 'FemaleName', 'Honorific'];
/** Tags that rule a capitalised word out of a person's name. */
const NON_PERSON_TAGS = ['Date', 'Month', 'WeekDay', 'Value', 'Acronym'];
/**
 * Lexicon tags that rule a word out of a name. Looked up in the lexicon rather than read from the
 * pre-tagger, which guesses Place/Organization from neighbours ("Geoffrey Marsh", "Marchuk’s office").
 */
const NON_PERSON_LEXICON = new Set(['Place', 'Country', 'City', 'Region', 'Organization', 'Date', 'Month', 'WeekDay']);
/** Function words and verbs that are capitalised only because they open a sentence. */
const FUNCTION_TAGS = ['Determiner', 'Preposition', 'Conjunction', 'Pronoun', 'Adverb', 'Value'];
/** Possessive ending to drop from a name ("Marchuk’s office" -> "Marchuk"). */
export const POSSESSIVE = /['’]s$/;
const CAPITALISED = /^\p{Lu}/u;
/** Punctuation after a word that ends a name ("Geoffrey Marsh, who ..."). */
const RUN_BREAK = /[,;:()“”"—–]/;
/** An opening mark before a word: the word starts a quoted sentence. */
const OPENS_QUOTE = /["“‘(]$/;
const HONORIFIC_GENDER: Record<string, 'm' | 'f'> = {
  mr: 'm',
  sir: 'm',
  lord: 'm',
  king: 'm',
  mrs: 'f',
  ms: 'f',
  miss: 'f',
  dame: 'f',
  lady: 'f',
  queen: 'f',
};

const lexicon = (nlp.model() as { one: { lexicon: Record<string, string | string[] | undefined> } }).one.lexicon;

function lexiconTags(token: Token): string[] {
  const entry = lexicon[token.normal.replace(POSSESSIVE, '')];
  return entry === undefined ? [] : Array.isArray(entry) ? entry : [entry];
}

const bare = (token: Token) => token.normal.replace(POSSESSIVE, '').replace(/\./g, '');
const hasAny = (token: Token, tags: readonly string[]) => tags.some((tag) => token.tags.has(tag));

/** True when the word as written starts with a capital letter. */
export function isCapitalised(token: Token): boolean {
  return CAPITALISED.test(token.text);
}

/** True when compromise knows the word as something other than a name ("Officials", "Asked"). */
function isCommonWord(token: Token): boolean {
  return lexicon[token.normal] !== undefined && !hasAny(token, PERSON_TAGS);
}

/** Capitalised tokens that may belong to a name; sentence-initial common words are skipped. */
function nameLike(token: Token, sentenceInitial: boolean): boolean {
  if (!CAPITALISED.test(token.text) || hasAny(token, FUNCTION_TAGS)) return false;
  return !(sentenceInitial && isCommonWord(token));
}

/** Maximal runs of consecutive name-like tokens, broken by punctuation such as commas. */
export function capitalisedRuns(tokens: readonly Token[], firstIsSentenceStart: boolean): Token[][] {
  const runs: Token[][] = [];
  let run: Token[] = [];
  const close = () => {
    if (run.length) runs.push(run);
    run = [];
  };
  tokens.forEach((token, i) => {
    const initial = (i === 0 && firstIsSentenceStart) || OPENS_QUOTE.test(token.pre);
    if (nameLike(token, initial)) run.push(token);
    else close();
    if (RUN_BREAK.test(token.post)) close();
  });
  close();
  return runs;
}

/** Drops leading titles ("Varnian President Olena Marchuk" -> "Olena Marchuk"). */
export const isTitleWord = (word: string) => TITLE_WORDS.has(word);

export function stripTitles(run: Token[]): Token[] {
  let last = -1;
  run.forEach((token, i) => {
    // compromise tags occupations as Actor ("Meteorologist Ioana Dragan", "Striker Diego Reyes")
    const occupation = token.tags.has('Actor') && !hasAny(token, PERSON_TAGS);
    if (TITLE_WORDS.has(token.normal.replace(/\./g, '')) || (occupation && i === last + 1)) last = i;
  });
  return last >= 0 && last < run.length - 1 ? run.slice(last + 1) : run;
}

/**
 * Whether a run (titles already stripped) reads as a person's name. A lone unknown word counts
 * only when `loneWordIsName` (it is the subject of "said", or a surname seen before).
 */
export function isPersonRun(run: Token[], loneWordIsName: boolean): boolean {
  if (run.length === 0 || run.some((token) => PLACE_WORDS.has(bare(token)))) return false;
  // a known first name in front of a surname outweighs org words ("Jenna Park", "Ben Bank")
  if (run.length >= 2 && run.length <= 3 && firstNameGender(run[0])) return true;
  if (run.some((token) => ORG_WORDS.has(bare(token)))) return false;
  if (run.some((token) => hasAny(token, PERSON_TAGS))) return true;
  if (run.some((token) => hasAny(token, NON_PERSON_TAGS) || lexiconTags(token).some((tag) => NON_PERSON_LEXICON.has(tag)))) return false;
  return run.length >= 2 || loneWordIsName;
}

/** The run's text as written in the article, without a possessive ending. */
export function runText(text: string, run: Token[]): string {
  return text.slice(run[0].start, run[run.length - 1].end).replace(POSSESSIVE, '');
}

/** Whether a run names an organisation ("Harbor Transit Authority", "Southern Grid Holdings"). */
export function isOrgRun(run: Token[]): boolean {
  return run.length > 0 && !run.some((token) => PLACE_WORDS.has(bare(token))) && run.some((token) => ORG_WORDS.has(bare(token)));
}

/** Gender of a first name from the maintained first-name list, or null. */
function firstNameGender(token: Token): 'm' | 'f' | null {
  if (!CAPITALISED.test(token.text) || hasAny(token, FUNCTION_TAGS)) return null;
  const gender = getGender(bare(token));
  return gender === 'male' ? 'm' : gender === 'female' ? 'f' : null;
}

/**
 * Gender implied by the first name (maintained first-name list, then compromise's name tags) or an
 * honorific, or null. Only a word before the surname counts: compromise tags surnames such as
 * "Dragan" as male first names.
 */
export function runGender(run: Token[]): 'm' | 'f' | null {
  for (const token of run) {
    const honorific = HONORIFIC_GENDER[token.normal.replace(/\./g, '')];
    if (honorific) return honorific;
  }
  for (const token of run.slice(0, -1)) {
    const listed = firstNameGender(token);
    if (listed) return listed;
    if (token.tags.has('FemaleName')) return 'f';
    if (token.tags.has('MaleName')) return 'm';
  }
  return null;
}

/** The person named in a phrase ("Ben Castellano", "Olena Marchuk"), or null. */
export function findName(tokens: Token[], loneWordIsName: boolean, sentenceStart: boolean): Token[] | null {
  const runs = capitalisedRuns(tokens, sentenceStart);
  for (let i = runs.length - 1; i >= 0; i -= 1) {
    const run = stripTitles(runs[i]);
    // a title in front ("Gov. Bensen", "Dr. Smith") makes a lone word a name
    if (isPersonRun(run, loneWordIsName || run !== runs[i])) return run;
  }
  return null;
}
