import { describe, expect, it } from 'vitest';
import { diffText } from '@/lib/articles/diff-text';

describe('diffText', () => {
  it('keeps unchanged paragraphs, marks added and removed ones, and diffs an edited paragraph word by word', () => {
    const before = ['Intro stays.', 'The works start in May and employ 300 people.', 'A spokesperson declined to comment.', 'Outro stays.'].join(
      '\n\n',
    );
    const after = ['Correction appended.', 'Intro stays.', 'The works start in June and employ 250 people.', 'Outro stays.'].join('\n\n');
    const { paragraphs, wordsAdded, wordsRemoved } = diffText(before, after);
    expect(paragraphs.map((p) => p.kind)).toEqual(['added', 'same', 'changed', 'removed', 'same']);
    const changed = paragraphs[2];
    if (changed.kind !== 'changed') throw new Error('expected a changed paragraph');
    expect(changed.parts.filter((p) => p.change === 'removed').map((p) => p.text.trim())).toEqual(['May', '300']);
    expect(changed.parts.filter((p) => p.change === 'added').map((p) => p.text.trim())).toEqual(['June', '250']);
    // "Correction appended." (2) + June + 250; "May", "300" + "A spokesperson declined to comment." (5)
    expect(wordsAdded).toBe(4);
    expect(wordsRemoved).toBe(7);
  });

  it('shows a rewritten paragraph as removed plus added instead of a confetti of word changes', () => {
    const { paragraphs } = diffText('Alpha beta gamma delta.', 'Completely different sentence here now.');
    expect(paragraphs.map((p) => p.kind)).toEqual(['removed', 'added']);
  });

  it('reports no change for the same text', () => {
    const text = 'One.\n\nTwo.';
    expect(diffText(text, text)).toEqual({
      paragraphs: [
        { kind: 'same', text: 'One.' },
        { kind: 'same', text: 'Two.' },
      ],
      wordsAdded: 0,
      wordsRemoved: 0,
    });
  });
});
