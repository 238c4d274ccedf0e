'use client';

import { useEffect, useRef, useState } from 'react';
import { OpenClaimEditor } from './open-claim-editor';
import { TYPE_LABELS } from '@/components/labels';
import type { ClaimDto, ClaimSummaryDto } from './types';
import type { VerdictDto } from '@/components/sources/types';
import { VerdictBadge } from '@/components/ui/verdict-badge';
import { StatusBadge } from '@/components/ui/status-badge';
import { StaleNotice } from '@/components/live/stale-notice';
import type { StaleClaim } from '@/components/live/use-live-claims';

type Props = {
  claims: (ClaimSummaryDto | ClaimDto)[];
  selectedId: number | null;
  verdicts: VerdictDto[];
  onSelect: (id: number) => void;
  onChanged: (c: ClaimDto) => void;
  onDeleted: (id: number) => void;
  /** Esc inside a card: back to the claim's words in the article. */
  onReturnToText: (c: ClaimSummaryDto) => void;
  /** Changes when what is above the list changes height (suggestions arriving): the selected card is brought back into view. */
  layoutKey?: unknown;
  /** The selected claim changed under its editor (live updates): a notice above its form. */
  stale?: (StaleClaim & { onReload: () => void; onKeep: () => void }) | null;
  /** While the selected claim is stale, its form stays on the version it was opened on. */
  pinned?: ClaimSummaryDto | ClaimDto | null;
};

const LIST_PAGE = 100;

/** The claims of an article in document order; the selected one opens its editor. Esc in a card returns to the text. */
export function ClaimPanel({ claims, selectedId, verdicts, onSelect, onChanged, onDeleted, onReturnToText, layoutKey, stale, pinned }: Props) {
  const selectedRef = useRef<HTMLLIElement>(null);
  const [showAll, setShowAll] = useState(false);
  // Long lists render the first claims only (plus the selected one) so opening a heavily annotated article stays quick.
  const selectedIndex = claims.findIndex((c) => c.id === selectedId);
  const shown = showAll || claims.length <= LIST_PAGE ? claims : claims.slice(0, Math.max(LIST_PAGE, selectedIndex + 1));
  useEffect(() => {
    selectedRef.current?.scrollIntoView({ block: 'nearest' });
  }, [selectedId, layoutKey]);

  return (
    <section className="panel-section">
      {/* Focus lands here when the focused claim is deleted. */}
      <h2 id="claims-heading" tabIndex={-1}>
        Claims <span className="count">{claims.length}</span>
      </h2>
      {claims.length === 0 && <p className="muted">No claims yet.</p>}
      <ol className="claim-list">
        {shown.map((c) => (
          <li
            key={c.id}
            ref={c.id === selectedId ? selectedRef : undefined}
            className={`claim-card status-${c.status}${c.id === selectedId ? ' selected' : ''}`}
            data-claim-id={c.id}
            onKeyDown={(e) => {
              // A key another control already used (closing a list, a dialog) is not a request to leave the card.
              if (e.key !== 'Escape' || e.defaultPrevented) return;
              e.preventDefault();
              onReturnToText(c);
            }}
          >
            <button type="button" className="claim-card-head" onClick={() => onSelect(c.id)} aria-expanded={c.id === selectedId}>
              <span className={`badge type-${c.type}`}>{TYPE_LABELS[c.type]}</span>
              <StatusBadge status={c.status} />
              <VerdictBadge label={c.verdictLabel} color={c.verdictColor} />
              {c.orphaned && <span className="badge warn">Orphaned</span>}
              <span className="claim-card-text">{c.claimText}</span>
              {c.claimant && <span className="claimant">— {c.claimant}</span>}
            </button>
            {c.id === selectedId && stale?.claimId === c.id && <StaleNotice stale={stale} onReload={stale.onReload} onKeep={stale.onKeep} />}
            {c.id === selectedId && (
              <OpenClaimEditor claim={pinned?.id === c.id ? pinned : c} verdicts={verdicts} onChanged={onChanged} onDeleted={onDeleted} />
            )}
          </li>
        ))}
      </ol>
      {shown.length < claims.length && (
        <button type="button" className="show-all" onClick={() => setShowAll(true)}>
          Show all {claims.length} claims
        </button>
      )}
    </section>
  );
}
