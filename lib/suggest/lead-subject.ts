import type { MentionTracker } from './mentions';
import { isCapitalised } from './names';
import type { Token } from './sentences';
import { type Attribution, describe } from './speakers';

/** A name is at most this many capitalised words: "Julian Abara", "Mary Anne Clarke". */
const MAX_NAME_WORDS = 3;

/**
 * A quotation whose sentence opens with a person the article knows and any verb, without a verb of saying:
 * "Abara promised to “end rough sleeping”", "Quint called the plan “a fantasy”". The person is the subject.
 */
export function leadSubject(text: string, lead: Token[], tracker: MentionTracker): Attribution | null {
  let names = 0;
  while (names < lead.length && names < MAX_NAME_WORDS && isCapitalised(lead[names]) && !lead[names].tags.has('Verb')) names += 1;
  const verb = lead[names];
  if (names === 0 || !verb || !verb.tags.has('Verb') || isCapitalised(verb) || !tracker.knowsSurname(lead[names - 1])) return null;
  const found = describe(text, lead.slice(0, names), 'X …', true);
  return found?.kind === 'name' && !found.org ? found : null;
}
