'use client';

import { useActionState } from 'react';
import type { OrgSettings } from '@/lib/settings/get-settings';
import { saveSettings, type SettingsState } from './actions';

/** Organisation settings form (server action; field errors returned as values). */
export function SettingsForm({ initial }: { initial: OrgSettings }) {
  const [state, action, pending] = useActionState<SettingsState, FormData>(saveSettings, {});
  const fieldError = (name: string) => state.fields?.[name] && <span className="field-error">{state.fields[name]}</span>;
  return (
    <form action={action} className="stack">
      <label>
        Organisation name <span className="hint">the author of ClaimReview exports</span>
        <input name="orgName" defaultValue={initial.orgName} maxLength={200} />
        {fieldError('orgName')}
      </label>
      <label>
        Organisation URL
        <input name="orgUrl" type="url" defaultValue={initial.orgUrl} placeholder="https://…" maxLength={500} />
        {fieldError('orgUrl')}
      </label>
      <label className="inline">
        <input type="checkbox" name="editorsSeeDrafts" defaultChecked={initial.editorsSeeDrafts} /> Editors may see each other’s draft
        claims
      </label>
      {state.message && (
        <p className={state.ok ? 'form-ok' : 'form-error'} role={state.ok ? 'status' : 'alert'}>
          {state.message}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={pending}>
          {pending ? 'Saving…' : 'Save settings'}
        </button>
      </div>
    </form>
  );
}
