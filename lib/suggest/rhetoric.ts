import type { Token } from './sentences';

/*
 * Campaign rhetoric that reads like a claim but cannot be checked: first-person promises, pledges and
 * beliefs ("We will build the best schools", "I think we can cut it by 20 percent"), reported pledges
 * ("she vowed to hire ..."), hypotheticals ("If elected, ..."), exhortations ("Let us stop pretending",
 * "Imagine ...") and value judgements ("a disgrace", "incompetent"). Third-person plans stay checkable
 * ("The centre will employ 85 staff").
 */

const SPEAKER = new Set(['i', 'we']);
/** Contractions as compromise keeps them, one token each. */
const CONTRACTED_FUTURE = new Set(["i'll", "we'll", 'i’ll', 'we’ll']);
const CONTRACTED_PRESENT = new Set(["we're", "i'm", 'we’re', 'i’m']);
const PLEDGES = new Set([
  'will',
  'shall',
  'promise',
  'pledge',
  'vow',
  'swear',
  'guarantee',
  'intend',
  'believe',
  'think',
  'feel',
  'hope',
  'want',
  'wish',
]);
/** "promised to", "vowed to": a reported pledge. */
const REPORTED_PLEDGES = new Set(['promised', 'promises', 'pledged', 'pledges', 'vowed', 'vows', 'swore', 'swears']);
const CONDITIONAL_OPENERS = new Set(['if', 'unless', 'imagine']);
/** Verbs that open an exhortation addressed to the audience. */
const IMPERATIVES = new Set(['imagine', 'remember', 'ask', 'look', 'consider', 'join', 'vote', 'stand', 'think', 'tell', 'make']);
/** Judgements, not facts: "That is a disgrace", "the most incompetent administration". */
const EVALUATIVE = new Set([
  'disgrace',
  'disgraceful',
  'shameful',
  'shame',
  'outrageous',
  'incompetent',
  'corrupt',
  'fantasy',
  'ridiculous',
  'absurd',
  'pathetic',
  'scandalous',
  'reckless',
  'disastrous',
  'shambles',
  'betrayal',
  'insult',
  'nonsense',
]);
/** Words that may stand between the speaker and the pledge: "we will never", "I also promise". */
const BETWEEN = new Set(['also', 'never', 'not', 'always', 'absolutely', 'personally', 'still']);
const EXHORTATIONS = new Set(["let's", 'let’s']);

/** The index of the word after `i`, skipping "also", "never" and the like. */
function nextWord(tokens: readonly Token[], i: number): number {
  let at = i + 1;
  while (at < tokens.length && BETWEEN.has(tokens[at].normal)) at += 1;
  return at;
}

/** Whether a clause is a first-person promise or an exhortation rather than a statement of fact. */
export function isRhetoric(tokens: readonly Token[]): boolean {
  const first = tokens[0]?.normal ?? '';
  if (EXHORTATIONS.has(first) || (first === 'let' && tokens[1]?.normal === 'us') || CONDITIONAL_OPENERS.has(first)) return true;
  if (IMPERATIVES.has(first) && tokens[0].tags.has('Infinitive')) return true;
  return tokens.some((token, i) => {
    if (EVALUATIVE.has(token.normal) || (REPORTED_PLEDGES.has(token.normal) && tokens[i + 1]?.normal === 'to')) return true;
    const going = (at: number) => tokens[at]?.normal === 'going' && tokens[at + 1]?.normal === 'to';
    if (CONTRACTED_FUTURE.has(token.normal)) return true;
    if (CONTRACTED_PRESENT.has(token.normal)) return going(i + 1);
    if (!SPEAKER.has(token.normal)) return false;
    const at = nextWord(tokens, i);
    const next = tokens[at]?.normal ?? '';
    return PLEDGES.has(next) || ((next === 'are' || next === 'am') && going(at + 1));
  });
}
