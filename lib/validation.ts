import { z } from 'zod';
import { Invalid } from './errors';

/** Parses `data` with `schema`; throws Invalid naming each bad field (first message per field). */
export function parseInput<S extends z.ZodType>(schema: S, data: unknown): z.infer<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '_';
    if (issue.code === 'unrecognized_keys') {
      for (const k of issue.keys) fields[[...issue.path, k].join('.')] ??= 'Unknown field.';
      continue;
    }
    fields[key] ??= issue.message;
  }
  const summary = Object.entries(fields)
    .map(([k, v]) => (k === '_' ? v : `${k}: ${v}`))
    .join('; ');
  throw Invalid(`Invalid input: ${summary}`, fields);
}

/** A trimmed, length-limited single-line or multi-line text field. */
export const textField = (max: number) => z.string().trim().max(max, `Must be at most ${max} characters.`);

/** A positive integer id, accepting numeric strings from URLs. */
export const idParam = z.coerce.number().int().positive();
