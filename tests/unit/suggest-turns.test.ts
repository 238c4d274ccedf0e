import { describe, expect, it } from 'vitest';
import { suggestClaims } from '@/lib/suggest';

/** The quote suggestion containing `words`; fails the test when there is none. */
function quoteWith(body: string, words: string) {
  const found = suggestClaims(body).find((s) => s.type === 'quote' && s.text.includes(words));
  if (!found) throw new Error(`no quote suggestion contains "${words}"`);
  return found;
}

describe('attribution constructions without a plain "X said" next to the quotation', () => {
  it.each([
    [
      'a colon introduction with a pronoun',
      'Mayor Ana Ruiz spoke after the vote. She said: “The bridge will reopen in spring.”',
      'bridge',
      'Ana Ruiz',
    ],
    [
      'a colon introduction without a verb of saying',
      'The owners’ spokeswoman, Helen Marsh, said the plant was sold. Asked why, Marsh’s answer was short: “The plant lost money every year.”',
      'lost money',
      'Helen Marsh',
    ],
    [
      'a described source before a colon',
      'The minister had a simple answer for critics: “We have ordered two new vessels.”',
      'vessels',
      'The minister',
    ],
    [
      '"and I quote"',
      'Senator Tom Hale held up the audit. The report says, and I quote, “the fleet is beyond economic repair.”',
      'fleet',
      'The report',
    ],
    ['"quote X:"', 'Hale was angry. Let me quote the minister: “the ferries are fine and the timetable works.”', 'timetable', 'the minister'],
    [
      '"as X put it"',
      'Profits fell sharply. As the chief executive, Dana Holt, put it, “we had a bad year and we know why.”',
      'bad year',
      'Dana Holt',
    ],
    [
      '"as the X put it" for a name described earlier',
      'Dana Holt, the chief executive of Holt Foods, spoke on Monday. Profits fell. As the chief executive put it, “we had a bad year and we know why.”',
      'bad year',
      'Dana Holt',
    ],
    [
      '"in the words of X"',
      'Nobody moved. In the words of Martin Okafor, a political scientist, “neither of them changed a single vote.”',
      'single vote',
      'Martin Okafor',
    ],
    [
      '"the governor" for Governor X',
      'Governor Elaine Marsh spoke first. Doyle replied. As the governor herself put it in her first speech, “a state that cannot keep its promises should not make them.”',
      'promises',
      'Elaine Marsh',
    ],
    [
      'a pronoun for a description with a name in apposition',
      'The Minister for Transport, Peter Okafor, answered. He said: “We have ordered two new vessels for the route.”',
      'vessels',
      'Peter Okafor',
    ],
    [
      'the subject of a sentence without a verb of saying, past a relative clause about the quotation',
      'Julian Abara spoke last. Abara promised to “end rough sleeping within a single term”, a pledge that housing charities called unrealistic.',
      'rough sleeping',
      'Julian Abara',
    ],
    [
      'a paragraph that is only a quotation, after one that ends with a credited quotation',
      'Julian Abara spoke last.\n\n“We are going to fix the buses,” Abara told the audience. “We are going to fix the roads.”\n\n“And we will do it without raising your rates by a cent.”',
      'raising your rates',
      'Julian Abara',
    ],
    [
      'a pronoun after an adverbial ("Only last month she")',
      'Ada Kovac is a critic. Only last month she told a radio audience, “Nothing gets built in Lowmere anymore.”',
      'Nothing gets built',
      'Ada Kovac',
    ],
    [
      'a subject inside a question',
      'The minister spoke. Is the minister aware that the Lowmere Builders Guild has described her process as “slower than a glacier and half as predictable”?',
      'glacier',
      'Lowmere Builders Guild',
    ],
    [
      'a subject after a clause',
      'Petrie left. When I walked out on the last day the security guard said to me, “Mind how you go, Callum.” I said, “You too, Jimmy.”',
      'Mind how',
      'the security guard',
    ],
  ])('credits %s', (_construction, body, words, speaker) => {
    const quote = quoteWith(body, words);
    expect(quote.speaker).toBe(speaker);
    expect(body.slice(quote.speakerStart!, quote.speakerEnd!).toLowerCase()).toContain(speaker.toLowerCase().split(' ').at(-1));
  });
});

