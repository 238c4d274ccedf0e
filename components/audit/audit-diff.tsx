import { AUDIT_FIELD_LABELS } from '@/lib/audit/audit-actions';
import type { AuditDiff } from '@/lib/audit/record-audit';

const isEmpty = (value: unknown) => value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

function show(value: unknown): string {
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) return value.join(' → ');
  return String(value);
}

function Value({ value, kind }: { value: unknown; kind: 'from' | 'to' }) {
  if (isEmpty(value)) return <span className="muted">—</span>;
  return kind === 'from' ? <del>{show(value)}</del> : <ins>{show(value)}</ins>;
}

/** The changed fields of one audit event: field, old value (struck), new value. */
export function AuditDiffTable({ diff }: { diff: AuditDiff }) {
  return (
    <table className="diff-table audit-diff">
      <tbody>
        {Object.entries(diff).map(([field, change]) => (
          <tr key={field}>
            <th scope="row">{AUDIT_FIELD_LABELS[field] ?? field}</th>
            <td>
              <Value value={change.from} kind="from" />
            </td>
            <td>
              <Value value={change.to} kind="to" />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
