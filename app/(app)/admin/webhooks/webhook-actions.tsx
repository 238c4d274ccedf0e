'use client';

import { useRouter } from 'next/navigation';
import { api } from '@/components/ui/api-client';
import { useApiAction } from '@/components/ui/use-api-action';
import { FormError } from '@/components/ui/form-messages';

/** Pause or resume a webhook, or delete it with its log (after a confirm). */
export function WebhookActions({ id, url, active }: { id: number; url: string; active: boolean }) {
  const router = useRouter();
  const { busy, error, run } = useApiAction({ onSuccess: () => router.refresh() });
  return (
    <div className="actions">
      <button
        type="button"
        disabled={busy}
        onClick={() => void run(() => api(`/api/webhooks/${id}`, { method: 'PATCH', body: { active: !active } }))}
      >
        {active ? 'Pause' : 'Resume'}
      </button>
      <button
        type="button"
        className="danger"
        disabled={busy}
        onClick={() => {
          if (window.confirm(`Delete the webhook to ${url} and its delivery log?`)) void run(() => api(`/api/webhooks/${id}`, { method: 'DELETE' }));
        }}
      >
        Delete
      </button>
      <FormError message={error} className="field-error" />
    </div>
  );
}
