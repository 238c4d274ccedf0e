'use client';

import type { StaleClaim } from './use-live-claims';

/** Shown on the open claim when someone else changed it since it was opened, before any save. */
export function StaleNotice({ stale, onReload, onKeep }: { stale: StaleClaim; onReload: () => void; onKeep: () => void }) {
  return (
    <div className="notice stale-notice" role="alert">
      <p>
        <strong>Changed by {stale.by}</strong> since you opened it. Saving your version will be refused until you reload.
      </p>
      <div className="actions">
        <button type="button" className="primary" onClick={onReload}>
          Reload the claim
        </button>
        <button type="button" onClick={onKeep}>
          Keep editing
        </button>
      </div>
    </div>
  );
}
