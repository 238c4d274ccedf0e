import type { Token } from './sentences';

/*
 * A completed fact stated in the negative is checkable: "The council has not published the business case",
 * "The closure was not mentioned in the documents", "The department did not recommend restrictions". Present
 * habits and states ("People do not feel safe", "It is not a plan") and the speaker's own doings ("I did not
 * come here to ...") are not.
 */

/** Auxiliaries of a completed action, and their contractions with "not". */
const PERFECT = new Set(['has', 'have', 'had', 'was', 'were', 'did']);
const CONTRACTED = new Set([
  "hasn't",
  "haven't",
  "hadn't",
  "wasn't",
  "weren't",
  "didn't",
  'hasn’t',
  'haven’t',
  'hadn’t',
  'wasn’t',
  'weren’t',
  'didn’t',
]);
/**
 * Subjects that make a negation an account or a complaint rather than a record: the speaker or listener
 * ("I did not come here"), a pronoun in conversation ("she did not reverse course"), an embedded question
 * ("asked why ...", "whether ...").
 */
const NOT_A_RECORD_SUBJECT = new Set(['i', 'we', 'you', 'he', 'she', 'it', 'they', 'this', 'that', 'why', 'whether', 'how', 'what', 'if', 'when']);
/** The auxiliary must come soon: its subject opens the clause. */
const MAX_SUBJECT_WORDS = 8;
/** Words that may stand between "not" and the verb: "has not yet published", "did not even mention". */
const BETWEEN = new Set(['yet', 'even', 'ever', 'once', 'always', 'fully']);

/** Whether the tokens of a clause deny a completed action of a third party. */
export function isNegatedRecord(tokens: readonly Token[]): boolean {
  for (let i = 1; i < tokens.length; i += 1) {
    const contracted = CONTRACTED.has(tokens[i].normal);
    if (!contracted && !(tokens[i].normal === 'not' && PERFECT.has(tokens[i - 1].normal))) continue;
    const subject = tokens.slice(0, contracted ? i : i - 1);
    if (subject.length > MAX_SUBJECT_WORDS || !subject.some((t) => t.tags.has('Noun')) || subject.some((t) => NOT_A_RECORD_SUBJECT.has(t.normal)))
      return false;
    let at = i + 1;
    while (BETWEEN.has(tokens[at]?.normal ?? '')) at += 1;
    const verb = tokens[at];
    const auxiliary = contracted ? tokens[i].normal.slice(0, 3) : tokens[i - 1].normal;
    // "did not recommend" takes the bare verb; "has not published", "was not mentioned" a participle
    if (
      verb &&
      verb.tags.has('Verb') &&
      (auxiliary.startsWith('did')
        ? verb.tags.has('Infinitive') || verb.tags.has('PresentTense')
        : verb.tags.has('PastTense') || verb.tags.has('Participle'))
    )
      return true;
  }
  return false;
}
