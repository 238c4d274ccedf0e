'use client';

import Link from 'next/link';
import { SHORTCUTS, SHORTCUT_IDS, type Keymap } from '@/lib/shortcuts/keymap';

/** Keys that are not characters: they work whatever the account's shortcut choices. */
const FIXED: [string, string][] = [
  ['↓ / ↑', 'Next / previous claim'],
  ['Enter', 'Confirm the approval (on the Confirm button)'],
  ['Ctrl+Enter', 'Send the comment'],
  ['Esc', 'Cancel / close'],
];

/** The review queue's keyboard shortcuts as the user set them (account page), as [keys, what it does]. */
export function queueShortcuts(keymap: Keymap): [string, string][] {
  const own = SHORTCUT_IDS.filter((id) => SHORTCUTS[id].scope === 'queue' && keymap[id]).map((id): [string, string] => [
    keymap[id]!,
    SHORTCUTS[id].label,
  ]);
  return [...own, ...FIXED];
}

/** The list of review-queue keyboard shortcuts. */
export function ShortcutHelp({ keymap, onClose }: { keymap: Keymap; onClose: () => void }) {
  return (
    <div className="shortcut-help" role="dialog" aria-label="Keyboard shortcuts">
      <div className="page-head">
        <h2>Keyboard shortcuts</h2>
        <button type="button" className="link-button" onClick={onClose}>
          Close
        </button>
      </div>
      <dl>
        {queueShortcuts(keymap).map(([key, what]) => (
          <div key={`${key}-${what}`}>
            <dt>
              <kbd>{key}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <p className="hint">
        Change or turn off the single-key shortcuts on <Link href="/account#shortcuts-heading">your account page</Link>.
      </p>
    </div>
  );
}
