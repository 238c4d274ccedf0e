import { z } from 'zod';
import { isCommonPassword } from './common-passwords';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './limits';

/** A new password: 10-200 characters and not one of the 1,000 most common passwords. */
export const newPassword = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`)
  .max(MAX_PASSWORD_LENGTH, `Use at most ${MAX_PASSWORD_LENGTH} characters.`)
  .refine((p) => !isCommonPassword(p), 'This password is too common; choose another.');
