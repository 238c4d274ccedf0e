import { CLAIM_STATUSES } from '@/db/enums';
import { STATUS_LABELS } from '@/components/labels';

/** Small status pills with counts, e.g. for an article row or the dashboard. */
export function StatusCounts({ counts }: { counts: Partial<Record<string, number>> }) {
  const shown = CLAIM_STATUSES.filter((s) => (counts[s] ?? 0) > 0);
  if (shown.length === 0) return <span className="muted">No claims</span>;
  return (
    <span className="status-counts">
      {shown.map((s) => (
        <span key={s} className={`badge status status-${s}`} title={STATUS_LABELS[s]}>
          {STATUS_LABELS[s]} {counts[s]}
        </span>
      ))}
    </span>
  );
}
