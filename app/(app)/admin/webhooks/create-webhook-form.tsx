'use client';

import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { WEBHOOK_EVENTS, type WebhookEvent } from '@/db/enums';
import { api } from '@/components/ui/api-client';
import { useApiAction } from '@/components/ui/use-api-action';
import { FieldError, FormError, FormOk, SubmitButton } from '@/components/ui/form-messages';
import { WEBHOOK_SECRET_MAX, WEBHOOK_SECRET_MIN, WEBHOOK_URL_MAX } from '@/lib/webhooks/limits';

const EVENT_LABELS: Record<WebhookEvent, string> = {
  'claim.verified': 'A claim is verified',
  'claim.rejected': 'A claim is rejected',
  'claim.verdict_changed': 'A verified claim is verified again with another verdict or rationale',
  'article.new_version': 'An article gets a new version',
};

/** 32 random bytes as hex: a signing secret nobody has to invent. */
function randomSecret(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(32)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Registers a webhook: its URL, the signing secret (shown only here) and the events it receives. */
export function CreateWebhookForm() {
  const router = useRouter();
  const [secret, setSecret] = useState('');
  const [created, setCreated] = useState<string | null>(null);
  const { busy, error, fields, onSubmit } = useApiAction({ onSuccess: () => router.refresh(), fallback: 'Could not add the webhook.' });

  const submit = onSubmit(async (data, form) => {
    setCreated(null);
    const body = { url: String(data.get('url') ?? ''), secret, events: data.getAll('events').map(String) };
    await api<{ id: number }>('/api/webhooks', { body });
    setCreated(body.url);
    form.reset();
    setSecret('');
  });
  return (
    <form className="stack" onSubmit={submit}>
      <label>
        Receiver URL
        <input name="url" type="url" required maxLength={WEBHOOK_URL_MAX} placeholder="https://cms.example.org/claimdesk" autoComplete="off" />
        <FieldError message={fields.url} />
      </label>
      <label>
        Signing secret{' '}
        <span className="hint">at least {WEBHOOK_SECRET_MIN} characters; the receiver checks signatures with it, and it is not shown again</span>
        <span className="secret-row">
          <input
            name="secret"
            required
            minLength={WEBHOOK_SECRET_MIN}
            maxLength={WEBHOOK_SECRET_MAX}
            autoComplete="off"
            value={secret}
            onChange={(e) => setSecret(e.target.value)}
          />
          <button type="button" onClick={() => setSecret(randomSecret())}>
            Generate
          </button>
        </span>
        <FieldError message={fields.secret} />
      </label>
      <fieldset className="webhook-events">
        <legend>Events</legend>
        {WEBHOOK_EVENTS.map((e) => (
          <label key={e} className="inline">
            <input type="checkbox" name="events" value={e} defaultChecked={e === 'claim.verified'} /> {EVENT_LABELS[e]} <code>{e}</code>
          </label>
        ))}
        <FieldError message={fields.events} />
      </fieldset>
      <FormError message={error} />
      {created && <FormOk>Added {created}. Keep the secret where the receiver can use it; Claimdesk will not show it again.</FormOk>}
      <div className="actions">
        <SubmitButton busy={busy} busyLabel="Adding…">
          Add webhook
        </SubmitButton>
      </div>
    </form>
  );
}
