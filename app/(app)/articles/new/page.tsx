import { pageActor } from '@/lib/auth/page-actor';
import { ImportForm } from './import-form';

export const metadata = { title: 'Import article' };

export default async function NewArticlePage() {
  await pageActor();
  return (
    <div className="page narrow">
      <h1>Import an article</h1>
      <p className="muted">
        Paste text, HTML or Markdown, or upload a .txt, .html or .md file (up to 2 MB). Scripts and styling are removed; headings,
        paragraphs, lists, quotes, links and emphasis are kept.
      </p>
      <ImportForm />
    </div>
  );
}
