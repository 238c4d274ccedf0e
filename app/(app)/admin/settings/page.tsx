import Link from 'next/link';
import { forbidden } from 'next/navigation';
import { pageActor } from '@/lib/auth/page-actor';
import { can } from '@/lib/auth/permissions';
import { getSettings } from '@/lib/settings/get-settings';
import { SettingsForm } from './settings-form';

export const metadata = { title: 'Settings' };

export default async function SettingsPage() {
  const actor = await pageActor();
  if (!can(actor, 'settings:manage')) forbidden();
  return (
    <div className="page narrow">
      <p className="crumbs">
        <Link href="/admin">Admin</Link>
      </p>
      <div className="page-head">
        <h1>Settings</h1>
      </div>
      <section className="panel-box">
        <SettingsForm initial={await getSettings()} />
      </section>
      <p className="muted">
        The verdict scale (labels, ratings and colours) is edited on the <Link href="/admin/verdicts">Verdict scale</Link> page.
      </p>
    </div>
  );
}
