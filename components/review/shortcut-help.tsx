'use client';

/** The queue's shortcuts as [keys, what it does], shown by the ? overlay. */
export const SHORTCUTS: [string, string][] = [
  ['j / ↓', 'Next claim'],
  ['k / ↑', 'Previous claim'],
  ['a', 'Approve'],
  ['c', 'Request changes (comment required)'],
  ['r', 'Reject (comment required)'],
  ['o', 'Open the claim in its article'],
  ['Ctrl+Enter', 'Send the comment'],
  ['Esc', 'Cancel / close'],
  ['?', 'Show or hide these shortcuts'],
];

/** The list of review-queue keyboard shortcuts. */
export function ShortcutHelp({ onClose }: { onClose: () => void }) {
  return (
    <div className="shortcut-help" role="dialog" aria-label="Keyboard shortcuts">
      <div className="page-head">
        <h2>Keyboard shortcuts</h2>
        <button type="button" className="link-button" onClick={onClose}>
          Close
        </button>
      </div>
      <dl>
        {SHORTCUTS.map(([key, what]) => (
          <div key={key}>
            <dt>
              <kbd>{key}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
