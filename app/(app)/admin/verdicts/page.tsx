import Link from 'next/link';
import { forbidden } from 'next/navigation';
import { pageActor } from '@/lib/auth/page-actor';
import { can } from '@/lib/auth/permissions';
import { listVerdicts } from '@/lib/verdicts/list-verdicts';
import { VerdictScaleEditor } from './verdict-scale-editor';

export const metadata = { title: 'Verdict scale' };

export default async function VerdictsPage() {
  const actor = await pageActor();
  if (!can(actor, 'verdict:manage')) forbidden();
  return (
    <div className="page">
      <p className="crumbs">
        <Link href="/admin">Admin</Link>
      </p>
      <div className="page-head">
        <h1>Verdict scale</h1>
      </div>
      <p className="muted">
        The ratings reviewers choose from, best first. The rating is ClaimReview&apos;s ratingValue (1 = worst), so keep it in the scale&apos;s order;
        mark verdicts outside the true/false axis (such as Unproven) <em>unrated</em>: ClaimReview then names them without a ratingValue. A verdict
        that claims use cannot be deleted; retire it to stop its use on new claims.
      </p>
      <VerdictScaleEditor initial={await listVerdicts({ actor })} />
    </div>
  );
}
