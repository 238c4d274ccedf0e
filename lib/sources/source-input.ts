import { z } from 'zod';
import { SOURCE_RELATIONS } from '@/db/schema';
import { textField } from '@/lib/validation';
import { normaliseUrl } from './normalise-url';
import { EXCERPT_MAX, SOURCE_NOTES_MAX, SOURCE_PUBLISHER_MAX, SOURCE_TITLE_MAX, SOURCE_URL_MAX } from './limits';

/** A source URL, validated and turned into its normalised form (see normaliseUrl). */
export const sourceUrl = z
  .string()
  .max(SOURCE_URL_MAX, 'URL is too long.')
  .transform((value, ctx) => {
    const url = normaliseUrl(value);
    if (!url) {
      ctx.addIssue({ code: 'custom', message: 'Enter a full http:// or https:// URL.' });
      return z.NEVER;
    }
    return url;
  });

/** An optional http(s) URL where an empty string means "none" (stored as null). */
const optionalUrl = z
  .union([z.literal(''), sourceUrl])
  .transform((v) => v || null)
  .nullable();

/** An optional YYYY-MM-DD date where an empty string means "unknown" (stored as null). */
const optionalDate = z
  .union([z.literal(''), z.iso.date('Use the form YYYY-MM-DD.')])
  .transform((v) => v || null)
  .nullable();

/** The descriptive fields of a source, all optional (create and update share them). */
export const sourceFields = {
  title: textField(SOURCE_TITLE_MAX).optional(),
  publisher: textField(SOURCE_PUBLISHER_MAX).optional(),
  publishedAt: optionalDate.optional(),
  archivedUrl: optionalUrl.optional(),
  notes: textField(SOURCE_NOTES_MAX).optional(),
};

export const createSourceInput = z.strictObject({ url: sourceUrl, ...sourceFields });
export type CreateSourceInput = z.infer<typeof createSourceInput>;

export const updateSourceInput = z.strictObject({ url: sourceUrl.optional(), ...sourceFields });
export type UpdateSourceInput = z.infer<typeof updateSourceInput>;

/** How a claim uses a source, and the passage that matters. */
export const linkFields = {
  relation: z.enum(SOURCE_RELATIONS, 'Choose supports, refutes or context.'),
  excerpt: textField(EXCERPT_MAX).optional(),
};
