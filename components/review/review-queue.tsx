'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { useRouter } from 'next/navigation';
import { api } from '@/components/ui/api-client';
import { useApiAction } from '@/components/ui/use-api-action';
import type { ClaimDto } from '@/components/annotator/types';
import { ReviewItem } from './review-item';
import { ShortcutHelp } from './shortcut-help';
import { age } from '@/components/claims/format';

type Decision = 'approve' | 'request_changes' | 'reject';
type Props = { initialItems: ClaimDto[]; articleTitles: Record<number, string>; now: number };

const DONE: Record<Decision, string> = { approve: 'Approved', request_changes: 'Sent back', reject: 'Rejected' };

/** True when a key press belongs to a text field rather than to the queue's shortcuts. */
function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === 'TEXTAREA' || el.tagName === 'INPUT' || el.tagName === 'SELECT' || el.isContentEditable);
}

/**
 * The keyboard-first review queue: j/k move, a approves, c requests changes, r rejects (both ask for a comment),
 * o opens the claim in its article, ? toggles the shortcut list. After a decision the next claim is selected.
 */
export function ReviewQueue({ initialItems, articleTitles, now }: Props) {
  const router = useRouter();
  const [items, setItems] = useState(initialItems);
  const [index, setIndex] = useState(0);
  const [mode, setMode] = useState<Exclude<Decision, 'approve'> | null>(null);
  const [comment, setComment] = useState('');
  const { busy, error, conflict, run, clear } = useApiAction();
  const [notice, setNotice] = useState<string | null>(null);
  const [help, setHelp] = useState(false);
  const listRef = useRef<HTMLOListElement>(null);
  const current = items[Math.min(index, items.length - 1)] as ClaimDto | undefined;
  const canDecide = current?.can.review ?? false;

  const move = useCallback(
    (delta: number) => {
      setIndex((i) => Math.max(0, Math.min(items.length - 1, i + delta)));
      setMode(null);
      clear();
    },
    [items.length, clear],
  );

  const decide = useCallback(
    async (action: Decision) => {
      if (!current || !canDecide || busy) return;
      await run(async () => {
        await api(`/api/claims/${current.id}/transitions`, {
          body: { action, version: current.version, ...(action === 'approve' ? {} : { comment }) },
        });
        // Removing the decided claim leaves the same index pointing at the next one.
        setItems((list) => list.filter((c) => c.id !== current.id));
        setIndex((i) => Math.max(0, Math.min(i, items.length - 2)));
        setNotice(`${DONE[action]}: “${current.claimText.slice(0, 80)}”`);
        setMode(null);
        setComment('');
      });
    },
    [current, canDecide, busy, comment, items.length, run],
  );

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.metaKey || e.ctrlKey || e.altKey) return;
      if (typing(e.target)) {
        if (e.key === 'Escape') setMode(null);
        return;
      }
      const key = e.key;
      if (key === '?') setHelp((h) => !h);
      else if (key === 'Escape') {
        setHelp(false);
        setMode(null);
      }
      else if (key === 'j' || key === 'ArrowDown') move(1);
      else if (key === 'k' || key === 'ArrowUp') move(-1);
      // While a comment box is open, a stray "a" must not approve the claim the reviewer is writing about.
      else if (key === 'a' && canDecide && !mode) void decide('approve');
      else if (key === 'c' && canDecide) setMode('request_changes');
      else if (key === 'r' && canDecide) setMode('reject');
      else if (key === 'o' && current) router.push(`/articles/${current.articleId}?claim=${current.id}`);
      else return;
      e.preventDefault();
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [move, decide, current, canDecide, mode, router]);

  useEffect(() => {
    listRef.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [index]);

  return (
    <div className="review-queue">
      <p className="sr-status" role="status" aria-live="polite">
        {notice}
      </p>
      {help && <ShortcutHelp onClose={() => setHelp(false)} />}
      {items.length === 0 ? (
        <div className="empty-queue">
          <p>Nothing waiting for review.</p>
          {/* A full reload: the queue keeps its own list once mounted, so a soft refresh would not show new claims. */}
          <button type="button" onClick={() => window.location.reload()}>
            Check again
          </button>
        </div>
      ) : (
        <div className="queue-layout">
          <ol className="queue-list" role="listbox" aria-label="Claims in review" ref={listRef}>
            {items.map((c, i) => (
              <li
                key={c.id}
                role="option"
                aria-selected={c.id === current?.id}
                className={c.id === current?.id ? 'selected' : undefined}
                onClick={() => {
                  setIndex(i);
                  setMode(null);
                  clear();
                }}
              >
                <span className="queue-text">{c.claimText}</span>
                <span className="queue-meta">
                  {articleTitles[c.articleId] ?? `Article ${c.articleId}`} · {c.authorName} · waiting {age(c.updatedAt, now)}
                </span>
              </li>
            ))}
          </ol>
          {current && (
            <ReviewItem
              claim={current}
              articleTitle={articleTitles[current.articleId]}
              canDecide={canDecide}
              mode={mode}
              comment={comment}
              busy={busy}
              error={error}
              conflict={conflict}
              onComment={setComment}
              onMode={setMode}
              onDecide={(a) => void decide(a)}
              onReload={() => window.location.reload()}
            />
          )}
        </div>
      )}
    </div>
  );
}
