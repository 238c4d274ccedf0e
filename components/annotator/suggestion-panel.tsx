'use client';

import { useEffect, useRef, useState } from 'react';
import type { Suggestion } from '@/lib/suggest/types';
import type { SpeakerMention, SuggestionsState } from './use-suggestions';
import { TYPE_LABELS } from '@/components/labels';
import { FormError } from '@/components/ui/form-messages';
import { CheckedBeforeBadge } from '@/components/matching/checked-before-panel';
import type { CheckedBefore } from '@/lib/matching/checked-before';

type Props = {
  state: SuggestionsState;
  activeIndex: number | null;
  onActivate: (index: number | null) => void;
  /** Sentences already verified elsewhere: their suggestions carry a "checked before" marker. */
  checkedBefore?: CheckedBefore[] | null;
};

/**
 * Suggested claims with one-click (or one-key: Enter/a accepts, d/Delete dismisses, arrows move) accept and dismiss.
 * Each card names its speaker (the mention is highlighted in the text while the card is active) and lets the
 * editor credit the claim to another person the article mentions.
 */
export function SuggestionPanel({ state, activeIndex, onActivate, checkedBefore = null }: Props) {
  const { items, busy, error } = state;
  const listRef = useRef<HTMLOListElement>(null);
  /** The card whose speaker list is open, by span key. */
  const [choosing, setChoosing] = useState<string | null>(null);

  useEffect(() => {
    // Only move focus when the activation came from the article (a click on a suggestion's underline);
    // moving it while the user is already in the list would steal clicks from its buttons.
    if (activeIndex == null || listRef.current?.contains(document.activeElement)) return;
    const el = listRef.current?.querySelector<HTMLElement>(`[data-index="${activeIndex}"]`);
    el?.focus({ preventScroll: true });
    el?.scrollIntoView({ block: 'nearest' });
  }, [activeIndex]);

  const types = [...new Set(items?.map((s) => s.type))];

  function onKey(event: React.KeyboardEvent, s: Suggestion, index: number) {
    // keys typed on a button inside the card (Accept, a speaker) are that button's
    if (event.target !== event.currentTarget) return;
    const key = event.key.toLowerCase();
    if (key === 'enter' || key === 'a') void state.accept(s);
    else if (key === 'd' || key === 'delete' || key === 'backspace') void state.dismiss(s);
    else if (key === 'arrowdown' || key === 'j') onActivate(Math.min(index + 1, (items?.length ?? 1) - 1));
    else if (key === 'arrowup' || key === 'k') onActivate(Math.max(index - 1, 0));
    else return;
    event.preventDefault();
  }

  return (
    <section className="panel-section suggestions" aria-busy={state.loading || busy} data-loading={state.loading || undefined}>
      <h2>
        Suggestions {items && <span className="count">{items.length}</span>}
        <button type="button" className="small" onClick={() => void state.run()} disabled={busy}>
          {items ? 'Suggest again' : 'Suggest claims'}
        </button>
      </h2>
      <FormError message={error} />
      {items && items.length === 0 && <p className="muted">No new suggestions for this article.</p>}
      {items && items.length > 0 && (
        <>
          <p className="hint">Dashed underlines in the text. Enter or A accepts, D dismisses, arrows move.</p>
          <div className="accept-all">
            {types.map((t) => (
              <button key={t} type="button" className="small" disabled={busy} onClick={() => void state.acceptAll(t)}>
                {t === 'other' ? 'Accept all other claims' : `Accept all ${TYPE_LABELS[t].toLowerCase()}s`}
              </button>
            ))}
          </div>
          <ol className="suggestion-list" ref={listRef}>
            {items.map((s, i) => (
              <li
                key={keyOf(s)}
                data-index={i}
                tabIndex={0}
                className={`suggestion-card${i === activeIndex ? ' selected' : ''}`}
                onFocus={() => onActivate(i)}
                onKeyDown={(e) => onKey(e, s, i)}
              >
                <div className="suggestion-head">
                  <span className={`badge type-${s.type}`}>{TYPE_LABELS[s.type]}</span>
                  {s.speaker && <span className="claimant">{s.speaker}</span>}
                  <button
                    type="button"
                    className="link-button speaker-change"
                    aria-expanded={choosing === keyOf(s)}
                    onClick={() => setChoosing(choosing === keyOf(s) ? null : keyOf(s))}
                  >
                    {s.speaker ? 'Change speaker' : 'Add speaker'}
                  </button>
                  <CheckedBeforeBadge items={checkedBefore} start={s.start} end={s.end} />
                </div>
                {choosing === keyOf(s) && (
                  <SpeakerChoice
                    current={s.speaker}
                    options={state.speakers}
                    onChoose={(speaker) => {
                      state.setSpeaker(s, speaker);
                      setChoosing(null);
                    }}
                  />
                )}
                <p className="suggestion-text">{s.text}</p>
                <p className="hint">{s.reason}</p>
                <div className="actions">
                  <button type="button" className="small primary" disabled={busy} onClick={() => void state.accept(s)}>
                    Accept
                  </button>
                  <button type="button" className="small" disabled={busy} onClick={() => void state.dismiss(s)}>
                    Dismiss
                  </button>
                </div>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

const keyOf = (s: Suggestion) => `${s.start}:${s.end}`;

/** The people and sources the article's suggestions credit, to pick a different speaker from. */
function SpeakerChoice({ current, options, onChoose }: { current: string | null; options: SpeakerMention[]; onChoose: (speaker: SpeakerMention | null) => void }) {
  return (
    <ul className="speaker-options" aria-label="Credit this claim to">
      {options.map((option) => (
        <li key={option.name}>
          <button type="button" className="small" aria-pressed={option.name === current} onClick={() => onChoose(option)}>
            {option.name}
          </button>
        </li>
      ))}
      <li>
        <button type="button" className="small" aria-pressed={current === null} onClick={() => onChoose(null)}>
          No speaker
        </button>
      </li>
    </ul>
  );
}
