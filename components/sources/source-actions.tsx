'use client';

import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { api, ApiError } from '@/components/ui/api-client';
import { NewSourceFields } from './new-source-fields';
import type { SourceDto } from './types';

type Props = { source: SourceDto; canEdit: boolean; canDelete: boolean; deleteHint?: string; editHint?: string };

/** Edit and delete controls on a source's page (PATCH / DELETE /api/sources/:id). */
export function SourceActions({ source, canEdit, canDelete, deleteHint, editHint }: Props) {
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  async function save(form: HTMLFormElement) {
    const data = new FormData(form);
    const body = Object.fromEntries(['url', 'title', 'publisher', 'publishedAt', 'archivedUrl'].map((k) => [k, String(data.get(k) ?? '')]));
    setBusy(true);
    setError(null);
    try {
      await api(`/api/sources/${source.id}`, { method: 'PATCH', body });
      setEditing(false);
      setFields({});
      router.refresh();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Could not save.');
      if (e instanceof ApiError) setFields(e.fields);
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    if (!window.confirm('Delete this source?')) return;
    try {
      await api(`/api/sources/${source.id}`, { method: 'DELETE' });
      router.push('/sources');
      router.refresh();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Could not delete.');
    }
  }

  if (editing) {
    return (
      <form
        className="source-edit stack"
        onSubmit={(e) => {
          e.preventDefault();
          void save(e.currentTarget);
        }}
      >
        <fieldset disabled={busy}>
          <NewSourceFields errors={fields} defaults={source} />
          {editHint && <p className="hint">{editHint}</p>}
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
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
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
