import Link from 'next/link';
import { notFound } from 'next/navigation';
import { pageActor } from '@/lib/auth/page-actor';
import { getClaimFamily } from '@/lib/matching/get-family';
import { AppError } from '@/lib/errors';
import { VerdictBadge } from '@/components/ui/verdict-badge';
import { StatusBadge } from '@/components/ui/status-badge';

export const metadata = { title: 'Claim family' };

/** Every appearance of a claim across articles (its linked family), with status and verdict. */
export default async function ClaimFamilyPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await pageActor();
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) notFound();
  let family;
  try {
    family = await getClaimFamily({ actor, claimId: id });
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  }
  const verified = family.members.filter((m) => m.status === 'verified').length;
  return (
    <div className="page family-page">
      <p className="crumbs">
        <Link href="/claims">Claims</Link> · <Link href={`/claims/${id}`}>Claim #{id}</Link>
      </p>
      <div className="page-head">
        <h1>Claim family</h1>
      </div>
      <p className="meta">
        {family.familyId === null
          ? 'This claim is not linked to claims in other articles yet. Link matches from its "Seen before" panel.'
          : `${family.members.length} appearances in ${new Set(family.members.map((m) => m.articleId)).size} articles · ${verified} verified`}
      </p>
      <ol className="family-list">
        {family.members.map((m) => (
          <li key={m.claimId} className={`family-card${m.claimId === id ? ' current' : ''}`}>
            <p className="family-text">
              <Link href={`/claims/${m.claimId}`}>{m.text}</Link>
              {m.claimant && <span className="claimant"> — {m.claimant}</span>}
            </p>
            <p className="claim-badges">
              <StatusBadge status={m.status} /> <VerdictBadge label={m.verdict?.label ?? null} color={m.verdict?.color ?? null} />
              {m.reusedFromClaimId && <span className="badge reused">Verdict reused from #{m.reusedFromClaimId}</span>}
            </p>
            <p className="meta">
              <Link href={`/articles/${m.articleId}?claim=${m.claimId}`}>{m.articleTitle}</Link> · {m.articleDate}
              {m.articleUrl && (
                <>
                  {' · '}
                  <a href={m.articleUrl} target="_blank" rel="noopener noreferrer nofollow">
                    Original
                  </a>
                </>
              )}
            </p>
          </li>
        ))}
      </ol>
    </div>
  );
}
