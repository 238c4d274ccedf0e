import { pageActor } from '@/lib/auth/page-actor';
import { listApiTokens } from '@/lib/users/list-api-tokens';
import { ChangePasswordForm } from './change-password-form';
import { TokenManager } from './token-manager';
import { ShortcutsForm } from './shortcuts-form';
import { getShortcuts } from '@/lib/shortcuts/get-shortcuts';
import { can } from '@/lib/auth/permissions';
import { getNotifyPrefs } from '@/lib/notifications/get-notify-prefs';
import { NotifyPrefsForm } from '@/components/notifications/notify-prefs-form';

export const metadata = { title: 'Account' };

export default async function AccountPage() {
  const actor = await pageActor();
  const tokens = (await listApiTokens({ actor })).map((t) => ({
    id: t.id,
    name: t.name,
    createdAt: t.createdAt.toISOString(),
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
  }));
  return (
    <div className="page narrow">
      <div className="page-head">
        <h1>Your account</h1>
      </div>
      <p className="muted">
        {actor.name} · {actor.email} · <span className="badge">{actor.role}</span>
      </p>
      <section className="panel-box">
        <h2>Change password</h2>
        <ChangePasswordForm />
      </section>
      <section className="panel-box">
        <h2>Personal API tokens</h2>
        <p className="muted">
          Scripts use a token as <code>Authorization: Bearer …</code>, or the command-line tools read it from <code>CLAIMDESK_TOKEN</code>. A token
          acts with your role; revoke it when it is no longer needed.
        </p>
        <TokenManager tokens={tokens} />
      </section>
      <section className="panel-box" aria-labelledby="notifications-heading">
        <h2 id="notifications-heading">Notifications</h2>
        <NotifyPrefsForm off={(await getNotifyPrefs({ actor })).off} />
      </section>
      <section className="panel-box" aria-labelledby="shortcuts-heading">
        <h2 id="shortcuts-heading">Keyboard shortcuts</h2>
        <ShortcutsForm
          prefs={(await getShortcuts({ actor })).prefs}
          scopes={can(actor, 'claim:review') ? ['queue', 'suggestions', 'text'] : ['suggestions', 'text']}
        />
      </section>
    </div>
  );
}
