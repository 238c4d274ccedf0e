/**
 * The single-character keyboard shortcuts of the app, their defaults, and a user's choices over them (WCAG 2.1.4:
 * each can be turned off or remapped on the account page). Type imports only: client components read this table.
 * Keys that are not characters (arrows, Enter, Esc, Delete) are not listed: they never collide with typing or speech
 * input, so they always work.
 */
import type { ShortcutPrefs } from '@/db/enums';

export type { ShortcutPrefs };

/** Where a shortcut works: keys only need to be unique inside one place. */
export type ShortcutScope = 'queue' | 'suggestions' | 'text';

export const SHORTCUT_SCOPES: Record<ShortcutScope, string> = {
  queue: 'Review queue (anywhere on the page)',
  suggestions: 'Suggestion cards (while a card has focus)',
  text: 'Article text (while the text has focus)',
};

export const SHORTCUTS = {
  'queue.next': { scope: 'queue', key: 'j', label: 'Next claim' },
  'queue.previous': { scope: 'queue', key: 'k', label: 'Previous claim' },
  'queue.approve': { scope: 'queue', key: 'a', label: 'Approve (press again, or Enter, to confirm)' },
  'queue.changes': { scope: 'queue', key: 'c', label: 'Request changes (comment required)' },
  'queue.reject': { scope: 'queue', key: 'r', label: 'Reject (comment required)' },
  'queue.open': { scope: 'queue', key: 'o', label: 'Open the claim in its article' },
  'queue.assign': { scope: 'queue', key: 'm', label: 'Assign the claim to me (again: unassign it)' },
  'queue.help': { scope: 'queue', key: '?', label: 'Show or hide the shortcut list' },
  'suggestions.accept': { scope: 'suggestions', key: 'a', label: 'Accept the suggestion' },
  'suggestions.dismiss': { scope: 'suggestions', key: 'd', label: 'Dismiss the suggestion' },
  'suggestions.next': { scope: 'suggestions', key: 'j', label: 'Next suggestion' },
  'suggestions.previous': { scope: 'suggestions', key: 'k', label: 'Previous suggestion' },
  'text.next': { scope: 'text', key: 'n', label: 'Next highlight' },
  'text.previous': { scope: 'text', key: 'p', label: 'Previous highlight' },
} as const satisfies Record<string, { scope: ShortcutScope; key: string; label: string }>;

export type ShortcutId = keyof typeof SHORTCUTS;
export const SHORTCUT_IDS = Object.keys(SHORTCUTS) as ShortcutId[];

/** The key of each shortcut for one user, or null for every shortcut when they turned them off. */
export type Keymap = Record<ShortcutId, string | null>;

export const DEFAULT_PREFS: ShortcutPrefs = { enabled: true, keys: {} };

/** A user's keymap from their stored preferences (null: never changed, the defaults). Unknown ids are ignored. */
export function resolveKeymap(prefs: ShortcutPrefs | null): Keymap {
  const p = prefs ?? DEFAULT_PREFS;
  const map = {} as Keymap;
  for (const id of SHORTCUT_IDS) map[id] = p.enabled ? p.keys[id] || SHORTCUTS[id].key : null;
  return map;
}

/**
 * True when a key press is shortcut `id` in `keymap`: the character itself (letters in either case), with no Ctrl,
 * Alt or Meta held, so browser and screen-reader commands pass through.
 */
export function isShortcut(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'altKey' | 'metaKey'>, keymap: Keymap, id: ShortcutId): boolean {
  const key = keymap[id];
  if (!key || event.ctrlKey || event.altKey || event.metaKey) return false;
  return event.key === key || event.key.toLowerCase() === key;
}

/** One character that is not a space or a control character; letters are stored lower-case. */
export function normaliseKey(raw: string): string | null {
  const chars = [...raw.trim()];
  if (chars.length !== 1) return null;
  const [c] = chars;
  // Control characters and separators cannot be typed as a shortcut.
  if (/[\p{C}\p{Z}]/u.test(c)) return null;
  return c.toLowerCase();
}

/** Pairs of shortcuts of one scope given the same key, as [id, id already using it]. */
export function keyClashes(keymap: Keymap): [ShortcutId, ShortcutId][] {
  const seen = new Map<string, ShortcutId>();
  const clashes: [ShortcutId, ShortcutId][] = [];
  for (const id of SHORTCUT_IDS) {
    const key = keymap[id];
    if (!key) continue;
    const slot = `${SHORTCUTS[id].scope}:${key}`;
    const other = seen.get(slot);
    if (other) clashes.push([id, other]);
    else seen.set(slot, id);
  }
  return clashes;
}
