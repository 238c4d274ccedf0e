'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { useRouter } from 'next/navigation';
import { api } from '@/components/ui/api-client';
import { useApiAction } from '@/components/ui/use-api-action';
import { excerpt, useFeedback } from '@/components/ui/feedback';
import { useKeymap } from '@/components/ui/keymap-context';
import { isShortcut } from '@/lib/shortcuts/keymap';
import type { ClaimDto } from '@/components/annotator/types';
import { ReviewItem, type Decision } from './review-item';
import { ShortcutHelp } from './shortcut-help';
import { age } from '@/components/claims/format';
import { useLiveRefetch } from '@/components/live/use-live-refetch';
import { LiveCue } from '@/components/live/live-cue';

type Props = {
  initialItems: ClaimDto[];
  articleTitles: Record<number, string>;
  verdictLabels: Record<number, string>;
  now: number;
  /** GET /api/claims parameters of this page of the queue: fetched again when a claim changes (live updates). */
  liveQuery: Record<string, string>;
  viewerId: number;
  /** The signed-in reviewer, for the assign-to-me key. */
  me: { id: number; name: string };
};

const DONE: Record<Decision, string> = { approve: 'Approved', request_changes: 'Sent back', reject: 'Rejected' };

/** True when a key press belongs to a text field rather than to the queue's shortcuts. */
function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === 'TEXTAREA' || el.tagName === 'INPUT' || el.tagName === 'SELECT' || el.isContentEditable);
}

/**
 * The keyboard-first review queue (keys from the user's keymap; defaults): j/k move, a asks to approve and a second
 * a (or Enter on the focused Confirm button) approves, c requests changes, r rejects (both ask for a comment), o opens
 * the claim in its article, ? toggles the shortcut list. After a decision the next claim is selected and focused.
 */
export function ReviewQueue({ initialItems, articleTitles, verdictLabels, now, liveQuery, viewerId, me }: Props) {
  const router = useRouter();
  const keymap = useKeymap();
  const { toast } = useFeedback();
  const [items, setItems] = useState(initialItems);
  const [index, setIndex] = useState(0);
  // 'approve' is the confirm step: nothing is published until it is passed.
  const [mode, setMode] = useState<Decision | null>(null);
  const [comment, setComment] = useState('');
  const { busy, error, conflict, run, clear } = useApiAction();
  const [help, setHelp] = useState(false);
  const listRef = useRef<HTMLOListElement>(null);
  const layoutRef = useRef<HTMLDivElement>(null);
  /** Set by a decision: the next claim's title takes focus once it is shown, so focus never falls to the page. */
  const focusNext = useRef(false);
  const current = items[Math.min(index, items.length - 1)] as ClaimDto | undefined;
  const canDecide = current?.can.review ?? false;
  const currentId = useRef<number | undefined>(undefined);
  useEffect(() => {
    currentId.current = current?.id;
  });
  const liveCue = useLiveRefetch({
    articleId: liveQuery.articleId ? Number(liveQuery.articleId) : undefined,
    viewerId,
    refetch: async () => {
      const page = await api<{ items: ClaimDto[] }>(`/api/claims?${new URLSearchParams(liveQuery)}`).catch(() => null);
      if (!page) return;
      // The claim in front of the reviewer stays selected wherever it moved; gone, the next one takes its place.
      const at = page.items.findIndex((c) => c.id === currentId.current);
      setItems(page.items);
      setIndex((i) => (at >= 0 ? at : Math.max(0, Math.min(i, page.items.length - 1))));
    },
  });

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
        toast(`${DONE[action]}: ${excerpt(current.claimText, 80)}`);
        setMode(null);
        setComment('');
        focusNext.current = true;
      });
    },
    [current, canDecide, busy, comment, items.length, run, toast],
  );

  /** Takes the current claim (or lets it go when it is already the reviewer's), keeping it in the list. */
  const assignToMe = useCallback(async () => {
    if (!current || busy) return;
    const mine = current.assigneeId === me.id;
    await run(async () => {
      const updated = await api<ClaimDto>(`/api/claims/${current.id}`, {
        method: 'PATCH',
        body: { version: current.version, assigneeId: mine ? null : me.id },
      });
      setItems((list) => list.map((c) => (c.id === updated.id ? updated : c)));
      toast(mine ? 'Unassigned.' : `Assigned to you: ${excerpt(current.claimText, 80)}`);
    });
  }, [current, busy, me.id, run, toast]);

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (typing(e.target)) {
        if (e.key === 'Escape') setMode(null);
        return;
      }
      if (e.metaKey || e.ctrlKey || e.altKey) return;
      if (e.key === 'Escape') {
        setHelp(false);
        setMode(null);
      } else if (e.key === 'ArrowDown' || isShortcut(e, keymap, 'queue.next')) move(1);
      else if (e.key === 'ArrowUp' || isShortcut(e, keymap, 'queue.previous')) move(-1);
      else if (isShortcut(e, keymap, 'queue.help')) setHelp((h) => !h);
      // The approve key asks first; pressed again on the question, it approves. While a comment box is open it does nothing.
      else if (isShortcut(e, keymap, 'queue.approve') && canDecide && (mode === null || mode === 'approve')) {
        if (mode === 'approve') void decide('approve');
        else setMode('approve');
      } else if (isShortcut(e, keymap, 'queue.changes') && canDecide) setMode('request_changes');
      else if (isShortcut(e, keymap, 'queue.reject') && canDecide) setMode('reject');
      else if (isShortcut(e, keymap, 'queue.open') && current) router.push(`/articles/${current.articleId}?claim=${current.id}`);
      else if (isShortcut(e, keymap, 'queue.assign') && current && mode === null) void assignToMe();
      else return;
      e.preventDefault();
    }
    window.addEventListener('keydown', onKey);
    // Marks that keys work now: the server-rendered list shows before this listener exists, and earlier keys are lost.
    layoutRef.current?.setAttribute('data-keys-ready', '');
    return () => window.removeEventListener('keydown', onKey);
  }, [move, decide, current, canDecide, mode, router, keymap, assignToMe]);

  useEffect(() => {
    listRef.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [index]);

  useEffect(() => {
    if (!focusNext.current) return;
    focusNext.current = false;
    layoutRef.current?.querySelector<HTMLElement>('.review-item h2, .empty-queue p')?.focus();
  }, [items]);

  return (
    <div className="review-queue" ref={layoutRef}>
      <LiveCue message={liveCue} />
      {help && <ShortcutHelp keymap={keymap} onClose={() => setHelp(false)} />}
      {items.length === 0 ? (
        <div className="empty-queue">
          <p tabIndex={-1}>Nothing waiting for review.</p>
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
                <span className="queue-assignee">
                  {c.assigneeName ? `Assigned to ${c.assigneeId === me.id ? 'you' : c.assigneeName}` : 'Unassigned'}
                </span>
              </li>
            ))}
          </ol>
          {current && (
            <ReviewItem
              claim={current}
              articleTitle={articleTitles[current.articleId]}
              verdictLabels={verdictLabels}
              keymap={keymap}
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
