import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { suggestClaims, splitSentences, type Suggestion } from '@/lib/suggest';

const FIXTURES = path.resolve(__dirname, '../fixtures/suggest');
const fixtures = readdirSync(FIXTURES)
  .filter((file) => file.endsWith('.txt') && !file.endsWith('.annotated.txt'))
  .map((file) => ({ file, body: readFileSync(path.join(FIXTURES, file), 'utf8') }));

const ofType = (suggestions: Suggestion[], type: Suggestion['type']) => suggestions.filter((s) => s.type === type);

describe('suggestClaims: quotations', () => {
  it('joins a quotation interrupted by its attribution into one suggestion', () => {
    const body = '“We will not back down,” Biden said in a speech. “Our allies are with us and our borders will hold.”';
    const quotes = ofType(suggestClaims(body), 'quote');
    expect(quotes).toHaveLength(1);
    expect(quotes[0]).toMatchObject({ start: 0, end: body.length, speaker: 'Biden' });
  });

  it('gives each paragraph of a quotation that runs over a paragraph break the same speaker', () => {
    const body =
      '“One case in a waiting room can become 10 cases,” Paul Henriksen said. “That is why we move fast.\n\n“We have about 60 people working on this outbreak right now.”';
    const quotes = ofType(suggestClaims(body), 'quote');
    expect(quotes.map((q) => q.speaker)).toEqual(['Paul Henriksen', 'Paul Henriksen']);
    expect(quotes[1].text).toBe('“We have about 60 people working on this outbreak right now.”');
    expect(quotes[1].reason).toMatch(/continues/);
  });

  it.each([
    ['said X', '“We are ready for anything,” said John Kirby, the Pentagon spokesman.', 'John Kirby'],
    ['X told CNN', '“The logistics tell you what the intentions are,” Michael Kofman told CNN.', 'Michael Kofman'],
    ['X said:', 'Olena Marchuk said: “We will not be pushed into panic by anyone.”', 'Olena Marchuk'],
    ['according to X', 'According to a senior White House official, “the sanctions will bite within weeks.”', 'a senior White House official'],
    ['straight quotes', '"This is not a drill, and nobody should think so," a senior White House official said.', 'a senior White House official'],
    ['British single quotes', '‘We held our ground in the villages,’ said Amira Haddad, the group leader.', 'Amira Haddad'],
    [
      'appositive with a relative clause',
      'Michael Kofman, a military analyst who studies the army, said the units were “not yet ready for a full invasion.”',
      'Michael Kofman',
    ],
  ])('credits the speaker (%s)', (_pattern, body, speaker) => {
    const [quote] = ofType(suggestClaims(body), 'quote');
    expect(quote?.speaker).toBe(speaker);
  });

  it('resolves "he" in a lone quotation to the last person named', () => {
    const body =
      'Michael Kofman cautioned against assuming that an attack was inevitable.\n\n“Putting forces in place gives Kessaria options, not a decision,” he said.';
    const [quote] = ofType(suggestClaims(body), 'quote');
    expect(quote.speaker).toBe('Michael Kofman');
    expect(quote.reason).toMatch(/resolved/);
  });

  it('resolves "She said:" before a quotation paragraph, skipping a man named in between', () => {
    const body = 'Olena Marchuk met Michael Kofman on Sunday. She said:\n\n“Words of support are welcome. What we need are air defense systems.”';
    const quote = ofType(suggestClaims(body), 'quote').find((q) => q.text.startsWith('“Words'));
    expect(quote?.speaker).toBe('Olena Marchuk');
  });

  it('credits a quotation paragraph with no attribution to the subject of the preceding sentence', () => {
    const body = 'Michael Kofman said the buildup was unusual.\n\n“You don’t bring blood supplies to an exercise.”';
    const quote = ofType(suggestClaims(body), 'quote').find((q) => q.text.startsWith('“You'));
    expect(quote).toMatchObject({ speaker: 'Michael Kofman', reason: expect.stringMatching(/preceding sentence/) });
  });

  it('resolves "the official" to the earlier, fuller description', () => {
    const body = 'A senior White House official briefed reporters on Monday. “We are talking about severe costs for the economy,” the official said.';
    const [quote] = ofType(suggestClaims(body), 'quote');
    expect(quote.speaker).toBe('A senior White House official');
  });

  it('ignores scare quotes of one or two words', () => {
    const body = 'The ministry called the deployment a “routine exercise” and promised transparency.';
    expect(ofType(suggestClaims(body), 'quote')).toEqual([]);
  });
});

