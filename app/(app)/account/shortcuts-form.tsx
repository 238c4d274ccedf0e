'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { api } from '@/components/ui/api-client';
import { useApiAction } from '@/components/ui/use-api-action';
import { FieldError, FormError, FormOk, SubmitButton } from '@/components/ui/form-messages';
import { normaliseKey, SHORTCUTS, SHORTCUT_IDS, SHORTCUT_SCOPES, type ShortcutPrefs, type ShortcutScope } from '@/lib/shortcuts/keymap';

/**
 * Turn the single-key shortcuts off, or give any of them another key (WCAG 2.1.4), saved with PUT
 * /api/account/shortcuts. `scopes`: the places this user works in (the review queue only for reviewers); the keys of
 * the others are sent as they are stored.
 */
export function ShortcutsForm({ prefs, scopes }: { prefs: ShortcutPrefs; scopes: ShortcutScope[] }) {
  const router = useRouter();
  // What was last saved; `saves` remounts the fields after each save or reset so they show it. A refusal keeps
  // what was typed in place to be corrected.
  const [stored, setStored] = useState({ prefs, saves: 0, message: '' });
  // The layout hands every page the keymap: render it again with the new keys.
  const { busy, error, fields, run } = useApiAction({ onSuccess: router.refresh });

  const save = (sent: ShortcutPrefs, saved: ShortcutPrefs, message: string) =>
    run(async () => {
      await api('/api/account/shortcuts', { method: 'PUT', body: sent });
      setStored((s) => ({ prefs: saved, saves: s.saves + 1, message }));
    });

  const shown = stored.prefs;
  return (
    <form
      className="stack shortcuts-form"
      key={stored.saves}
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        // A place the form did not show (the review queue, for an editor) keeps its stored keys.
        const keys = Object.fromEntries(SHORTCUT_IDS.map((id) => [id, String(data.get(`key:${id}`) ?? shown.keys[id] ?? '')]));
        // Shown again as the service stores them (letters lower-case).
        const saved = Object.fromEntries(Object.entries(keys).map(([id, key]) => [id, normaliseKey(key) ?? '']));
        void save({ enabled: data.get('enabled') === 'on', keys }, { enabled: data.get('enabled') === 'on', keys: saved }, 'Shortcuts saved.');
      }}
    >
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
                aria-describedby={fields[`keys.${id}`] ? `${id}-error` : undefined}
              />
              <span id={`${id}-error`}>
                <FieldError message={fields[`keys.${id}`]} />
              </span>
            </label>
          ))}
        </fieldset>
      ))}
      {stored.message && !error && !busy ? <FormOk>{stored.message}</FormOk> : <FormError message={error} />}
      <div className="actions">
        <SubmitButton busy={busy} busyLabel="Saving…">
          Save shortcuts
        </SubmitButton>
        <button
          type="button"
          disabled={busy}
          onClick={() => void save({ enabled: true, keys: {} }, { enabled: true, keys: {} }, 'Shortcuts reset to the defaults.')}
        >
          Reset to defaults
        </button>
      </div>
    </form>
  );
}
