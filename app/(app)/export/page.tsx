import Link from 'next/link';
import { pageActor } from '@/lib/auth/page-actor';
import { can } from '@/lib/auth/permissions';
import { DEFAULT_ORG_NAME } from '@/lib/export/export-row';
import { exportOptions } from '@/lib/export/export-options';
import { ExportForm, type ExportFormValues } from './export-form';

export const metadata = { title: 'Export' };

const FIELDS = ['status', 'article', 'verdict', 'type', 'tag', 'from', 'to', 'format'] as const;

export default async function ExportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await pageActor();
  const options = await exportOptions({ actor });
  const params = await searchParams;
  // Pre-fills the form from links such as the article page's /export?article=ID; the form validates through the API.
  const initial = Object.fromEntries(FIELDS.map((k) => [k, typeof params[k] === 'string' ? params[k] : ''])) as ExportFormValues;
  return (
    <div className="page narrow">
      <div className="page-head">
        <h1>Export claims</h1>
      </div>
      <p className="muted">
        Download fact-checks for spreadsheets, your CMS or other tools. The same export is available from <code>GET /api/export</code> and{' '}
        <code>npm run export</code>.
      </p>
      {!options.orgNameSet && (
        <p className="notice" role="note">
          No organisation name is set, so ClaimReview exports name “{DEFAULT_ORG_NAME}” as their author.{' '}
          {can(actor, 'settings:manage') ? <Link href="/admin/settings">Set it in Settings</Link> : 'Ask an admin to set it in Settings'}.
        </p>
      )}
      {!options.publicPages && (
        <p className="notice" role="note">
          Public fact-check pages are off, so each ClaimReview <code>url</code> is the login-only claim page, which search engines cannot read.{' '}
          {can(actor, 'settings:manage') ? <Link href="/admin/settings">Turn them on in Settings</Link> : 'An admin can turn them on in Settings'}.
        </p>
      )}
      <ExportForm options={options} initial={initial} />
    </div>
  );
}
