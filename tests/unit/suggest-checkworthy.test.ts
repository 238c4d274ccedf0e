import { describe, expect, it } from 'vitest';
import { suggestClaims } from '@/lib/suggest';

/** Suggestions covering most of `sentence` inside `body` (or the sentence alone). */
function suggestedFor(sentence: string, body = sentence) {
  const start = body.indexOf(sentence);
  return suggestClaims(body).filter((s) => s.start <= start + 2 && s.end >= start + sentence.length - 2);
}

describe('number-free check-worthy claims', () => {
  it.each([
    ['comparison', 'The city now spends less on buses than on parking enforcement.', /Comparison/],
    ['superlative with a ranking frame', 'It was the lowest unemployment in the history of the state.', /Comparison/],
    ['record', 'Investment in flood defences is at record levels.', /Record/],
    ['first', 'The strike is the first full stoppage at the port since it was privatised.', /Record/],
    ['never', 'The senator has never supported the bill.', /Record|Voting/],
    ['trend', 'Crime went up under the last administration.', /Trend/],
    ['trend (fell)', 'Bus ridership in this city has fallen every year since the mayor took office.', /Trend/],
    ['cause', 'The walkout was causing shortages of spare parts at factories inland.', /Causal/],
    ['vote', 'Castellanos voted against the amendment that cut the inspections.', /Voting/],
  ])('suggests a %s and names the signal in the reason', (_signal, sentence, reason) => {
    const [found] = suggestedFor(sentence);
    expect(found).toBeDefined();
    expect(found.reason).toMatch(reason);
    expect(found.text).toBe(sentence);
  });

  it('credits reported speech without quotation marks and says which signal fired', () => {
    const body = 'The minister said the deployment was the largest since the war.';
    const [found] = suggestedFor(body);
    expect(found).toMatchObject({ type: 'quote', speaker: 'The minister' });
    expect(found.reason).toMatch(/reported speech.*comparison/);
  });

  it.each([
    ['a superlative with “best”', 'The operator said in a statement that it had offered the union its best deal in a decade.', /comparison/],
    ['a completed fact without a signal', 'Riverside Health said the new wing had been built on time.', /reported speech/],
  ])('credits reported speech: %s', (_kind, sentence, reason) => {
    const [found] = suggestedFor(sentence);
    expect(found).toMatchObject({ type: 'quote' });
    expect(found.reason).toMatch(reason);
  });

  it('credits a transcript turn to the speaker named in its label', () => {
    const body = 'Owen Castellanos is a congressman.\n\nCASTELLANOS: I voted against the amendment that cut the inspections.';
    const [found] = suggestedFor('I voted against the amendment that cut the inspections.', body);
    expect(found).toMatchObject({ type: 'other', speaker: 'Owen Castellanos' });
    expect(body.slice(found.speakerStart!, found.speakerEnd!)).toBe('CASTELLANOS');
  });

  it.each([
    ['an opinion', 'I think the mayor lacks the courage to pick a fight with the loudest voices.'],
    ['a prediction', 'Rents will rise faster than wages next year.'],
    ['a question', 'Will the congressman tell us why rents have risen faster than anywhere else?'],
    ['a wish', 'Bus riders deserve better than a photo opportunity.'],
    ['someone’s record as a figure of speech', 'The record is clear, and I am proud of that record.'],
    ['a comparison with an impression', 'Manager Luca Brandt was more candid than usual after the match.'],
    ['a reaction to words', 'Union leader Marta Kowalczyk dismissed the warnings.'],
    ['sourcing boilerplate', 'A manager spoke on condition of anonymity because he was not authorised to discuss the talks.'],
    ['a judgement in reported speech', 'Whitcombe said the politics of the time made a reversal impossible.'],
    ['a judgement in the past perfect', 'The coach admitted his team had been lucky to draw.'],
    ['a live report in the present tense', 'Police say a man has been rescued from his car near the old bridge.'],
    ['a result the report itself tells', 'The governing Civic Alliance lost its parliamentary majority in the election.'],
    ['a tenure written in words', 'Jonas Brandt, a crane operator for nineteen years, stood beside his daughter.'],
    ['a spelled-out count of the people in the story', 'On the question of money, the three still disagree.'],
    ['a question about a figure', 'Will the minister tell the House how many of the 40 ships have sailed?'],
  ])('leaves out %s', (_kind, sentence) => {
    expect(suggestedFor(sentence)).toEqual([]);
  });
});

describe('numbers written as words that tell rather than state', () => {
  it.each([
    ['a reference to a known set', 'The two candidates met for their only debate on Wednesday night.'],
    ['a span of narrative time', 'For ninety minutes they agreed on almost nothing at all.'],
    ['a prediction', 'In ten years it will be loved by the people who ride it every day.'],
  ])('suggests no statistic for %s', (_kind, sentence) => {
    expect(suggestClaims(sentence).filter((s) => s.type === 'statistic')).toEqual([]);
  });

  it('keeps a count in words and any figure in digits', () => {
    const body = 'Forty families lost their homes in the flood. The two candidates spent $2 million on advertising.';
    expect(suggestClaims(body).filter((s) => s.type === 'statistic')).toHaveLength(2);
  });
});

