import { isSourceNoun } from './mentions';
import { POSSESSIVE, isCapitalised } from './names';
import type { Token } from './sentences';
import { type Attribution, describe } from './speakers';

/** Words that open a clause without being its subject ("But Marsh was blunt:"). */
const LEADING_WORDS = new Set(['and', 'but', 'so', 'then', 'still', 'yet']);
const MAX_SUBJECT_WORDS = 6;

/**
 * A clause ending in a colon introduces the quotation after it even without a verb of saying:
 * "Marsh's answer was short: “…”", "She was blunt: “…”". The speaker is the clause's subject (for
 * "Marsh's answer", the possessor). Null when the lead does not end in a colon.
 */
export function colonIntroduction(text: string, lead: Token[], sentenceStart: boolean): Attribution | null {
  if (!lead.at(-1)?.post.includes(':')) return null;
  let from = 0;
  while (from < lead.length && LEADING_WORDS.has(lead[from].normal)) from += 1;
  const verb = lead.findIndex((t, i) => i > from && t.tags.has('Verb') && !isCapitalised(t));
  // "Asked why, Marsh's answer was short:": the subject starts after an opening phrase
  for (let i = from; i < verb - 1; i += 1) if (lead[i].post.includes(',')) from = i + 1;
  const subject = verb < 0 ? [] : lead.slice(from, verb);
  if (subject.length === 0 || subject.length > MAX_SUBJECT_WORDS) return null;
  const possessor = subject.findIndex((t) => POSSESSIVE.test(t.text));
  if (possessor >= 0 && subject.slice(0, possessor + 1).every(isCapitalised)) {
    return describe(text, subject.slice(0, possessor + 1), 'X’s …:', sentenceStart && from === 0);
  }
  const found = describe(text, subject, 'X …:', sentenceStart && from === 0);
  // "The plant lost money:": only people, organisations and sources introduce quotations, not any subject
  const source = found?.kind !== 'description' || isSourceNoun(found.head ?? '');
  return found && source ? found : null;
}
