'use client';

import { useEffect, useId, useState } from 'react';
import { api } from '@/components/ui/api-client';
import { hostOf, type SourceListItemDto } from './types';

type Props = {
  /** Called with the source the user chose. */
  onPick: (source: SourceListItemDto) => void;
  /** Sources already attached, shown as such and not pickable. */
  attachedIds: number[];
};

/** Type-ahead search over existing sources (title, publisher or URL) against GET /api/sources?q=. */
export function SourcePicker({ onPick, attachedIds }: Props) {
  const [q, setQ] = useState('');
  const [results, setResults] = useState<SourceListItemDto[] | null>(null);
  const [active, setActive] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const listId = useId();

  useEffect(() => {
    const term = q.trim();
    if (!term) return;
    let stale = false;
    // A short pause so each keystroke does not cost a request.
    const timer = setTimeout(async () => {
      try {
        const { items } = await api<{ items: SourceListItemDto[] }>(`/api/sources?limit=8&q=${encodeURIComponent(term)}`);
        if (!stale) {
          setResults(items);
          setActive(0);
          setError(null);
        }
      } catch {
        if (!stale) setError('Could not search sources.');
      }
    }, 180);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [q]);

  const shown = q.trim() ? results : null;
  const pickable = (s: SourceListItemDto) => !attachedIds.includes(s.id);

  function onKeyDown(e: React.KeyboardEvent<HTMLInputElement>) {
    if (!shown?.length) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (i + step + shown.length) % shown.length);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (pickable(shown[active])) onPick(shown[active]);
    }
  }

  return (
    <div className="source-picker">
      <label>
        Find a source
        <input
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onKeyDown={onKeyDown}
          placeholder="Title, publisher or URL"
          role="combobox"
          aria-expanded={!!shown?.length}
          aria-controls={listId}
          aria-autocomplete="list"
          autoComplete="off"
        />
      </label>
      {error && <p className="field-error">{error}</p>}
      {shown && (
        <ul className="picker-results" id={listId} role="listbox" aria-label="Matching sources">
          {shown.length === 0 && <li className="muted">No source matches “{q.trim()}”. Add it as a new source.</li>}
          {shown.map((s, i) => (
            <li key={s.id} role="option" aria-selected={i === active} aria-disabled={!pickable(s)}>
              <button type="button" className={i === active ? 'active' : undefined} disabled={!pickable(s)} onClick={() => onPick(s)}>
                <span className="picker-title">{s.title || s.url}</span>
                <span className="picker-meta">
                  {[s.publisher, hostOf(s.url)].filter(Boolean).join(' · ')} · cited by {s.claimCount}
                  {!pickable(s) && ' · already attached'}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
