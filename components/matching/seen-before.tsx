'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useState } from 'react';
import { api } from '@/components/ui/api-client';
import { useApiAction } from '@/components/ui/use-api-action';
import { FormError } from '@/components/ui/form-messages';
import type { ClaimDto } from '@/components/annotator/types';
import { MATCH_RELATION_LABELS } from '@/components/labels';
import type { MatchDetail } from '@/lib/matching/find-matches';
import { loadSeenBefore } from './seen-before-actions';
import { variantWarning } from './variant-warning';
import { StatusBadge } from '@/components/ui/status-badge';

type Props = {
  /** With `can`, what the viewer may do to this claim (from the server). */
  claim: Pick<ClaimDto, 'id' | 'version' | 'familyId' | 'reusedFromClaimId' | 'can'>;
  /** Called with the claim after a reuse (the annotator updates its list); pages refresh instead. */
  onChanged?: (claim: ClaimDto) => void;
  /** Offer "Reuse verdict" (the marking views); the review view only shows and links. */
  allowReuse?: boolean;
};

/**
 * "Seen before": claims in other articles that state the same thing, best first, with article, date, status,
 * verdict and relation; link or unlink each as the same claim, and reuse a verified one's verdict into this draft.
 */
export function SeenBefore({ claim, onChanged, allowReuse = true }: Props) {
  const router = useRouter();
  const [matches, setMatches] = useState<MatchDetail[] | null>(null);
  const [familyId, setFamilyId] = useState(claim.familyId);
  const [loadError, setLoadError] = useState<string | null>(null);
  const reload = useCallback(() => {
    loadSeenBefore(claim.id).then(
      (r) => (r.ok ? (setMatches(r.matches), setFamilyId(r.familyId), setLoadError(null)) : setLoadError(r.message)),
      () => setLoadError('Could not look for earlier claims.'),
    );
  }, [claim.id]);
  useEffect(reload, [reload, claim.version]);
  const { busy, error, run } = useApiAction({ onSuccess: reload });

  const reusable = allowReuse && claim.can.reuseVerdict;
  const linked = (m: MatchDetail) => familyId !== null && m.familyId === familyId;

  const reuse = (m: MatchDetail) => {
    if (m.relation === 'variant' && !window.confirm(variantWarning(m.reasons))) return;
    void run(async () => {
      const updated = await api<ClaimDto>(`/api/claims/${claim.id}/reuse`, {
        body: { fromClaimId: m.claimId, version: claim.version, confirmVariant: m.relation === 'variant' },
      });
      if (onChanged) onChanged(updated);
      else router.refresh();
    });
  };

  return (
    <section className="seen-before" aria-label="Seen before">
      <h3>
        Seen before {matches && <span className="count">{matches.length}</span>}
        {familyId !== null && (
          <Link className="small-link" href={`/claims/${claim.id}/family`}>
            Claim family
          </Link>
        )}
      </h3>
      {loadError && <p className="form-error">{loadError}</p>}
      {!matches && !loadError && <p className="muted">Looking for this claim in other articles…</p>}
      {matches?.length === 0 && <p className="muted">Not seen in other articles.</p>}
      {matches && matches.length > 0 && (
        <ol className="match-list">
          {matches.map((m) => (
            <li key={m.claimId} className={`match-card match-card-${m.relation}`}>
              <div className="match-head">
                <span className={`badge match-${m.relation}`}>{MATCH_RELATION_LABELS[m.relation]}</span>
                <StatusBadge status={m.status} />
                {m.verdict && <span className="badge verdict-label">{m.verdict.label}</span>}
                {linked(m) && <span className="badge linked">Linked</span>}
              </div>
              <p className="match-text">
                <Link href={`/claims/${m.claimId}`}>{m.text}</Link>
              </p>
              <p className="meta">
                <Link href={`/articles/${m.articleId}?claim=${m.claimId}`}>{m.articleTitle}</Link> · {m.articleDate}
                {m.reasons.length > 0 && <span className="match-reasons"> · {m.reasons.join(', ')}</span>}
              </p>
              <div className="actions">
                {!claim.can.link ? null : linked(m) ? (
                  <button
                    type="button"
                    className="small"
                    disabled={busy}
                    onClick={() => void run(() => api(`/api/claims/${claim.id}/links/${m.claimId}`, { method: 'DELETE' }))}
                  >
                    Unlink
                  </button>
                ) : (
                  <button
                    type="button"
                    className="small"
                    disabled={busy}
                    onClick={() => void run(() => api(`/api/claims/${claim.id}/links`, { body: { claimId: m.claimId } }))}
                  >
                    Link as same claim
                  </button>
                )}
                {reusable && m.status === 'verified' && m.verdict && claim.reusedFromClaimId !== m.claimId && (
                  <button type="button" className={`small${m.relation === 'same' ? ' primary' : ''}`} disabled={busy} onClick={() => reuse(m)}>
                    Reuse verdict
                  </button>
                )}
              </div>
            </li>
          ))}
        </ol>
      )}
      <FormError message={error} />
    </section>
  );
}
