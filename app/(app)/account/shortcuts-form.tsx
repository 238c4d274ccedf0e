'use client';

import { useActionState } from 'react';
import { FieldError, FormError, FormOk, SubmitButton } from '@/components/ui/form-messages';
import { SHORTCUTS, SHORTCUT_IDS, SHORTCUT_SCOPES, type ShortcutPrefs, type ShortcutScope } from '@/lib/shortcuts/keymap';
import { saveShortcuts, type ShortcutsState } from './shortcut-actions';

/**
 * Turn the single-key shortcuts off, or give any of them another key (WCAG 2.1.4). `scopes`: the places this user
 * works in (the review queue only for reviewers); the keys of the others are kept as they are.
 */
export function ShortcutsForm({ prefs, scopes }: { prefs: ShortcutPrefs; scopes: ShortcutScope[] }) {
  const [state, action, pending] = useActionState<ShortcutsState, FormData>(saveShortcuts, {});
  // Saved choices come back through the page; refused ones from the action, to be corrected rather than typed again.
  const shown = (!state.ok && state.values) || prefs;
  return (
    // The key remounts the fields whenever what they should show changes (a save, a reset, a refusal).
    <form action={action} className="stack shortcuts-form" key={JSON.stringify([shown, state])}>
      <label className="inline">
        <input type="checkbox" name="enabled" defaultChecked={shown.enabled} /> Use single-key shortcuts
      </label>
      <p className="hint shortcuts-hint">
        Turn them off if you use speech input or often type by accident. Arrow keys, Enter, Esc and Delete keep working either way, and every action
        also has a button.
      </p>
      {scopes.map((scope) => (
        <fieldset key={scope} className="shortcut-group">
          <legend>{SHORTCUT_SCOPES[scope]}</legend>
          {SHORTCUT_IDS.filter((id) => SHORTCUTS[id].scope === scope).map((id) => (
            <label key={id} className="shortcut-row">
              <span>{SHORTCUTS[id].label}</span>
              <input
                name={`key:${id}`}
                className="shortcut-key"
                defaultValue={shown.keys[id] || SHORTCUTS[id].key}
                maxLength={2}
                autoComplete="off"
                aria-describedby={state.fields?.[`keys.${id}`] ? `${id}-error` : undefined}
              />
              <span id={`${id}-error`}>
                <FieldError message={state.fields?.[`keys.${id}`]} />
              </span>
            </label>
          ))}
        </fieldset>
      ))}
      {state.ok ? <FormOk>{state.message}</FormOk> : <FormError message={state.message} />}
      <div className="actions">
        <SubmitButton busy={pending} busyLabel="Saving…">
          Save shortcuts
        </SubmitButton>
        <button type="submit" name="intent" value="reset" disabled={pending}>
          Reset to defaults
        </button>
      </div>
    </form>
  );
}
