import { z } from 'zod';
import { Invalid } from './errors';

/** Parses `data` with `schema`; throws Invalid naming each bad field (first message per field). */
export function parseInput<S extends z.ZodType>(schema: S, data: unknown): z.infer<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  // A Map, not an object literal: a field named `__proto__` would otherwise vanish into the prototype.
  const fields = new Map<string, string>();
  const add = (key: string, message: string) => {
    if (!fields.has(key)) fields.set(key, message);
  };
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const k of issue.keys) add([...issue.path, k].join('.'), 'Unknown field.');
      continue;
    }
    add(issue.path.length ? issue.path.join('.') : '_', issue.message);
  }
  const summary = [...fields].map(([k, v]) => (k === '_' ? v : `${k}: ${v}`)).join('; ');
  // Object.fromEntries defines own properties, so even `__proto__` stays a plain key.
  throw Invalid(`Invalid input: ${summary}`, Object.fromEntries(fields));
}

// Code units, not code points (no `u` flag): a high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * A string with no NUL character and no lone UTF-16 surrogate: neither survives storage, search and export
 * faithfully, so they are refused at the boundary (400 naming the field) rather than mangled later.
 */
export const plainText = () =>
  z
    .string()
    .refine((s) => !s.includes('\u0000'), 'Must not contain NUL characters.')
    .refine((s) => !LONE_SURROGATE.test(s), 'Must not contain unpaired surrogate characters.');

/** A trimmed, length-limited single-line or multi-line text field (plainText: no NUL, no lone surrogates). */
export const textField = (max: number) => plainText().trim().max(max, `Must be at most ${max} characters.`);

/** Plain decimal ids only: `0x1`, `1e0`, ` 1`, `01` and `+1` are not ids. */
const DECIMAL_ID = /^[1-9][0-9]{0,15}$/;

/** The id written in a URL path or query, or null when it is not a plain positive decimal integer. */
export function parseId(raw: unknown): number | null {
  if (typeof raw !== 'string' || !DECIMAL_ID.test(raw)) return null;
  const id = Number(raw);
  return Number.isSafeInteger(id) ? id : null;
}

/** A positive integer id from a URL (plain decimal only, see parseId); the OpenAPI document describes path ids with it. */
export const idParam = z.string().regex(DECIMAL_ID, 'Not an id.').transform(Number).pipe(z.number().int().positive());
