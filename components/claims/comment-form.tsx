'use client';

import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { api } from '@/components/ui/api-client';
import { useApiAction } from '@/components/ui/use-api-action';
import { FormError } from '@/components/ui/form-messages';
import { COMMENT_MAX } from '@/lib/claims/limits';
import { MentionTextarea } from '@/components/notifications/mention-textarea';

/** Adds a comment to a claim's history (any role), then refreshes the page's server data. */
export function CommentForm({ claimId }: { claimId: number }) {
  const router = useRouter();
  const [comment, setComment] = useState('');
  const { busy, error, onSubmit } = useApiAction({ fallback: 'Could not add the comment.' });

  const submit = onSubmit(async () => {
    await api(`/api/claims/${claimId}/events`, { body: { comment } });
    setComment('');
    router.refresh();
  });

  return (
    <form className="comment-form stack" onSubmit={submit}>
      <label>
        Add a comment
        <MentionTextarea name="comment" rows={3} value={comment} onChange={(e) => setComment(e.target.value)} maxLength={COMMENT_MAX} required />
      </label>
      <FormError message={error} />
      <div className="actions">
        <button type="submit" disabled={busy || !comment.trim()}>
          Comment
        </button>
      </div>
    </form>
  );
}
