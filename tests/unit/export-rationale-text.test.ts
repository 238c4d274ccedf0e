import { describe, expect, it } from 'vitest';
import { markdownToPlainText } from '@/lib/markdown/markdown';
import { rationaleText } from '@/lib/export/rationale-text';
import { isoString } from '@/lib/export/iso-date';

// A small deterministic generator, so a failure names a reproducible input.
function lcg(seed: number) {
  let s = seed;
  return () => (s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
}

describe('rationaleText (the export fast path of markdownToPlainText)', () => {
  it('matches markdownToPlainText on plain and Markdown-looking text', () => {
    const samples = [
      'Checked against official report 12.',
      'Plain text with trailing spaces   ',
      'See www.example.org for details.',
      'Quoted "words" and it\'s (mostly) 40% true - or not / maybe?',
      'A *bold* claim',
      'Mail a@b.org',
      'Link http://x.example',
      '1. a list',
      '# heading',
      'two\nlines',
      'a &amp; b <b>',
      '',
    ];
    const rand = lcg(7);
    const alphabet = 'aZw. ,;?\'"()%/-019Ww*_`[]<>&:@#\n!';
    for (let i = 0; i < 5000; i++) {
      let s = 'AaWw1-'[Math.floor(rand() * 6)];
      for (let j = Math.floor(rand() * 24); j >= 0; j--) s += alphabet[Math.floor(rand() * alphabet.length)];
      samples.push(rand() < 0.1 ? s.replace(/w/i, 'www.') : s);
    }
    for (const s of samples) expect(rationaleText(s), JSON.stringify(s)).toBe(markdownToPlainText(s));
  });
});

describe('isoString', () => {
  it('matches Date.toISOString, also outside years 1970-9999', () => {
    const rand = lcg(11);
    const times = [0, 1, -1, 86_399_999, 86_400_000, 951_782_400_000, 253_402_300_799_999, 253_402_300_800_000, -62_198_755_200_000];
    for (let i = 0; i < 5000; i++) times.push(Math.floor(rand() * 253_402_300_800_000), Math.floor(rand() * 2e12) - 1e12);
    for (const t of times) expect(isoString(new Date(t)), String(t)).toBe(new Date(t).toISOString());
  });
});
