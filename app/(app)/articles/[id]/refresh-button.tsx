'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { api } from '@/components/ui/api-client';
import { useApiAction } from '@/components/ui/use-api-action';
import { FormError } from '@/components/ui/form-messages';

type RefreshResponse =
  | { changed: false; checkedAt: string }
  | { changed: true; checkedAt: string; article: { id: number }; kept: number; moved: number; fuzzy: number; orphaned: number };

const claims = (n: number) => `${n} claim${n === 1 ? '' : 's'}`;

/**
 * The "imported from a link" line with "Check for updates": fetches the link again and says what happened (nothing, or
 * a new version). Stays mounted when the page refreshes into an older version, so the outcome stays readable.
 */
export function RefreshButton({ articleId, checked, superseded }: { articleId: number; checked: string; superseded: boolean }) {
  const router = useRouter();
  const [result, setResult] = useState<RefreshResponse | null>(null);
  const { busy, error, run } = useApiAction();
  const check = () =>
    run(async () => {
      const response = await api<RefreshResponse>(`/api/articles/${articleId}/refresh`, { method: 'POST' });
      setResult(response);
      router.refresh(); // the last-checked time and version list on this page
    });
  return (
    <div className="link-check">
      <p className="meta">
        Imported from a link · {checked}
        {!superseded && (
          <>
            {' · '}
            <button type="button" className="link-button" onClick={check} disabled={busy}>
              {busy ? 'Checking…' : 'Check for updates'}
            </button>
          </>
        )}
      </p>
      <FormError message={error} />
      {result && !result.changed && (
        <p className="notice" role="status">
          No changes: the published text is the same as this version.
        </p>
      )}
      {result?.changed && (
        <p className="notice" role="status">
          The publisher changed the text; a new version was imported. {claims(result.kept + result.moved)} kept their words
          {result.fuzzy > 0 && `, ${result.fuzzy} had their words changed (reviewed ones go back to review)`}
          {result.orphaned > 0 && `, ${result.orphaned} could not be found (orphaned)`}.{' '}
          <Link href={`/articles/${result.article.id}/changes`}>See what changed</Link> ·{' '}
          <Link href={`/articles/${result.article.id}`}>Open the new version</Link>
        </p>
      )}
    </div>
  );
}
