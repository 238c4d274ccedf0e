'use client';

import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { api, ApiError } from '@/components/ui/api-client';
import { COMMENT_MAX } from '@/lib/claims/limits';

/** Adds a comment to a claim's history (any role), then refreshes the page's server data. */
export function CommentForm({ claimId }: { claimId: number }) {
  const router = useRouter();
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api(`/api/claims/${claimId}/events`, { body: { comment } });
      setComment('');
      router.refresh();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'Could not add the comment.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="comment-form stack" onSubmit={submit}>
      <label>
        Add a comment
        <textarea name="comment" rows={3} value={comment} onChange={(e) => setComment(e.target.value)} maxLength={COMMENT_MAX} required />
      </label>
      {error && <p className="form-error" role="alert">{error}</p>}
      <div className="actions">
        <button type="submit" disabled={busy || !comment.trim()}>
          Comment
        </button>
      </div>
    </form>
  );
}
