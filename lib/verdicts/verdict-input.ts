import { z } from 'zod';
import { textField } from '@/lib/validation';
import { VERDICT_LABEL_MAX, VERDICT_RATING_MAX, VERDICT_RATING_MIN } from './limits';

const label = textField(VERDICT_LABEL_MAX).min(1, 'Give the verdict a label.');
const color = z
  .string()
  .trim()
  .regex(/^#[0-9a-fA-F]{6}$/, 'Use a colour like #1a7f37.')
  .transform((v) => v.toLowerCase());
const rating = z
  .number()
  .int('Rating must be a whole number.')
  .min(VERDICT_RATING_MIN, `Rating must be at least ${VERDICT_RATING_MIN}.`)
  .max(VERDICT_RATING_MAX, `Rating must be at most ${VERDICT_RATING_MAX}.`);

/** Off the true/false axis (Unproven, Satire…): ClaimReview exports it without a ratingValue. */
const unrated = z.boolean();

export const createVerdictInput = z.strictObject({ label, color, rating, unrated: unrated.optional() });
export const updateVerdictInput = z.strictObject({
  label: label.optional(),
  color: color.optional(),
  rating: rating.optional(),
  retired: z.boolean().optional(),
  unrated: unrated.optional(),
});
export const reorderVerdictsInput = z.strictObject({
  ids: z.array(z.number().int().positive()).min(1, 'List the verdicts in their new order.'),
});
