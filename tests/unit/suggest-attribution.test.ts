import { describe, expect, it } from 'vitest';
import { suggestClaims, suggestClaimsWithPeople, type Suggestion } from '@/lib/suggest';

/** The quotation suggestion that contains `words`. */
function quoteWith(body: string, words: string): Suggestion {
  const found = suggestClaims(body).find((s) => s.type === 'quote' && s.text.includes(words));
  if (!found) throw new Error(`no quote suggestion contains "${words}"`);
  return found;
}

/** The text of the speaker mention a suggestion points at. */
const mention = (body: string, s: Suggestion) => (s.speakerStart == null ? null : body.slice(s.speakerStart, s.speakerEnd!));

describe('speaker attribution: cue positions', () => {
  it.each([
    ['after the quote', '“The bridge will reopen in spring,” Mayor Ana Ruiz said.', 'bridge'],
    ['inverted after the quote', '“The bridge will reopen in spring,” said Ana Ruiz, the mayor.', 'bridge'],
    ['before the quote', 'Ana Ruiz said: “The bridge will reopen in spring.”', 'bridge'],
    ['inside the quote', '“The bridge,” Ana Ruiz said, “will reopen in spring.”', 'bridge'],
    ['two-word, after a pronoun', 'Ana Ruiz spoke first. “People are angry,” she went on. “And they have every right to be.”', 'angry'],
  ])('credits the speaker when the cue is %s', (_where, body, words) => {
    const quote = quoteWith(body, words);
    expect(quote.speaker).toBe('Ana Ruiz');
    expect(mention(body, quote)).toBe('Ana Ruiz');
  });
});

describe('speaker attribution: pronouns', () => {
  it('resolves "he" to the subject who is talking, not the last capitalised name', () => {
    const body =
      'Manager Luca Brandt, whose side drew at home on Saturday after Diego Reyes was substituted early, was more candid. “We were second best for an hour,” he told reporters.';
    const quote = quoteWith(body, 'second best');
    expect(quote.speaker).toBe('Luca Brandt');
    expect(mention(body, quote)).toBe('Luca Brandt');
  });

  it('resolves "she" by gender past a man named in between (first-name list)', () => {
    const body =
      'Meteorologist Ioana Dragan said the storm had weakened.\n\nHarold Jenkins stayed in his cafe.\n\n“Do not be fooled by the calm,” she said.';
    expect(quoteWith(body, 'fooled').speaker).toBe('Ioana Dragan');
  });

  it('follows a chain of pronoun subjects back to the named speaker', () => {
    const body =
      'Pieter Vos is an analyst at Norden Research. He added that shippers were rerouting vessels to the rival port of Calder Bay. “Once a line changes its schedule, it rarely comes back,” he said.';
    expect(quoteWith(body, 'rarely comes back').speaker).toBe('Pieter Vos');
  });

  it('resolves "they" and "the company" to the organisation last named, not to a person', () => {
    const body = 'The operator, Harborline Terminals, made an offer on Monday. “The union walked away from a fair offer,” the company said.';
    const quote = quoteWith(body, 'walked away');
    expect(quote.speaker).toBe('Harborline Terminals');
    expect(mention(body, quote)).toBe('Harborline Terminals');
  });
});

describe('speaker attribution: people, places and organisations', () => {
  it('never takes a street for a speaker', () => {
    const body = 'Supporters have protested outside the club’s offices at 14 Ferris Lane since May.\n\n“This club belongs to the town,” she said.';
    expect(quoteWith(body, 'belongs').speaker).not.toBe('Ferris Lane');
  });

  it('prefers a woman named before the street when "she" speaks', () => {
    const body = 'Gemma Hartley led a march from Ferris Lane to the ground before kickoff. “This club belongs to the town,” she said.';
    expect(quoteWith(body, 'belongs').speaker).toBe('Gemma Hartley');
  });

  it('does not credit a place after a locative preposition ("a reader in Tregony")', () => {
    const body = 'One reader in Tregony writes that the river has burst its banks behind the primary school.';
    const credited = suggestClaims(body).map((s) => s.speaker);
    expect(credited).not.toContain('Tregony');
  });
});

describe('speaker attribution: described sources and continuations', () => {
  it.each([
    [
      'A senior campaign official said the party had misread the mood. “We thought people would vote on the economy,” the official said.',
      'vote on the economy',
      'A senior campaign official',
    ],
    [
      '“We told them the foundations were moving,” an engineer who worked on the dam told the inquiry.',
      'foundations',
      'an engineer who worked on the dam',
    ],
    ['“We are not asking for the moon,” said his daughter, Lena Brandt.', 'moon', 'Lena Brandt'],
  ])('keeps a described source as written, or the name in apposition: %s', (body, words, speaker) => {
    const quote = quoteWith(body, words);
    expect(quote.speaker).toBe(speaker);
    expect(mention(body, quote)?.toLowerCase()).toContain(speaker.toLowerCase().split(' ').slice(-1)[0]);
  });

  it('carries the speaker to a second quotation sentence and over a paragraph break', () => {
    const body =
      '“We did not want this strike,” said Marta Kowalczyk, the union president. “Our members deserve respect.\n\n“They have worked through storms and a pandemic.”';
    const quotes = suggestClaims(body).filter((s) => s.type === 'quote');
    expect(quotes.map((q) => q.speaker)).toEqual(['Marta Kowalczyk', 'Marta Kowalczyk']);
    expect(quotes[0].text).toContain('Our members deserve respect');
  });
});

describe('speaker spans', () => {
  it('point at a mention whose text is the speaker (or a part of it) on every credited suggestion', () => {
    const body =
      'Olena Marchuk met Michael Kofman on Sunday. She said:\n\n“Words of support are welcome.”\n\nKofman said the buildup was unusual and larger than in any exercise since the war.';
    const credited = suggestClaims(body).filter((s) => s.speaker);
    expect(credited.length).toBeGreaterThanOrEqual(2);
    for (const s of credited) expect(s.speaker).toContain(mention(body, s));
  });
});

describe('suggestClaimsWithPeople', () => {
  it('lists every person the article mentions, speaker or not, once each at the first mention, in text order', () => {
    const body =
      'Mayor Patricia Lowe met the union leader Marcus Feld at the depot on Carlton Road. A senior council official said the talks were tense.\n\n' +
      '“We are not there yet,” Lowe said. Feld declined to comment.';
    const { items, people } = suggestClaimsWithPeople(body);
    expect(items).toEqual(suggestClaims(body));
    expect(people.map((p) => p.name)).toEqual(['Patricia Lowe', 'Marcus Feld', 'A senior council official']);
    for (const p of people) expect(p.name).toContain(body.slice(p.start, p.end));
    // Feld says nothing quoted: the suggestions alone would never offer him
    expect(items.some((s) => s.speaker === 'Marcus Feld')).toBe(false);
  });
});
