'use client';

import { useActionState } from 'react';
import type { OrgSettings } from '@/lib/settings/get-settings';
import { DEFAULT_ORG_NAME } from '@/lib/export/export-row';
import { FieldError, FormError, FormOk, SubmitButton } from '@/components/ui/form-messages';
import { saveSettings, type SettingsState } from './actions';
import { LANGUAGE_TAG_MAX, ORG_NAME_MAX, ORG_URL_MAX } from '@/lib/settings/limits';

/** Organisation settings form (server action; field errors returned as values). */
export function SettingsForm({ initial }: { initial: OrgSettings }) {
  const [state, action, pending] = useActionState<SettingsState, FormData>(saveSettings, {});
  return (
    <form action={action} className="stack">
      <label>
        Organisation name <span className="hint">the author of ClaimReview exports</span>
        <input
          name="orgName"
          defaultValue={initial.orgName}
          maxLength={ORG_NAME_MAX}
          aria-describedby={initial.orgName ? undefined : 'org-name-warning'}
        />
        <FieldError message={state.fields?.orgName} />
        {!initial.orgName.trim() && (
          <span id="org-name-warning" className="field-warning">
            Not set: ClaimReview exports name the placeholder “{DEFAULT_ORG_NAME}” as their author.
          </span>
        )}
      </label>
      <label>
        Organisation URL
        <input name="orgUrl" type="url" defaultValue={initial.orgUrl} placeholder="https://…" maxLength={ORG_URL_MAX} />
        <FieldError message={state.fields?.orgUrl} />
      </label>
      <label className="inline">
        <input type="checkbox" name="editorsSeeDrafts" defaultChecked={initial.editorsSeeDrafts} /> Editors may see each other’s draft claims
      </label>
      <label className="inline">
        <input type="checkbox" name="publishFactChecks" defaultChecked={initial.publishFactChecks} /> Publish verified claims as public fact-check
        pages (read-only, no login; ClaimReview exports link to them)
      </label>
      <label>
        Content language <span className="hint">of articles and rationales, e.g. en or en-GB (Web Annotation exports)</span>
        <input name="contentLanguage" defaultValue={initial.contentLanguage} maxLength={LANGUAGE_TAG_MAX} />
        <FieldError message={state.fields?.contentLanguage} />
      </label>
      {state.ok ? <FormOk>{state.message}</FormOk> : <FormError message={state.message} />}
      <div className="actions">
        <SubmitButton busy={pending} busyLabel="Saving…">
          Save settings
        </SubmitButton>
      </div>
    </form>
  );
}
