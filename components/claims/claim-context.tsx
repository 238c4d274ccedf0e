/** The claim's words in their sentence: prefix and suffix muted around the highlighted exact text. */
export function ClaimContext({ prefix, exact, suffix }: { prefix: string; exact: string; suffix: string }) {
  return (
    <blockquote className="claim-context">
      {prefix && <span className="muted">…{prefix}</span>}
      <mark>{exact}</mark>
      {suffix && <span className="muted">{suffix}…</span>}
    </blockquote>
  );
}
