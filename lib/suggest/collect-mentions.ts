import { LOCATIVE, capitalisedRuns, isOrgRun, isPersonRun, isTitleWord, runGender, runText, stripTitles } from './names';
import { MentionTracker, PERSON_NOUNS } from './mentions';
import type { ParsedText, Token } from './sentences';
import { type Attribution, ORG_NOUNS, findAttribution, isAttributionVerb } from './speakers';

const ARTICLE = /^(?:an?|the)$/;
/** Longest description that may introduce a person: "A senior White House official". */
const MAX_DESCRIPTION_WORDS = 7;

/**
 * A sentence opening with "A/An/The ... <person or organisation noun>" introduces (or refers back to)
 * a described person ("The engineer gave evidence") or organisation ("The environment ministry rejected").
 */
function describedSubject(text: string, tokens: Token[]): Attribution | null {
  if (!ARTICLE.test(tokens[0]?.normal ?? '')) return null;
  const head = tokens.slice(1, MAX_DESCRIPTION_WORDS).findIndex((t) => PERSON_NOUNS.has(t.normal) || ORG_NOUNS.has(t.normal));
  if (head < 0 || tokens.slice(1, head + 1).some((t) => t.tags.has('Verb') || t.tags.has('Preposition'))) return null;
  const last = tokens[head + 1];
  // "The power company Southern Grid said": the name that follows is the mention, not the description
  if (/^\p{Lu}/u.test(tokens[head + 2]?.text ?? '')) return null;
  const description = text.slice(tokens[0].start, last.end);
  return {
    kind: 'description',
    text: description,
    start: tokens[0].start,
    end: last.end,
    gender: null,
    plural: false,
    head: last.normal,
    pattern: '',
    org: false,
  };
}

/** "Dana Holt, the chief executive of Holt Foods": the noun that describes a name in apposition ("executive"). */
function appositiveHead(tokens: Token[], last: number): string | null {
  if (last < 0 || !tokens[last].post.includes(',') || !ARTICLE.test(tokens[last + 1]?.normal ?? '')) return null;
  // the last such noun before a preposition or a comma: "the chief executive" is an "executive"
  let head: string | null = null;
  for (let i = last + 2; i < Math.min(tokens.length, last + 2 + MAX_DESCRIPTION_WORDS); i += 1) {
    if (tokens[i].tags.has('Preposition')) break;
    if (PERSON_NOUNS.has(tokens[i].normal) || isTitleWord(tokens[i].normal)) head = tokens[i].normal;
    if (tokens[i].post.includes(',')) break;
  }
  return head;
}

/**
 * Reads every reporting sentence (furniture and quoted words excluded) and records the people,
 * described sources and organisations named, and whom pronoun subjects refer to.
 */
export function collectMentions(parsed: ParsedText, isQuoted: (token: Token) => boolean): MentionTracker {
  const tracker = new MentionTracker();
  parsed.sentences.forEach((sentence, index) => {
    if (parsed.paragraphs[sentence.paragraph].furniture) return;
    const outside = sentence.tokens.filter((token) => !isQuoted(token));
    const credited = new Set<number>();
    const pronouns: Attribution[] = [];
    outside.forEach((token, i) => {
      if (!isAttributionVerb(token, i, outside)) return;
      const attribution = findAttribution(parsed.text, outside.slice(0, i + 1), 'lead', i === 0 || outside[0] === sentence.tokens[0]);
      if (attribution?.kind === 'description') tracker.addDescription(attribution, index);
      if (attribution?.kind === 'name' && attribution.org) tracker.addOrg(attribution.text, attribution, index);
      if (attribution?.kind === 'name') credited.add(attribution.start);
      if (attribution?.kind === 'pronoun') pronouns.push(attribution);
    });
    const described = describedSubject(parsed.text, outside);
    if (described && ORG_NOUNS.has(described.head ?? '')) tracker.addOrg(described.text, described, index);
    else if (described) tracker.addDescription(described, index);
    for (const run of capitalisedRuns(outside, outside[0] === sentence.tokens[0])) {
      const name = stripTitles(run);
      const text = runText(parsed.text, name);
      if (isOrgRun(name)) {
        tracker.addOrg(text, { start: name[0].start, end: name[0].start + text.length }, index);
        continue;
      }
      const lone = credited.has(name[0].start) || tracker.knowsSurname(name[0]) || name !== run;
      const place = LOCATIVE.has(outside[outside.indexOf(run[0]) - 1]?.normal ?? '') && !credited.has(name[0].start);
      const title =
        name !== run ? run[run.indexOf(name[0]) - 1]?.normal.replace(/\./g, '') : appositiveHead(outside, outside.indexOf(run[run.length - 1]));
      if (isPersonRun(name, lone) && !(place && runGender(name) === null)) tracker.addPerson(text, name, index, title ?? null);
    }
    // after the sentence's names are in: "He added that ..." continues the chain to whoever "he" is
    for (const pronoun of pronouns) {
      const speaker = tracker.speakerFor(pronoun);
      if (speaker) tracker.addResolved(pronoun, speaker, index);
    }
  });
  return tracker;
}
