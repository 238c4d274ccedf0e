import Link from 'next/link';

/** Tells the reviewer that the verdict, rationale and sources were copied from another (verified) claim. */
export function ReusedNote({ fromClaimId }: { fromClaimId: number | null }) {
  if (fromClaimId === null) return null;
  return (
    <p className="reused-note">
      <span className="badge reused">Reused</span> Verdict, rationale and sources copied from{' '}
      <Link href={`/claims/${fromClaimId}`}>claim #{fromClaimId}</Link>; check that they still apply.
    </p>
  );
}
