'use client';

import { useEffect, useId, useMemo, useState } from 'react';
import { api } from '@/components/ui/api-client';
import { useTagSuggestions } from '@/components/claims/use-tag-suggestions';
import { normaliseTag } from '@/lib/claims/normalise-tags';
import { STATUS_LABELS, TYPE_LABELS } from '@/components/labels';
import { EXPORT_FORMAT_LABELS, EXPORT_FORMAT_NAMES } from '@/lib/export/formats';
import type { ExportOptions } from '@/lib/export/export-options';

export type ExportFormValues = Record<'status' | 'article' | 'verdict' | 'type' | 'tag' | 'from' | 'to' | 'format', string>;

const STATUS_CHOICES = ['verified', 'in_review', 'needs_changes', 'draft', 'rejected', 'all'] as const;
const SHORT_LABELS: Record<string, string> = {
  csv: 'CSV',
  json: 'JSON',
  jsonl: 'JSON Lines',
  claimreview: 'ClaimReview',
  webannotation: 'Web Annotations',
};

type Count = { state: 'loading' } | { state: 'ok'; count: number } | { state: 'error'; message: string };
type CountFor = Count & { query: string };

/** Filters and format for an export; shows the matching count (from the API) before the download link. */
export function ExportForm({ options, initial }: { options: ExportOptions; initial: ExportFormValues }) {
  const [values, setValues] = useState<ExportFormValues>({ ...initial, format: initial.format || 'csv' });
  const [bom, setBom] = useState(true);
  const [answer, setAnswer] = useState<CountFor>({ state: 'loading', query: '' });
  const tagListId = useId();
  const tagSuggestions = useTagSuggestions(normaliseTag(values.tag));
  const set = (key: keyof ExportFormValues) => (e: React.ChangeEvent<HTMLSelectElement | HTMLInputElement>) =>
    setValues((v) => ({ ...v, [key]: e.target.value }));

  const filterQuery = useMemo(() => {
    const q = new URLSearchParams();
    for (const key of ['status', 'article', 'verdict', 'type', 'tag', 'from', 'to'] as const) if (values[key].trim()) q.set(key, values[key]);
    return q.toString();
  }, [values]);

  useEffect(() => {
    let live = true;
    // A short delay so typing a date does not fire a request per keystroke.
    const timer = setTimeout(() => {
      api<{ count: number }>(`/api/export/count?${filterQuery}`)
        .then((r) => live && setAnswer({ state: 'ok', count: r.count, query: filterQuery }))
        .catch((e: Error) => live && setAnswer({ state: 'error', message: e.message, query: filterQuery }));
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [filterQuery]);
  // An answer for other filters than the current ones is stale: show "Counting…" until the new one arrives.
  const count: Count = answer.query === filterQuery ? answer : { state: 'loading' };

  const download = new URLSearchParams(filterQuery);
  download.set('format', values.format);
  if (values.format === 'csv' && !bom) download.set('bom', '0');
  const ready = count.state === 'ok' && count.count > 0;

  return (
    <form className="export-form stack" onSubmit={(e) => e.preventDefault()}>
      <fieldset className="export-formats">
        <legend>Format</legend>
        {EXPORT_FORMAT_NAMES.map((f) => (
          <label key={f} className="inline">
            <input type="radio" name="format" value={f} checked={values.format === f} onChange={set('format')} /> {EXPORT_FORMAT_LABELS[f]}
          </label>
        ))}
        {values.format === 'csv' && (
          <label className="inline export-bom">
            <input type="checkbox" checked={bom} onChange={(e) => setBom(e.target.checked)} /> Start with a byte order mark (Excel reads accents and
            curly quotes correctly)
          </label>
        )}
      </fieldset>
      <div className="export-filters">
        <label>
          Status
          <select value={values.status || 'verified'} onChange={set('status')} disabled={!options.anyStatus}>
            {(options.anyStatus ? STATUS_CHOICES : (['verified'] as const)).map((s) => (
              <option key={s} value={s}>
                {s === 'all' ? 'Any status' : STATUS_LABELS[s]}
              </option>
            ))}
          </select>
          {!options.anyStatus && <span className="hint">Reviewers and admins can also export unverified claims.</span>}
        </label>
        <label>
          Article
          <select value={values.article} onChange={set('article')}>
            <option value="">All articles</option>
            {options.articles.map((a) => (
              <option key={a.id} value={String(a.id)}>
                {a.title}
              </option>
            ))}
          </select>
        </label>
        <label>
          Verdict
          <select value={values.verdict} onChange={set('verdict')}>
            <option value="">Any verdict</option>
            {options.verdicts.map((v) => (
              <option key={v.id} value={String(v.id)}>
                {v.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Type
          <select value={values.type} onChange={set('type')}>
            <option value="">Any type</option>
            {Object.entries(TYPE_LABELS).map(([t, label]) => (
              <option key={t} value={t}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Reviewed from
          <input type="date" value={values.from} onChange={set('from')} />
        </label>
        <label>
          Reviewed to
          <input type="date" value={values.to} onChange={set('to')} />
        </label>
        <label>
          Tag
          <input
            type="search"
            value={values.tag}
            onChange={set('tag')}
            list={tagListId}
            autoComplete="off"
            placeholder="Any tag"
            spellCheck={false}
          />
          <datalist id={tagListId}>
            {tagSuggestions.map((s) => (
              <option key={s.tag} value={s.tag} />
            ))}
          </datalist>
        </label>
      </div>
      <div className="export-result">
        <div className="export-summary">
          <p className="export-count" role="status" aria-live="polite">
            {count.state === 'loading' && <span className="muted">Counting…</span>}
            {count.state === 'ok' && (
              <>
                <strong>{count.count.toLocaleString('en')}</strong> {count.count === 1 ? 'claim matches' : 'claims match'}.
              </>
            )}
          </p>
          {count.state === 'error' && <p className="form-error">{count.message}</p>}
        </div>
        {ready ? (
          <a className="button primary" href={`/api/export?${download}`} download>
            Download {SHORT_LABELS[values.format]}
          </a>
        ) : (
          <button type="button" className="primary" disabled>
            Download
          </button>
        )}
      </div>
    </form>
  );
}
