'use client';

import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { api } from '@/components/ui/api-client';
import { useApiAction } from '@/components/ui/use-api-action';
import { FormError } from '@/components/ui/form-messages';
import { NewSourceFields, sourceFieldValues } from './new-source-fields';
import type { SourceDto } from './types';

type Props = { source: SourceDto; canEdit: boolean; canDelete: boolean; deleteHint?: string; editHint?: string };

/** Edit and delete controls on a source's page (PATCH / DELETE /api/sources/:id). */
export function SourceActions({ source, canEdit, canDelete, deleteHint, editHint }: Props) {
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const { busy, error, fields, run, onSubmit } = useApiAction();

  const save = onSubmit(async (data) => {
    await api(`/api/sources/${source.id}`, { method: 'PATCH', body: sourceFieldValues(data) });
    setEditing(false);
    router.refresh();
  }, 'Could not save.');

  async function remove() {
    if (!window.confirm('Delete this source?')) return;
    await run(async () => {
      await api(`/api/sources/${source.id}`, { method: 'DELETE' });
      router.push('/sources');
      router.refresh();
    }, 'Could not delete.');
  }

  if (editing) {
    return (
      <form className="source-edit stack" onSubmit={save}>
        <fieldset disabled={busy}>
          <NewSourceFields errors={fields} defaults={source} />
          {editHint && <p className="hint">{editHint}</p>}
          <FormError message={error} />
          <div className="actions">
            <button type="submit" className="primary">
              Save source
            </button>
            <button type="button" onClick={() => setEditing(false)}>
              Cancel
            </button>
          </div>
        </fieldset>
      </form>
    );
  }
  return (
    <div className="source-actions">
      <div className="actions">
        {canEdit && (
          <button type="button" onClick={() => setEditing(true)}>
            Edit
          </button>
        )}
        {canDelete && (
          <button type="button" className="danger" onClick={() => void remove()}>
            Delete source
          </button>
        )}
      </div>
      {deleteHint && <p className="hint">{deleteHint}</p>}
      <FormError message={error} />
    </div>
  );
}
