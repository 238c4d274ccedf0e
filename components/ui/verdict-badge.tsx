/** A verdict label on its scale colour; nothing when there is no verdict (callers choose their own fallback). */
export function VerdictBadge({ label, color, prefix = '' }: { label: string | null; color: string | null; prefix?: string }) {
  if (!label) return null;
  return (
    <span className="badge verdict" style={{ background: color ?? undefined }}>
      {prefix}
      {label}
    </span>
  );
}
