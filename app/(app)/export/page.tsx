import { pageActor } from '@/lib/auth/page-actor';
import { exportOptions } from '@/lib/export/export-options';
import { ExportForm, type ExportFormValues } from './export-form';

export const metadata = { title: 'Export' };

const FIELDS = ['status', 'article', 'verdict', 'type', 'from', 'to', 'format'] as const;

export default async function ExportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await pageActor();
  const options = exportOptions({ actor });
  const params = await searchParams;
  // Pre-fills the form from links such as the article page's /export?article=ID; the form validates through the API.
  const initial = Object.fromEntries(
    FIELDS.map((k) => [k, typeof params[k] === 'string' ? params[k] : '']),
  ) as ExportFormValues;
  return (
    <div className="page narrow">
      <div className="page-head">
        <h1>Export claims</h1>
      </div>
      <p className="muted">
        Download fact-checks for spreadsheets, your CMS or other tools. The same export is available from{' '}
        <code>GET /api/export</code> and <code>npm run export</code>.
      </p>
      <ExportForm options={options} initial={initial} />
    </div>
  );
}
