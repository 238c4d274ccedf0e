import { textColourOn } from '@/lib/colour/contrast';

/**
 * A verdict label on its scale colour, in white or black text, whichever reads better on that colour (admins pick
 * the colours); nothing when there is no verdict (callers choose their own fallback).
 */
export function VerdictBadge({ label, color, prefix = '' }: { label: string | null; color: string | null; prefix?: string }) {
  if (!label) return null;
  return (
    <span className="badge verdict" style={color ? { background: color, color: textColourOn(color) } : undefined}>
      {prefix}
      {label}
    </span>
  );
}
