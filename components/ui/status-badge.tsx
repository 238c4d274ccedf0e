import { STATUS_LABELS } from '@/components/labels';

/** A claim status as a badge: its colour and shape come from the `status-…` class, its words from STATUS_LABELS. */
export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge status-${status}`}>{STATUS_LABELS[status] ?? status}</span>;
}
