'use client';

import { useState } from 'react';
import type { OrgSettings } from '@/lib/settings/get-settings';
import { DEFAULT_ORG_NAME } from '@/lib/export/export-row';
import { api } from '@/components/ui/api-client';
import { useApiAction } from '@/components/ui/use-api-action';
import { FieldError, FormError, FormOk, SubmitButton } from '@/components/ui/form-messages';
import { LANGUAGE_TAG_MAX, ORG_NAME_MAX, ORG_URL_MAX } from '@/lib/settings/limits';

/** Organisation settings form, saved with PATCH /api/settings; field errors shown under their inputs. */
export function SettingsForm({ initial }: { initial: OrgSettings }) {
  const [saved, setSaved] = useState(false);
  const { busy, error, fields, onSubmit } = useApiAction();

  const submit = onSubmit(async (data) => {
    setSaved(false);
    await api('/api/settings', {
      method: 'PATCH',
      body: {
        orgName: String(data.get('orgName') ?? ''),
        orgUrl: String(data.get('orgUrl') ?? '').trim(),
        editorsSeeDrafts: data.get('editorsSeeDrafts') === 'on',
        publishFactChecks: data.get('publishFactChecks') === 'on',
        contentLanguage: String(data.get('contentLanguage') ?? '').trim(),
      },
    });
    setSaved(true);
  });

  return (
    <form onSubmit={submit} className="stack">
      <label>
        Organisation name <span className="hint">the author of ClaimReview exports</span>
        <input
          name="orgName"
          defaultValue={initial.orgName}
          maxLength={ORG_NAME_MAX}
          aria-describedby={initial.orgName ? undefined : 'org-name-warning'}
        />
        <FieldError message={fields.orgName} />
        {!initial.orgName.trim() && (
          <span id="org-name-warning" className="field-warning">
            Not set: ClaimReview exports name the placeholder “{DEFAULT_ORG_NAME}” as their author.
          </span>
        )}
      </label>
      <label>
        Organisation URL
        <input name="orgUrl" type="url" defaultValue={initial.orgUrl} placeholder="https://…" maxLength={ORG_URL_MAX} />
        <FieldError message={fields.orgUrl} />
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
        <FieldError message={fields.contentLanguage} />
      </label>
      {saved ? <FormOk>Settings saved.</FormOk> : <FormError message={error} />}
      <div className="actions">
        <SubmitButton busy={busy} busyLabel="Saving…">
          Save settings
        </SubmitButton>
      </div>
    </form>
  );
}
