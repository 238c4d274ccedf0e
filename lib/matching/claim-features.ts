import { stemmer } from 'stemmer';
import { extractQuantities, type Quantity } from './numbers';

/** What the matcher compares, computed once per claim text (pure and cheap: about 20 µs for a sentence). */
export type ClaimFeatures = {
  /** Stems of content words (stop words and reporting verbs dropped, a few synonyms folded). */
  stems: Set<string>;
  /** Word 3-grams of the raw words, for re-quotes that keep the wording. */
  shingles: Set<string>;
  /** Capitalised names (people, places, organisations), lower-cased. */
  entities: Set<string>;
  /** Last name of who is quoted or credited, when the claimant or the text says so. */
  speaker: string | null;
  quantities: Quantity[];
  /** +1 when the claim says something rose, -1 when it fell, 0 when neither or both. */
  direction: number;
  negated: boolean;
};

const STOP_WORDS = new Set(
  (
    'a an and are as at be been being but by can could did do does for from had has have he her his how i if in into ' +
    'is it its it’s of on or our she so than that the their them then there these they this those to too was we were ' +
    'what when which who will with would you your also about after again all any because before both each few more ' +
    'most other some such only own same just over under up down very s t said says say told tells according ' +
    'reported reports report stated claimed added per cent percent around roughly nearly almost approximately ' +
    'some about least most much many new one last year years mr ms mrs'
  ).split(' '),
);
const NEGATIONS = new Set(['not', 'no', 'never', 'none', 'nothing', 'neither', 'nor', 'cannot', 'without']);
// Stems of words that say a figure moved; a reversed direction makes a candidate a variant, never the same claim.
const UP = new Set([
  'rise',
  'rose',
  'risen',
  'increas',
  'grow',
  'grew',
  'grown',
  'higher',
  'gain',
  'climb',
  'jump',
  'surg',
  'doubl',
  'expand',
  'boost',
  'rais',
  'soar',
  'up',
]);
const DOWN = new Set([
  'fall',
  'fell',
  'fallen',
  'drop',
  'declin',
  'decreas',
  'cut',
  'lower',
  'shrink',
  'shrank',
  'reduc',
  'slash',
  'plung',
  'plummet',
  'halv',
  'down',
  'slump',
]);
// Words a paraphrase swaps freely in news copy; folded to one stem so they count as shared.
const SYNONYMS: Record<string, string> = {
  soldier: 'troop',
  personnel: 'troop',
  car: 'vehicl',
  automobil: 'vehicl',
  bn: 'billion',
  construct: 'build',
  built: 'build',
  job: 'worker',
  employ: 'worker',
  staff: 'worker',
  medic: 'doctor',
  physician: 'doctor',
  ballot: 'vote',
  kid: 'child',
  children: 'child',
  pupil: 'student',
  spend: 'budget',
  expenditur: 'budget',
  cop: 'polic',
  hike: 'rise',
  rais: 'rise',
  boost: 'rise',
  price: 'cost',
  back: 'approv',
  lack: 'miss',
  absent: 'miss',
  endors: 'approv',
  cash: 'money',
  fund: 'money',
  funding: 'money',
};
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.,]*/gu;
const SPEAKER_AFTER = /\b(?:said|says|told|according to|argued|claimed|insisted|warned)\s+((?:[A-Z][\p{L}'’-]+\s+){0,2}[A-Z][\p{L}'’-]+)/u;
const SPEAKER_BEFORE = /((?:[A-Z][\p{L}'’-]+\s+){0,2}[A-Z][\p{L}'’-]+)\s+(?:said|says|told|argued|claimed|insisted|warned|added)\b/u;
const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'the', 'a', 'officials', 'critics']);

/** True for words too common to say what a claim is about (also skipped when querying the full-text index). */
export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}

// Words repeat across claims, and stemming is most of the cost of claimFeatures: remember recent stems.
const stems = new Map<string, string>();
const MAX_STEMS = 50_000;

/** Stem of one lower-cased word, with synonyms folded. */
function stemWord(word: string): string {
  let stem = stems.get(word);
  if (stem === undefined) {
    const raw = stemmer(word);
    stem = SYNONYMS[raw] ?? raw;
    if (stems.size >= MAX_STEMS) stems.clear();
    stems.set(word, stem);
  }
  return stem;
}

function lastName(name: string): string | null {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const last = parts[parts.length - 1]?.toLowerCase().replace(/[’']s$/, '');
  return last && !PRONOUNS.has(last) ? last : null;
}

/** The speaker of a claim: the claimant field when set, else a name next to "said"/"told"/"according to". */
function findSpeaker(text: string, claimant?: string | null): string | null {
  if (claimant?.trim()) return lastName(claimant);
  const m = SPEAKER_AFTER.exec(text) ?? SPEAKER_BEFORE.exec(text);
  return m ? lastName(m[1]) : null;
}

/** Computes the features of one claim text (and its claimant, when known). */
export function claimFeatures(text: string, claimant?: string | null): ClaimFeatures {
  const raw = (text.match(WORD) ?? []).map((w) => w.replace(/[.,’']+$/, ''));
  const lower = raw.map((w) => w.toLowerCase());
  const stemSet = new Set<string>();
  const entities = new Set<string>();
  let up = 0;
  let down = 0;
  let negations = 0;
  lower.forEach((w, i) => {
    if (NEGATIONS.has(w) || w.endsWith("n't") || w.endsWith('n’t')) negations++;
    if (/^[\d.,]+$/.test(w)) return; // figures are compared as quantities, not as words
    const stem = stemWord(w);
    const qualifier = (w === 'up' || w === 'down') && lower[i + 1] === 'to'; // "up to 900" is a hedge, not a rise
    if (!qualifier && (UP.has(stem) || UP.has(w))) up++;
    if (!qualifier && (DOWN.has(stem) || DOWN.has(w))) down++;
    if (STOP_WORDS.has(w) || w.length < 2) return;
    stemSet.add(stem);
    if (i > 0 && /^\p{Lu}/u.test(raw[i])) entities.add(w);
  });
  const shingles = new Set<string>();
  for (let i = 0; i + 2 < lower.length; i++) shingles.add(`${lower[i]} ${lower[i + 1]} ${lower[i + 2]}`);
  return {
    stems: stemSet,
    shingles,
    entities,
    speaker: findSpeaker(text, claimant),
    quantities: extractQuantities(text),
    direction: up && !down ? 1 : down && !up ? -1 : 0,
    negated: negations % 2 === 1,
  };
}
