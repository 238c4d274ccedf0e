import { isCapitalised } from './names';
import type { Token } from './sentences';

/*
 * The subject of a verb of saying that follows a whole clause, where the words before the verb are not
 * one noun phrase: "I went home and I said", "When I walked out the security guard said".
 */

const ARTICLE = /^(?:the|a|an)$/;
const COORDINATORS = new Set(['and', 'but', 'then']);
const PRONOUNS = new Set(['i', 'we', 'you', 'he', 'she', 'they']);
const looksLikeName = (chunk: Token[]) => chunk.length > 0 && chunk.length <= 4 && chunk.every(isCapitalised);

/** "I went home and I said": the subject of the last of coordinated clauses, when it is a pronoun or a name. */
export function coordinatedSubject(chunk: Token[]): Token[] | null {
  let at = chunk.length - 1;
  while (at > 0 && !COORDINATORS.has(chunk[at].normal)) at -= 1;
  const rest = chunk.slice(at + 1);
  if (at === 0 || rest.length === 0) return null;
  return (rest.length === 1 && PRONOUNS.has(rest[0].normal)) || looksLikeName(rest) ? rest : null;
}

/**
 * The noun phrase that ends a clause and is the subject of the cue after it: "When I walked out on the
 * last day the security guard said" -> "the security guard". The article must not be an object
 * (after a verb or preposition).
 */
export function trailingNounPhrase(chunk: Token[]): Token[] | null {
  let at = chunk.length - 1;
  while (at > 0 && !ARTICLE.test(chunk[at].normal)) at -= 1;
  const phrase = chunk.slice(at);
  const previous = chunk[at - 1];
  // "aware that the guild has described": "that" opens a clause whose subject the phrase is
  const complement = previous?.normal === 'that';
  if (at < 1 || phrase.length < 2 || previous.tags.has('Verb') || (previous.tags.has('Preposition') && !complement)) return null;
  if (phrase.slice(1).some((t) => (t.tags.has('Verb') && !t.tags.has('Noun')) || t.tags.has('Preposition'))) return null;
  return phrase.at(-1)!.tags.has('Noun') ? phrase : null;
}
