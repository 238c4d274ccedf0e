import type { EventDiff, FieldChange, ListChange, ReviewAction } from '@/db/enums';

/** Review decisions that come with a comment asking for something; the edits after one answer it. */
const REVIEW_DECISIONS: readonly ReviewAction[] = ['changes_requested', 'rejected', 'reopened'];

/** The parts of a history event this module reads (the API's events, dates as strings or Dates). */
type EventLike = { action: ReviewAction; diff: EventDiff | null };

/**
 * The claim's latest review decision with a comment (changes requested, rejected, reopened) and the net change of
 * its fields since: a field edited back to its old value drops out, and a source attached then detached again
 * cancels. `review` is null when the claim was never sent back; the history is oldest first, as the API gives it.
 */
export function changesSinceReview<E extends EventLike>(events: readonly E[]): { review: E | null; changes: EventDiff } {
  let at = -1;
  events.forEach((e, i) => {
    if (REVIEW_DECISIONS.includes(e.action)) at = i;
  });
  if (at < 0) return { review: null, changes: {} };
  const fields = new Map<string, FieldChange>();
  const lists = new Map<string, { added: Set<string>; removed: Set<string> }>();
  for (const e of events.slice(at + 1)) {
    if (e.action !== 'edited' || !e.diff) continue;
    for (const [field, change] of Object.entries(e.diff)) {
      const list = listChange(change);
      if (list) {
        const net = lists.get(field) ?? { added: new Set<string>(), removed: new Set<string>() };
        for (const v of list.added) if (!net.removed.delete(v)) net.added.add(v);
        for (const v of list.removed) if (!net.added.delete(v)) net.removed.add(v);
        lists.set(field, net);
      } else {
        const plain = change as FieldChange;
        fields.set(field, { from: fields.get(field)?.from ?? plain.from, to: plain.to });
      }
    }
  }
  const changes: EventDiff = {};
  for (const [field, c] of fields) if (JSON.stringify(c.from ?? null) !== JSON.stringify(c.to ?? null)) changes[field] = c;
  for (const [field, net] of lists) if (net.added.size + net.removed.size) changes[field] = { added: [...net.added], removed: [...net.removed] };
  return { review: events[at], changes };
}

/**
 * A list change as added/removed; older events stored the whole list before and after (`{from: [...], to: [...]}`),
 * which is turned into the same shape so both read alike. Null for a plain field change.
 */
export function listChange(change: FieldChange | ListChange): ListChange | null {
  if ('added' in change) return change;
  if (!Array.isArray(change.from) || !Array.isArray(change.to)) return null;
  const from = change.from.map(String);
  const to = change.to.map(String);
  return { added: to.filter((v) => !from.includes(v)), removed: from.filter((v) => !to.includes(v)) };
}
