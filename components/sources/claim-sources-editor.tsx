'use client';

import { useState } from 'react';
import { SOURCE_RELATIONS } from '@/db/enums';
import { api, ApiError } from '@/components/ui/api-client';
import type { ClaimDto } from '@/components/annotator/types';
import { EXCERPT_MAX, MAX_SOURCES_PER_CLAIM } from '@/lib/sources/limits';
import { SourcePicker } from './source-picker';
import { NewSourceFields } from './new-source-fields';
import { RELATION_LABELS } from '@/components/labels';
import { hostOf, type SourceListItemDto } from './types';

type Props = { claim: ClaimDto; canEdit: boolean; onChanged: (c: ClaimDto) => void };

/** A claim's sources with relation and excerpt, detach buttons, and a form to attach an existing or new source. */
export function ClaimSourcesEditor({ claim, canEdit, onChanged }: Props) {
  const [mode, setMode] = useState<'closed' | 'existing' | 'new'>('closed');
  const [picked, setPicked] = useState<SourceListItemDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  function reset() {
    setMode('closed');
    setPicked(null);
    setError(null);
    setFields({});
  }

  async function attach(form: HTMLFormElement) {
    const data = new FormData(form);
    const link = { relation: data.get('relation'), excerpt: String(data.get('excerpt') ?? ''), version: claim.version };
    const source =
      mode === 'existing'
        ? { sourceId: picked?.id }
        : Object.fromEntries(['url', 'title', 'publisher', 'publishedAt', 'archivedUrl'].map((k) => [k, String(data.get(k) ?? '')]));
    setBusy(true);
    setError(null);
    try {
      const result = await api<{ claim: ClaimDto }>(`/api/claims/${claim.id}/sources`, { body: { ...source, ...link } });
      onChanged(result.claim);
      reset();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Could not attach the source.');
      if (e instanceof ApiError) setFields(e.fields);
    } finally {
      setBusy(false);
    }
  }

  async function detach(sourceId: number) {
    setError(null);
    try {
      await api(`/api/claims/${claim.id}/sources/${sourceId}?version=${claim.version}`, { method: 'DELETE' });
      onChanged(await api<ClaimDto>(`/api/claims/${claim.id}`));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Could not detach the source.');
    }
  }

  return (
    <section className="claim-sources" aria-label="Sources">
      <h3>
        Sources <span className="count">{claim.sources.length}</span>
      </h3>
      {claim.sources.length === 0 && <p className="muted">No sources yet.</p>}
      <ul className="source-list">
        {claim.sources.map((s) => (
          <li key={s.sourceId} data-source-id={s.sourceId}>
            <span className={`badge relation-${s.relation}`}>{RELATION_LABELS[s.relation]}</span>{' '}
            <a href={s.url} target="_blank" rel="noopener noreferrer nofollow">
              {s.title || hostOf(s.url)}
            </a>
            <span className="muted"> · {[s.publisher, hostOf(s.url)].filter(Boolean).join(' · ')}</span>
            {canEdit && (
              <button type="button" className="link-button detach" onClick={() => void detach(s.sourceId)} aria-label={`Detach ${s.title || s.url}`}>
                Detach
              </button>
            )}
            {s.excerpt && <blockquote className="excerpt">{s.excerpt}</blockquote>}
          </li>
        ))}
      </ul>
      {canEdit && mode === 'closed' && claim.sources.length >= MAX_SOURCES_PER_CLAIM && (
        <p className="hint">A claim can cite at most {MAX_SOURCES_PER_CLAIM} sources; detach one to add another.</p>
      )}
      {canEdit && mode === 'closed' && claim.sources.length < MAX_SOURCES_PER_CLAIM && (
        <div className="actions">
          <button type="button" onClick={() => setMode('existing')}>
            Attach existing source
          </button>
          <button type="button" onClick={() => setMode('new')}>
            New source
          </button>
        </div>
      )}
      {canEdit && mode !== 'closed' && (
        <form
          className="attach-source"
          onSubmit={(e) => {
            e.preventDefault();
            void attach(e.currentTarget);
          }}
        >
          <fieldset disabled={busy}>
            {mode === 'existing' &&
              (picked ? (
                <p className="picked-source">
                  <strong>{picked.title || picked.url}</strong> <span className="muted">{hostOf(picked.url)}</span>{' '}
                  <button type="button" className="link-button" onClick={() => setPicked(null)}>
                    Change
                  </button>
                </p>
              ) : (
                <SourcePicker onPick={setPicked} attachedIds={claim.sources.map((s) => s.sourceId)} />
              ))}
            {mode === 'new' && <NewSourceFields errors={fields} />}
            <label>
              Relation
              <select name="relation" defaultValue="supports">
                {SOURCE_RELATIONS.map((r) => (
                  <option key={r} value={r}>
                    {RELATION_LABELS[r]}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Excerpt <span className="hint">the passage that matters, optional</span>
              <textarea name="excerpt" rows={2} maxLength={EXCERPT_MAX} />
            </label>
            {error && (
              <p className="form-error" role="alert">
                {error}
              </p>
            )}
            <div className="actions">
              <button type="submit" className="primary" disabled={mode === 'existing' && !picked}>
                Attach source
              </button>
              <button type="button" onClick={reset}>
                Cancel
              </button>
            </div>
          </fieldset>
        </form>
      )}
      {mode === 'closed' && error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