describe('completed facts stated in the negative', () => {
  it.each([
    'The council has not published the full business case for the tram.',
    'The road closure was not mentioned in the consultation documents sent to traders.',
    'The department’s advice did not recommend restrictions on garden watering.',
    'No challenger had unseated a sitting councillor since the city gained its charter.',
  ])('suggests "%s" as a record', (sentence) => {
    const [found] = suggestedFor(sentence);
    expect(found?.reason).toMatch(/Record/);
  });

  it.each([
    'People do not feel safe in their own homes at night.',
    'I did not come here to argue about the budget.',
    'Asked why she did not reverse course then, she paused for a long time.',
  ])('leaves out the habit, the speaker’s own account or an embedded question: "%s"', (sentence) => {
    expect(suggestedFor(sentence)).toEqual([]);
  });
});

describe('events', () => {
  it('suggests a past act of an organisation named by its noun, with an object', () => {
    const body = 'The council cut evening bus services when it renegotiated the contract. His own party closed the second resuscitation bay.';
    expect(suggestClaims(body).map((s) => s.type)).toEqual(['event', 'event']);
  });

  it('leaves out an intransitive close and the sending of a statement', () => {
    const body =
      'The Redmoor steelworks closed this spring after a long decline. Quint closed by asking voters to trust experience. The spokeswoman, Helen Marsh, later sent a further statement.';
    expect(suggestClaims(body).filter((s) => s.type === 'event')).toEqual([]);
  });
});

describe('rankings, reports after a quotation and figures in transcript turns', () => {
  it('reads a superlative after a possessive whole as a ranking ("the state’s largest")', () => {
    const [found] = suggestedFor('The state’s largest affordable housing project is under construction in Lowmere.');
    expect(found?.reason).toMatch(/Comparison/);
  });

  it('suggests a report that follows the same speaker’s quotation, not one that leads into it', () => {
    const body = 'Officials briefed reporters. “The roads are open again,” Ian Reid said. Reid said the army had cleared every road in the valley.';
    expect(suggestedFor('Reid said the army had cleared every road in the valley.', body)).toHaveLength(1);
    const leading = 'Reid said the army had cleared every road in the valley. “The roads are open again,” Ian Reid said.';
    expect(suggestClaims(leading).map((s) => s.type)).toEqual(['quote']);
  });

  it('keeps a transcript label out of a statistic and credits it by the turn', () => {
    const body =
      'Question time.\n\nThe Hon. Jo PARK (Premier) (14:03): We spent $140 million on the pipeline, and two years ago nobody mentioned it.';
    const [stat] = suggestClaims(body).filter((s) => s.type === 'statistic');
    expect(stat.text.startsWith('We spent')).toBe(true);
    expect(stat.speaker).toBe('Jo Park');
  });
});

describe('match and meeting narrative', () => {
  it.each([
    ['a scoreline', 'The Kestrels reached the final after a 24-19 win over the Harriers on Saturday.'],
    ['a period of play', 'The Harriers were left to rue a disallowed try in the first half of the game.'],
    ['time left in a match', 'With ten minutes left the Harriers were in front again.'],
    ['a hedged span of time', 'The meeting ran for more than three hours and was adjourned twice.'],
    ['a position ending in "half"', 'The Harriers kicked their goals through their fly-half, Dario Venn, all afternoon.'],
  ])('suggests no statistic for %s', (_kind, sentence) => {
    expect(suggestClaims(sentence).filter((s) => s.type === 'statistic')).toEqual([]);
  });

  it('reads "more than" before a number as a hedge, not a comparison', () => {
    expect(suggestedFor('The meeting, which began late, ran for more than three hours and was adjourned twice.')).toEqual([]);
    expect(suggestedFor('This council spends more on consultants than any other council in the region.')[0]?.reason).toMatch(/Comparison/);
  });

  it('keeps a range that is not a score, and reads "due to" before a verb as a schedule, not a cause', () => {
    expect(suggestClaims('Between 10-15 people were injured in the crush at the gates.').map((s) => s.type)).toEqual(['statistic']);
    expect(suggestedFor('The charges are due to come into force in the spring.')).toEqual([]);
    expect(suggestedFor('The closure of the line was due to a shortage of drivers last winter.')[0]?.reason).toMatch(/Causal/);
  });
});

describe('speaker details', () => {
  it('reads "Council leader Priya Dass" as a person and prefers a mention of known gender for "she"', () => {
    const body =
      'Council leader Priya Dass said the council had no choice. “Nobody came into politics to charge for parking,” she told the chamber. ' +
      'Kestrels head coach Ana Ferreira was full of praise for her side. “They simply refused to lose in the end,” she said.';
    const speakers = suggestClaims(body)
      .filter((s) => s.text.startsWith('“'))
      .map((s) => s.speaker);
    expect(speakers).toEqual(['Priya Dass', 'Ana Ferreira']);
  });
});
