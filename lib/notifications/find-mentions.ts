/*
 * `@handle` mentions in plain text. A handle is the local part of a user's email (`@reviewer` for
 * reviewer@example.com). Pure and shared by the server (fan-out) and the client (autocomplete), so it imports nothing.
 */

/** Characters of an email local part that a handle may contain (a pragmatic subset: letters, digits, . _ + -). */
const HANDLE_CHARS = 'A-Za-z0-9._+\\-';
/**
 * An `@` that starts a word (not the middle of an email address such as ann@example.com), then the handle. Trailing
 * dots and dashes are cut afterwards: "thanks @reviewer." mentions `reviewer`.
 */
const MENTION = new RegExp(`(?<![${HANDLE_CHARS}@])@([${HANDLE_CHARS}]+)`, 'g');
/** How many distinct handles one text may mention; the rest are ignored (keeps a pasted list from fanning out). */
export const MAX_MENTIONS = 20;
/** Longest handle looked up (RFC 5321 caps a local part at 64 octets). */
export const HANDLE_MAX = 64;

export type Mention = { handle: string; line: string };

/**
 * The distinct handles mentioned in `text`, lower-cased, in order of first appearance (at most MAX_MENTIONS), each
 * with the trimmed line it first appears on (the excerpt a notification shows).
 */
export function findMentions(text: string): Mention[] {
  const found = new Map<string, string>();
  const lines = text.split(/\r?\n/);
  for (const line of lines) {
    for (const match of line.matchAll(MENTION)) {
      const handle = match[1].replace(/[.\-+]+$/, '').toLowerCase();
      if (!handle || handle.length > HANDLE_MAX || found.has(handle)) continue;
      found.set(handle, line.trim());
      if (found.size === MAX_MENTIONS) return [...found].map(([h, l]) => ({ handle: h, line: l }));
    }
  }
  return [...found].map(([handle, line]) => ({ handle, line }));
}

/** Mentions in `next` whose handle `previous` did not already mention (an edited note notifies only the new ones). */
export function newMentions(previous: string, next: string): Mention[] {
  const before = new Set(findMentions(previous).map((m) => m.handle));
  return findMentions(next).filter((m) => !before.has(m.handle));
}

/**
 * The mention being typed at `caret`: the handle so far (possibly empty right after `@`) and where its `@` is, or
 * null when the caret is not in a mention. Drives the autocomplete.
 */
export function mentionAt(text: string, caret: number): { query: string; start: number } | null {
  const before = text.slice(0, caret);
  const match = new RegExp(`(?<![${HANDLE_CHARS}@])@([${HANDLE_CHARS}]*)$`).exec(before);
  if (!match || match[1].length > HANDLE_MAX) return null;
  return { query: match[1], start: match.index };
}

/** The local part of an email: the handle that mentions its user. */
export function handleOf(email: string): string {
  return email.slice(0, email.lastIndexOf('@')).toLowerCase();
}