describe('transcript turns', () => {
  const body =
    'Teodora Vasquez and Callum Petrie spoke to Simon Achebe on the morning programme.\n\n' +
    'ACHEBE: What did management tell you?\n\n' +
    'VASQUEZ: I went home and I said to my husband, “We are fine, they have promised us.”\n\n' +
    'PETRIE: You told me the same thing. The inspection report says, and I quote, “the lining is beyond repair.”\n\n' +
    'ACHEBE: You said, “Nobody is losing their job this year,” did you not?\n\n' +
    'Ms Hale (Northshore): “The ferries are late every single week and nobody is sorry.”\n\n' +
    'MARGARET OYELARAN: “Then the minister should resign over the ferries.”';

  it('reads "I" as the labelled speaker and "you" as the one who spoke before, and keeps a label out of the subject', () => {
    expect(quoteWith(body, 'husband').speaker).toBe('Teodora Vasquez');
    expect(quoteWith(body, 'lining').speaker).toBe('The inspection report');
    expect(quoteWith(body, 'losing their job').speaker).toBe('Callum Petrie');
  });

  it('credits a turn that opens with a quotation to its label, with honorifics dropped and capitals read as a name', () => {
    const hale = quoteWith(body, 'ferries are late');
    expect(hale.speaker).toBe('Hale');
    expect(body.slice(hale.speakerStart!, hale.speakerEnd!)).toContain('Hale');
    expect(quoteWith(body, 'resign').speaker).toBe('Margaret Oyelaran');
  });

  it('does not take a one-word heading such as "Update:" for a speaker label', () => {
    const blog = 'Storm live.\n\nUpdate: “We are evacuating the harbour now,” a coastguard officer said.';
    expect(quoteWith(blog, 'evacuating').speaker).toBe('a coastguard officer');
  });

  it('suggests no claims from a moderator’s turn, which restates them', () => {
    const debate =
      'Marsh and Doyle met in the studio.\n\nMODERATOR: The governor says violent crime has fallen in every county.\n\nDOYLE: Property crime has risen in the suburbs.';
    const claims = suggestClaims(debate).filter((s) => s.type === 'other');
    expect(claims.map((c) => c.text)).toEqual(['Property crime has risen in the suburbs.']);
    expect(claims[0].speaker).toBe('Doyle');
  });
});

describe('parliamentary labels: roles, seats and interjections', () => {
  const hansard =
    'Questions without notice.\n\n' +
    'Mr Tobias GRANT (Eastvale) (14:02): My question is to the Premier. Will the Premier confirm that she told the Rotary Club in May, “there is no ramping crisis at all”?\n\n' +
    'Mr SPEAKER: Order! The member will hear the answer.\n\n' +
    'The Hon. Marguerite DELACROIX (Premier) (14:03): When I took this job I said, “Ramping is the biggest failure of our health system.” The member himself told this chamber, “The pipeline is a white elephant.”\n\n' +
    'Ms Ada KOVAC (Lowmere): Shame!\n\n' +
    'Dr Ines FAULKNER (Minister for Planning): The member for Lowmere is a critic, and she is entitled to be. Only last month she told a radio audience, “Nothing gets built in Lowmere anymore.” Even the member for Eastvale conceded that “approvals are finally moving again.”\n\n' +
    'Mr GRANT: “The Minister for Planning is simply wrong about approvals.”';

  it('reads a label with a role and a time stamp, drops "The Hon." and reads capitals as a name', () => {
    expect(quoteWith(hansard, 'biggest failure').speaker).toBe('Marguerite Delacroix');
    expect(quoteWith(hansard, 'biggest failure').text.startsWith('When I took')).toBe(true);
  });

  it('resolves "the member for X" to the label with that seat, and "the member" to the one answered past the chair', () => {
    expect(quoteWith(hansard, 'approvals are finally').speaker).toBe('Tobias Grant');
    expect(quoteWith(hansard, 'white elephant').speaker).toBe('Tobias Grant');
  });

  it('resolves "she" to a role or seat named earlier in the turn, not to the one speaking', () => {
    expect(quoteWith(hansard, 'ramping crisis').speaker).toBe('Marguerite Delacroix');
    expect(quoteWith(hansard, 'Nothing gets built').speaker).toBe('Ada Kovac');
  });

  it('gives a short label ("Mr GRANT:") the full name an earlier label gave', () => {
    expect(quoteWith(hansard, 'simply wrong').speaker).toBe('Tobias Grant');
  });
});

describe('rhetoric is not a claim', () => {
  it.each([
    ['a first-person pledge with a figure', 'I will put 500 more police officers on the streets in my first year.'],
    ['a contracted pledge', 'We’ll cut waiting lists by 20 percent before the next election.'],
    ['a first-person belief', 'I believe this state has the best schools in the country since records began.'],
    ['a reported pledge', 'Doyle vowed to cut the income tax by 3 percent in his first budget.'],
    ['an exhortation', 'Let us stop pretending that more money has fixed the schools since the last election.'],
    ['a hypothetical', 'If elected, she would hire 1,000 more teachers than any governor before her.'],
    ['a value judgement', 'It is the most incompetent administration in the history of this state.'],
  ])('leaves out %s', (_kind, sentence) => {
    expect(suggestClaims(`Doyle spoke in Carlton on Tuesday. ${sentence}`).filter((s) => s.text.includes(sentence.slice(0, 20)))).toEqual([]);
  });

  it('keeps a third-person plan with a figure and a record stated in the past', () => {
    const body = 'The centre will employ 85 specialist staff when fully open. The senator has never supported the bill.';
    expect(suggestClaims(body).map((s) => s.type)).toEqual(['statistic', 'other']);
  });
});
