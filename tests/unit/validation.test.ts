import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseId, parseInput, textField } from '@/lib/validation';
import { errorOf } from '../integration/app-error';

describe('parseId', () => {
  it.each(['1', '42', '9007199254740991'])('reads the plain decimal id %j', (raw) => {
    expect(parseId(raw)).toBe(Number(raw));
  });

  it.each(['0x1', '1e0', ' 1', '1 ', '01', '+1', '-1', '0', '1.0', '1.5', '', '٣', '99999999999999999'])('refuses %j', (raw) => {
    expect(parseId(raw)).toBeNull();
  });
});

describe('textField', () => {
  const schema = z.strictObject({ claimant: textField(100) });

  it('refuses NUL with a message naming the field', () => {
    const error = errorOf(() => parseInput(schema, { claimant: 'Ann\u0000Lee' }));
    expect(error.code).toBe('invalid');
    expect(error.fields).toEqual({ claimant: 'Must not contain NUL characters.' });
  });

  it.each(['\uD800', 'a\uDC00b', 'x\uD83D', '\uDE00\uD83D'])('refuses the lone surrogate in %j', (value) => {
    expect(errorOf(() => parseInput(schema, { claimant: value })).fields).toEqual({ claimant: 'Must not contain unpaired surrogate characters.' });
  });

  it('keeps whole emoji and other astral characters', () => {
    expect(parseInput(schema, { claimant: ' Mayor 😀 𝔸 ' })).toEqual({ claimant: 'Mayor 😀 𝔸' });
  });
});

describe('parseInput', () => {
  it('names an unknown __proto__ key from a raw JSON body', () => {
    const error = errorOf(() => parseInput(z.strictObject({ a: z.number() }), JSON.parse('{"a":1,"__proto__":{"admin":true}}')));
    expect(error.message).toBe('Invalid input: __proto__: Unknown field.');
    expect(Object.keys(error.fields!)).toEqual(['__proto__']);
  });
});
