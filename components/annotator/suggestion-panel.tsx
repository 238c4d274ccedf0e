'use client';

import { useEffect, useRef, useState } from 'react';
import type { Suggestion } from '@/lib/suggest/types';
import type { SpeakerMention, SuggestionsState } from './use-suggestions';
import { TYPE_LABELS } from '@/components/labels';
import { FormError } from '@/components/ui/form-messages';
import { excerpt, useFeedback } from '@/components/ui/feedback';
import { useKeymap } from '@/components/ui/keymap-context';
import { isShortcut } from '@/lib/shortcuts/keymap';
import { CheckedBeforeBadge } from '@/components/matching/checked-before-panel';
import type { CheckedBefore } from '@/lib/matching/checked-before';

type Props = {
  state: SuggestionsState;
  activeIndex: number | null;
  onActivate: (index: number | null) => void;
  /** Asks for a card to take focus (a click on its underline, Enter in the text); `seq` repeats a request for the same card. */
  focusRequest: { index: number; seq: number } | null;
  /** Esc on a card: back to its words in the article. */
  onReturnToText: (s: Suggestion) => void;
  /** Sentences already verified elsewhere: their suggestions carry a "checked before" marker. */
  checkedBefore?: CheckedBefore[] | null;
};

/**
 * Suggested claims with one-click (or one-key: Enter/a accepts, Delete/d dismisses, arrows or j/k move, Esc returns
 * to the text; letters from the user's keymap) accept and dismiss. After a card goes, focus moves to the next one, so
 * a whole list can be triaged from the keyboard. Each card names its speaker (highlighted in the text while the card
 * is active) and lets the editor credit the claim to another person the article mentions.
 */
export function SuggestionPanel({ state, activeIndex, onActivate, focusRequest, onReturnToText, checkedBefore = null }: Props) {
  const { items, types, busy, error } = state;
  const keymap = useKeymap();
  const { toast } = useFeedback();
  const sectionRef = useRef<HTMLElement>(null);
  /** The card whose speaker list is open, by span key. */
  const [choosing, setChoosing] = useState<string | null>(null);
  /** Where focus goes once a card the user acted on has left the list. */
  const refocusAt = useRef<number | null>(null);
  const [showAll, setShowAll] = useState(false);
  // A long article has hundreds of suggestions; drawing every card when they arrive was a long task (0.5-1.5 s at
  // 200,000 words). The first LIST_PAGE are drawn, and always the card after the active one, so arrow keys and
  // n / p reach every card.
  const shown = !items || showAll ? items : items.slice(0, Math.max(LIST_PAGE, (activeIndex ?? 0) + 2));

  const focusCard = (index: number) => {
    const el = sectionRef.current?.querySelector<HTMLElement>(`.suggestion-card[data-index="${index}"]`);
    el?.focus({ preventScroll: true });
    el?.scrollIntoView({ block: 'nearest' });
  };

  useEffect(() => {
    if (focusRequest) focusCard(focusRequest.index);
  }, [focusRequest]);

  useEffect(() => {
    if (refocusAt.current == null || !items) return;
    const next = Math.min(refocusAt.current, items.length - 1);
    refocusAt.current = null;
    if (next < 0) {
      sectionRef.current?.querySelector<HTMLElement>('.suggestions-done')?.focus();
      onActivate(null);
      return;
    }
    onActivate(next);
    focusCard(next);
  }, [items, onActivate]);

  async function act(s: Suggestion, index: number, verb: 'accept' | 'dismiss') {
    // Buttons stay enabled while busy (a disabled button drops focus to the page); a second press waits its turn.
    if (busy) return;
    const ok = verb === 'accept' ? await state.accept(s) : await state.dismiss(s);
    if (!ok) return;
    refocusAt.current = index;
    toast(verb === 'accept' ? `Claim created: ${excerpt(s.text, 60)}` : 'Suggestion dismissed.');
  }

  async function acceptAll(type: Suggestion['type'], count: number) {
    if (busy || count === 0) return;
    if (await state.acceptAll(type)) toast(`${count} ${count === 1 ? 'claim' : 'claims'} created.`);
  }

  function onKey(event: React.KeyboardEvent, s: Suggestion, index: number) {
    // keys typed on a button inside the card (Accept, a speaker) are that button's
    if (event.target !== event.currentTarget) {
      if (event.key === 'Escape') onReturnToText(s);
      return;
    }
    const key = event.key;
    const last = (items?.length ?? 1) - 1;
    if (key === 'Enter' || isShortcut(event, keymap, 'suggestions.accept')) void act(s, index, 'accept');
    else if (key === 'Delete' || key === 'Backspace' || isShortcut(event, keymap, 'suggestions.dismiss')) void act(s, index, 'dismiss');
    else if (key === 'ArrowDown' || isShortcut(event, keymap, 'suggestions.next')) moveTo(Math.min(index + 1, last));
    else if (key === 'ArrowUp' || isShortcut(event, keymap, 'suggestions.previous')) moveTo(Math.max(index - 1, 0));
    else if (key === 'Escape') onReturnToText(s);
    else return;
    event.preventDefault();
  }

  function moveTo(index: number) {
    onActivate(index);
    focusCard(index);
  }

  const hint = [
    ['Enter', keymap['suggestions.accept']].filter(Boolean).join(' or ') + ' accepts',
    ['Delete', keymap['suggestions.dismiss']].filter(Boolean).join(' or ') + ' dismisses',
    'arrows move, Esc goes back to the text',
  ].join(', ');

  return (
    <section className="panel-section suggestions" aria-busy={state.loading || busy} data-loading={state.loading || undefined} ref={sectionRef}>
      <h2>
        Suggestions {items && <span className="count">{items.length}</span>}
        <button type="button" className="small" onClick={() => void state.run()} disabled={busy}>
          {items ? 'Suggest again' : 'Suggest claims'}
        </button>
      </h2>
      <FormError message={error} />
      {items && items.length === 0 && (
        <p className="muted suggestions-done" tabIndex={-1}>
          No new suggestions for this article.
        </p>
      )}
      {items && items.length > 0 && (
        <>
          <p className="hint">Dashed underlines in the text. {hint}.</p>
          <div className="accept-all">
            {types.map((t) => {
              const count = items.filter((s) => s.type === t).length;
              return (
                <button key={t} type="button" className="small" aria-disabled={busy || count === 0} onClick={() => void acceptAll(t, count)}>
                  {t === 'other' ? 'Accept all other claims' : `Accept all ${TYPE_LABELS[t].toLowerCase()}s`} ({count})
                </button>
              );
            })}
          </div>
          <ol className="suggestion-list">
            {shown!.map((s, i) => (
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
                  <button type="button" className="small primary" aria-disabled={busy} onClick={() => void act(s, i, 'accept')}>
                    Accept
                  </button>
                  <button type="button" className="small" aria-disabled={busy} onClick={() => void act(s, i, 'dismiss')}>
                    Dismiss
                  </button>
                </div>
              </li>
            ))}
          </ol>
          {shown!.length < items.length && (
            <button type="button" className="show-all" onClick={() => setShowAll(true)}>
              Show all {items.length} suggestions
            </button>
          )}
        </>
      )}
    </section>
  );
}

const LIST_PAGE = 100;

const keyOf = (s: Suggestion) => `${s.start}:${s.end}`;

/** Everyone the article mentions and every source a suggestion credits, to pick a different speaker from. */
function SpeakerChoice({
  current,
  options,
  onChoose,
}: {
  current: string | null;
  options: SpeakerMention[];
  onChoose: (speaker: SpeakerMention | null) => void;
}) {
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
