import Link from 'next/link';
import { forbidden } from 'next/navigation';
import { pageActor } from '@/lib/auth/page-actor';
import { can } from '@/lib/auth/permissions';
import { listWebhooks } from '@/lib/webhooks/list-webhooks';
import { listDeliveries } from '@/lib/webhooks/list-deliveries';
import { formatDateTime } from '@/components/claims/format';
import { CreateWebhookForm } from './create-webhook-form';
import { WebhookActions } from './webhook-actions';
import { DeliveryLog } from './delivery-log';
import './webhooks.css';

export const metadata = { title: 'Webhooks' };

/** Deliveries shown per webhook; the API pages through the rest. */
const LOG_SIZE = 20;

export default async function WebhooksPage() {
  const actor = await pageActor();
  if (!can(actor, 'settings:manage')) forbidden();
  const hooks = await listWebhooks({ actor });
  const logs = await Promise.all(hooks.map((h) => listDeliveries({ actor, webhookId: h.id, input: { limit: String(LOG_SIZE) } })));
  return (
    <div className="page">
      <p className="crumbs">
        <Link href="/admin">Admin</Link>
      </p>
      <div className="page-head">
        <h1>Webhooks</h1>
      </div>
      <p className="muted">
        Claimdesk POSTs JSON to these addresses when a claim is verified or rejected, when a verified claim&rsquo;s verdict changes, or when an
        article gets a new version, signed in the <code>X-Claimdesk-Signature</code> header. Failed deliveries are retried for 24 hours.
      </p>
      {hooks.length === 0 && <p>No webhooks yet.</p>}
      {hooks.map((h, i) => (
        <section key={h.id} className="panel-box webhook" aria-labelledby={`webhook-${h.id}`}>
          <div className="webhook-head">
            <h2 id={`webhook-${h.id}`} className="webhook-url">
              {h.url}
            </h2>
            <span className={h.active ? 'badge status-verified' : 'badge'}>{h.active ? 'Active' : 'Paused'}</span>
          </div>
          <p className="muted">
            {h.events.join(', ')} · added {formatDateTime(h.createdAt)} UTC · {h.delivered} delivered, {h.pending} pending, {h.failed} failed
          </p>
          <WebhookActions id={h.id} url={h.url} active={h.active} />
          <h3>Deliveries</h3>
          <DeliveryLog webhookId={h.id} entries={logs[i].items} />
        </section>
      ))}
      <section className="panel-box">
        <h2>Add a webhook</h2>
        <CreateWebhookForm />
      </section>
    </div>
  );
}
