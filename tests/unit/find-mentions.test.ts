import { describe, expect, it } from 'vitest';
import { findMentions, handleOf, mentionAt, MAX_MENTIONS, newMentions } from '@/lib/notifications/find-mentions';

const handles = (text: string) => findMentions(text).map((m) => m.handle);

describe('findMentions', () => {
  it('finds handles at the start of a text, after spaces and after punctuation, lower-cased', () => {
    expect(handles('@Reviewer please look (@ann.lee, @bo_k+news)')).toEqual(['reviewer', 'ann.lee', 'bo_k+news']);
  });

  it('ignores the @ inside an email address and a lone @', () => {
    expect(handles('write to ann@example.com or @ alone, or ann@@bob')).toEqual([]);
  });

  it('cuts sentence punctuation off the end of a handle', () => {
    expect(handles('Thanks @reviewer. Ask @editor-, then @admin...')).toEqual(['reviewer', 'editor', 'admin']);
  });

  it('returns each handle once, with the trimmed line it first appears on', () => {
    expect(findMentions('First line\n  second @Editor line  \nthird @editor again')).toEqual([{ handle: 'editor', line: 'second @Editor line' }]);
  });

  it(`stops after ${MAX_MENTIONS} distinct handles`, () => {
    const text = Array.from({ length: MAX_MENTIONS + 5 }, (_, i) => `@user${i}`).join(' ');
    expect(handles(text)).toHaveLength(MAX_MENTIONS);
  });

  it('ignores a handle longer than an email local part may be', () => {
    expect(handles(`@${'a'.repeat(65)} @ok`)).toEqual(['ok']);
  });
});

describe('newMentions', () => {
  it('keeps only the handles the old text did not mention, whatever their case', () => {
    expect(newMentions('ask @Editor', 'ask @editor and @reviewer').map((m) => m.handle)).toEqual(['reviewer']);
    expect(newMentions('', 'hi @ann')).toEqual([{ handle: 'ann', line: 'hi @ann' }]);
  });
});

describe('mentionAt', () => {
  it('gives the handle typed so far and where its @ is', () => {
    expect(mentionAt('Please ask @rev', 15)).toEqual({ query: 'rev', start: 11 });
    expect(mentionAt('@', 1)).toEqual({ query: '', start: 0 });
  });

  it('is null when the caret is not in a mention', () => {
    expect(mentionAt('ann@exa', 7)).toBeNull();
    expect(mentionAt('@rev and more', 13)).toBeNull();
    expect(mentionAt('no mention', 5)).toBeNull();
  });
});

describe('handleOf', () => {
  it('is the lower-cased local part of an email', () => {
    expect(handleOf('Reviewer@Example.com')).toBe('reviewer');
    expect(handleOf('ann.lee+desk@news.example')).toBe('ann.lee+desk');
  });
});
