'use client';

import { useEffect, useRef, useState } from 'react';
import { SOURCE_RELATIONS } from '@/db/enums';
import { api } from '@/components/ui/api-client';
import { useApiAction } from '@/components/ui/use-api-action';
import { FormError } from '@/components/ui/form-messages';
import { LabelledOptions } from '@/components/ui/labelled-options';
import type { ClaimDto } from '@/components/annotator/types';
import { EXCERPT_MAX, MAX_SOURCES_PER_CLAIM } from '@/lib/sources/limits';
import { SourcePicker } from './source-picker';
import { NewSourceFields, sourceFieldValues } from './new-source-fields';
import { RELATION_LABELS } from '@/components/labels';
import { hostOf, type SourceListItemDto } from './types';
import { useFeedback } from '@/components/ui/feedback';

type Props = { claim: ClaimDto; canEdit: boolean; onChanged: (c: ClaimDto) => void };

/** A claim's sources with relation and excerpt, detach buttons, and a form to attach an existing or new source. */
export function ClaimSourcesEditor({ claim, canEdit, onChanged }: Props) {
  const [mode, setMode] = useState<'closed' | 'existing' | 'new'>('closed');
  const [picked, setPicked] = useState<SourceListItemDto | null>(null);
  const { busy, error, fields, run, onSubmit, clear } = useApiAction();
  const { toast } = useFeedback();
  const formRef = useRef<HTMLFormElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  /** Bumped when the control that had focus goes away (form closed, source detached): the heading takes focus. */
  const [headingFocus, setHeadingFocus] = useState(0);
  useEffect(() => {
    if (headingFocus) headingRef.current?.focus();
  }, [headingFocus]);

  // Opening the form puts the caret in its first field; closing it (attached, detached, cancelled) would drop
  // focus to the page with the button that had it, so the Sources heading takes it.
  // Picking a source replaces the search box: the relation is next.
  useEffect(() => {
    if (mode === 'closed') return;
    formRef.current?.querySelector<HTMLElement>(picked ? 'select[name="relation"]' : 'input, select, textarea')?.focus();
  }, [mode, picked]);

  function reset() {
    setMode('closed');
    setPicked(null);
    clear();
    setHeadingFocus((n) => n + 1);
  }

  const attach = onSubmit(async (data) => {
    const link = { relation: data.get('relation'), excerpt: String(data.get('excerpt') ?? ''), version: claim.version };
    const source = mode === 'existing' ? { sourceId: picked?.id } : sourceFieldValues(data);
    const result = await api<{ claim: ClaimDto }>(`/api/claims/${claim.id}/sources`, { body: { ...source, ...link } });
    onChanged(result.claim);
    reset();
    toast('Source attached.');
  }, 'Could not attach the source.');

  const detach = (sourceId: number) =>
    run(async () => {
      await api(`/api/claims/${claim.id}/sources/${sourceId}?version=${claim.version}`, { method: 'DELETE' });
      onChanged(await api<ClaimDto>(`/api/claims/${claim.id}`));
      setHeadingFocus((n) => n + 1);
      toast('Source detached.');
    }, 'Could not detach the source.');

  return (
    <section className="claim-sources" aria-label="Sources">
      <h3 ref={headingRef} tabIndex={-1}>
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
        <form className="attach-source" onSubmit={attach} ref={formRef}>
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
                <LabelledOptions values={SOURCE_RELATIONS} labels={RELATION_LABELS} />
              </select>
            </label>
            <label>
              Excerpt <span className="hint">the passage that matters, optional</span>
              <textarea name="excerpt" rows={2} maxLength={EXCERPT_MAX} />
            </label>
            <FormError message={error} />
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
      {mode === 'closed' && <FormError message={error} />}
    </section>
  );
}