describe('suggestClaims: statistics', () => {
  it('suggests the sentence that states the figure, not just the number', () => {
    const body = 'Kessaria has moved roughly 70,000 troops to within 150 miles of the border.';
    expect(ofType(suggestClaims(body), 'statistic')).toEqual([expect.objectContaining({ start: 0, end: body.length, text: body })]);
  });

  it.each([
    'More than 50 people were arrested at the protest.',
    'The Pentagon could send up to 900 soldiers to the region.',
    'Tens of thousands of people fled the fighting last week.',
    'The European Union froze the assets of three banks.',
    'A third of the riders live in low-income households.',
    'Prices rose 7.5 percent last year, the fastest pace in decades.',
  ])('finds the figure in: %s', (body) => {
    expect(ofType(suggestClaims(body), 'statistic')).toHaveLength(1);
  });

  it.each([
    'Supporters have protested outside the club’s offices at 14 Ferris Lane since spring.',
    'The moderator, Janet Okafor of Channel 9, asked them to stop interrupting.',
    'This month, three of them sat down together for a long conversation.',
  ])('finds no figure in an address, a label or a count of the people in the story: %s', (body) => {
    expect(ofType(suggestClaims(body), 'statistic')).toEqual([]);
  });

  it('splits a sentence holding two independent figures into clauses', () => {
    const body = 'The Police Department’s budget would rise to $1.31 billion, and the Fire Department would receive $520 million.';
    const texts = ofType(suggestClaims(body), 'statistic').map((s) => s.text);
    expect(texts).toEqual(['The Police Department’s budget would rise to $1.31 billion', 'the Fire Department would receive $520 million.']);
  });

  it('ignores bylines, timestamps, clock times, section numbers and page furniture', () => {
    const body = [
      ' date 2021-12-19 Kessaria masses 70,000 troops near border 1:55',
      'Updated 4:12 PM ET, Sun December 19, 2021',
      'By Daniel Reyes and Priya Natarajan',
      'The talks ended at 1:55 p.m. without a joint statement.',
      '1. What happens next',
      'Read more: 20 things to know about the border',
      'Call the helpline from 8am to 8pm on 0800 555 0199.',
      'Contact Daniel Reyes at 555-0142. © 2021 Wire Service. Page 1 of 2',
    ].join('\n\n');
    expect(ofType(suggestClaims(body), 'statistic')).toEqual([]);
  });

  it('does not also suggest a statistic for a quotation that contains a figure', () => {
    const body = '“We have moved 8,500 troops to a state of heightened alert,” John Kirby said.';
    const suggestions = suggestClaims(body);
    expect(suggestions.map((s) => s.type)).toEqual(['quote']);
  });

  it('treats a date tied to an event as a statistic', () => {
    const [suggestion] = suggestClaims('Kessarian troops seized the port city of Ostrava in 2014.');
    expect(suggestion).toMatchObject({ type: 'statistic', reason: expect.stringMatching(/2014/) });
  });
});

describe('suggestClaims: events and assertions', () => {
  it('suggests an event when a named actor does something concrete', () => {
    const [suggestion] = suggestClaims('The European Union imposed sanctions on the Kessarian central bank on Monday.');
    expect(suggestion).toMatchObject({ type: 'event', speaker: null });
  });

  it('suggests reported speech with its speaker but not a reported prediction', () => {
    const body = 'The Treasury Department said it had frozen the accounts of the banks. Marchuk said she would travel to Brussels next week.';
    const quotes = ofType(suggestClaims(body), 'quote');
    expect(quotes.map((q) => q.speaker)).toEqual(['Treasury Department']);
  });
});

describe('suggestClaims: contract', () => {
  it.each(fixtures)('keeps text === body.slice(start, end), sorted by start, on $file', ({ body }) => {
    const suggestions = suggestClaims(body);
    expect(suggestions.length).toBeGreaterThan(10);
    for (const s of suggestions) {
      expect(s.text).toBe(body.slice(s.start, s.end));
      expect(s.end).toBeGreaterThan(s.start);
      expect(['statistic', 'quote', 'event', 'other']).toContain(s.type);
      expect(s.speaker === null ? s.speakerStart : body.slice(s.speakerStart!, s.speakerEnd!).length).toBe(
        s.speaker === null ? null : s.speakerEnd! - s.speakerStart!,
      );
      expect(s.reason.length).toBeGreaterThan(0);
    }
    const starts = suggestions.map((s) => s.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it('is deterministic', () => {
    const { body } = fixtures[0];
    expect(suggestClaims(body)).toEqual(suggestClaims(body));
  });

  it('drops suggestions equal to or overlapping an excluded span by >= 80% of the shorter, and keeps the rest', () => {
    const body =
      'Kessaria moved 70,000 troops to the border. NATO has about 4,000 troops in the Baltic states. The EU froze the assets of 11 officials.';
    const [first, second, third] = suggestClaims(body);
    expect(suggestClaims(body)).toHaveLength(3);
    const length = third.end - third.start;
    const exclude = [
      { start: first.start, end: first.end }, // identical
      { start: second.start + 2, end: second.end - 2 }, // nearly identical
      { start: third.start + Math.floor(length / 2), end: third.end + length }, // half of the shorter
    ];
    expect(suggestClaims(body, { exclude })).toEqual([third]);
  });

  it('returns nothing for empty or whitespace-only text', () => {
    expect(suggestClaims('')).toEqual([]);
    expect(suggestClaims('  \n\n ')).toEqual([]);
  });
});

describe('splitSentences', () => {
  it('returns sentences whose text matches the input at their offsets', () => {
    const body = 'Dr. Smith of St. Louis said the U.S. would help. “We are ready,” she said.\n\nA new paragraph starts here.';
    const sentences = splitSentences(body);
    expect(sentences.map((s) => s.text)).toEqual([
      'Dr. Smith of St. Louis said the U.S. would help.',
      '“We are ready,” she said.',
      'A new paragraph starts here.',
    ]);
    for (const s of sentences) expect(body.slice(s.start, s.end)).toBe(s.text);
  });
});
