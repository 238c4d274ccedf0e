import { dictionary } from '@zxcvbn-ts/language-common';

/** How many of the most frequent leaked passwords are refused. */
const COMMON_PASSWORD_COUNT = 1000;

let common: Set<string> | undefined;

/** True when `password` (case-insensitive) is among the 1,000 most common passwords of the zxcvbn-ts list (ordered by frequency). */
export function isCommonPassword(password: string): boolean {
  common ??= new Set(dictionary['passwords-common'].slice(0, COMMON_PASSWORD_COUNT).map((p) => p.toLowerCase()));
  return common.has(password.toLowerCase());
}
