'use client';

import { useState } from 'react';

/** Shows a one-time set-password link once, as a full URL with a copy button. */
export function OneTimeLink({ path, who }: { path: string; who: string }) {
  const url = typeof window === 'undefined' ? path : `${window.location.origin}${path}`;
  const [copied, setCopied] = useState(false);
  return (
    <div className="secret-once" role="status">
      <p>
        Send this link to <strong>{who}</strong>. It works once, for 72 hours, and will not be shown again.
      </p>
      <div className="secret-row">
        <input readOnly value={url} aria-label="One-time set-password link" onFocus={(e) => e.currentTarget.select()} />
        <button
          type="button"
          onClick={() => {
            void navigator.clipboard?.writeText(url).then(() => setCopied(true));
          }}
        >
          {copied ? 'Copied' : 'Copy'}
        </button>
      </div>
    </div>
  );
}
