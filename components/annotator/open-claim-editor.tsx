'use client';

import { useEffect, useState } from 'react';
import { api, messageOf } from '@/components/ui/api-client';
import type { VerdictDto } from '@/components/sources/types';
import { ClaimEditor } from './claim-editor';
import { isFullClaim, type ClaimDto, type ClaimSummaryDto } from './types';

type Props = {
  claim: ClaimSummaryDto | ClaimDto;
  verdicts: VerdictDto[];
  onChanged: (c: ClaimDto) => void;
  onDeleted: (id: number) => void;
};

/** The editor of the selected claim, loading its full record (sources, rationale, context) when the list has only a summary. */
export function OpenClaimEditor({ claim, verdicts, onChanged, onDeleted }: Props) {
  const [loaded, setLoaded] = useState<{ claim: ClaimDto } | { error: string } | null>(null);
  const needsFetch = !isFullClaim(claim);

  useEffect(() => {
    if (!needsFetch) return;
    let live = true;
    api<ClaimDto>(`/api/claims/${claim.id}`)
      .then((full) => live && setLoaded({ claim: full }))
      .catch((e) => live && setLoaded({ error: messageOf(e, 'Could not load the claim.') }));
    return () => {
      live = false;
    };
  }, [needsFetch, claim.id, claim.version]);

  if (isFullClaim(claim)) return <ClaimEditor claim={claim} verdicts={verdicts} onChanged={onChanged} onDeleted={onDeleted} />;
  if (loaded && 'error' in loaded) return <p className="form-error">{loaded.error}</p>;
  if (!loaded || loaded.claim.id !== claim.id) return <p className="muted claim-loading">Loading claim…</p>;
  return <ClaimEditor claim={loaded.claim} verdicts={verdicts} onChanged={onChanged} onDeleted={onDeleted} />;
}
