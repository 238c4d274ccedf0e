import type { ClaimEvent } from '@/lib/review/list-events';
import type { EventDiff, FieldChange, ListChange } from '@/db/enums';
import { ACTION_LABELS, FIELD_LABELS } from '@/components/labels';
import { MarkdownText } from '@/components/ui/markdown-text';
import { listChange } from '@/lib/review/changes-since-review';
import { formatDateTime } from './format';
import { StatusBadge } from '@/components/ui/status-badge';

type EventDto = Omit<ClaimEvent, 'createdAt'> & { createdAt: Date | string };

const isEmpty = (value: unknown) => value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

function Value({ value, verdicts, field, kind }: { value: unknown; verdicts: Record<number, string>; field: string; kind: 'from' | 'to' }) {
  if (isEmpty(value)) return <span className="muted">—</span>;
  const text = show(value, verdicts, field);
  // Rationales are Markdown: shown formatted inside the del/ins that mark them as old or new.
  const shown = field === 'rationale' ? <MarkdownText text={text} /> : text;
  return kind === 'from' ? <del>{shown}</del> : <ins>{shown}</ins>;
}

function show(value: unknown, verdicts: Record<number, string>, field: string): string {
  if (field === 'verdictId' && typeof value === 'number') return verdicts[value] ?? `#${value}`;
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}

// A no-break space keeps the sign on the line of the URL it belongs to when a narrow screen wraps it.
function ListDiff({ change }: { change: ListChange }) {
  if (change.added.length + change.removed.length === 0) return <span className="muted">no change</span>;
  return (
    <ul className="list-diff">
      {change.added.map((v) => (
        <li key={`+${v}`}>
          <ins>
            {'+\u00a0'}
            {v}
          </ins>
        </li>
      ))}
      {change.removed.map((v) => (
        <li key={`-${v}`}>
          <del>
            {'−\u00a0'}
            {v}
          </del>
        </li>
      ))}
    </ul>
  );
}

function DiffRow({ field, change, verdicts }: { field: string; change: FieldChange | ListChange; verdicts: Record<number, string> }) {
  const list = listChange(change);
  const plain = change as FieldChange;
  return (
    <tr>
      <th scope="row">{FIELD_LABELS[field] ?? field}</th>
      {list ? (
        <td colSpan={2}>
          <ListDiff change={list} />
        </td>
      ) : (
        <>
          <td>
            <Value value={plain.from} verdicts={verdicts} field={field} kind="from" />
          </td>
          <td>
            <Value value={plain.to} verdicts={verdicts} field={field} kind="to" />
          </td>
        </>
      )}
    </tr>
  );
}

/** Changed fields as rows: the field, its old value (struck) and its new one; a list as what was added and removed. */
export function DiffTable({ diff, verdicts }: { diff: EventDiff; verdicts: Record<number, string> }) {
  return (
    <table className="diff-table">
      <tbody>
        {/* An assignment carries the names beside the ids; the names are the readable half. */}
        {Object.entries(diff)
          .filter(([field]) => !(field === 'assigneeId' && 'assignee' in diff))
          .map(([field, change]) => (
            <DiffRow key={field} field={field} change={change} verdicts={verdicts} />
          ))}
      </tbody>
    </table>
  );
}

/** A claim's audit trail, oldest first: who did what when, status moves, comments and field diffs (read-only). */
export function ClaimHistory({ events, verdicts }: { events: EventDto[]; verdicts: Record<number, string> }) {
  if (events.length === 0) return <p className="muted">No history.</p>;
  return (
    <ol className="timeline" aria-label="History">
      {events.map((e) => (
        <li key={e.id} className={`timeline-item action-${e.action}`}>
          <div className="timeline-head">
            <strong>{e.actorName}</strong> {ACTION_LABELS[e.action] ?? e.action}
            {e.fromStatus !== e.toStatus && e.toStatus && (
              <span className="status-move">
                {e.fromStatus && <StatusBadge status={e.fromStatus} />}
                {e.fromStatus && ' → '}
                <StatusBadge status={e.toStatus} />
              </span>
            )}
            <time className="muted" dateTime={new Date(e.createdAt).toISOString()}>
              {formatDateTime(e.createdAt)}
            </time>
          </div>
          {e.comment && <p className="timeline-comment">{e.comment}</p>}
          {e.diff && Object.keys(e.diff).length > 0 && <DiffTable diff={e.diff} verdicts={verdicts} />}
        </li>
      ))}
    </ol>
  );
}
