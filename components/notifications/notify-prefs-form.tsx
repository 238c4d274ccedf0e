'use client';

import { useState } from 'react';
import { api } from '@/components/ui/api-client';
import { useApiAction } from '@/components/ui/use-api-action';
import { FormError } from '@/components/ui/form-messages';
import { useFeedback } from '@/components/ui/feedback';
import { NOTIFICATION_TYPES, type NotificationType } from '@/db/enums';
import { NOTIFICATION_LABELS } from './labels';

/** One checkbox per kind of notification (checked = wanted), saved with PUT /api/account/notifications. */
export function NotifyPrefsForm({ off }: { off: NotificationType[] }) {
  const [muted, setMuted] = useState(new Set(off));
  const { busy, error, onSubmit } = useApiAction({ fallback: 'Could not save the notification settings.' });
  const { toast } = useFeedback();
  return (
    <form
      className="stack"
      onSubmit={onSubmit(async () => {
        const saved = await api<{ off: NotificationType[] }>('/api/account/notifications', { method: 'PUT', body: { off: [...muted] } });
        setMuted(new Set(saved.off));
        toast('Notification settings saved.');
      })}
    >
      <fieldset className="notify-prefs">
        <legend>Notify me when</legend>
        {NOTIFICATION_TYPES.map((type) => (
          <label key={type} className="inline">
            <input
              type="checkbox"
              name={type}
              checked={!muted.has(type)}
              onChange={(e) => {
                const next = new Set(muted);
                if (e.target.checked) next.delete(type);
                else next.add(type);
                setMuted(next);
              }}
            />{' '}
            {NOTIFICATION_LABELS[type].setting}
          </label>
        ))}
      </fieldset>
      <FormError message={error} />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          Save notification settings
        </button>
      </div>
    </form>
  );
}
