import { pageActor } from '@/lib/auth/page-actor';
import { ImportForm } from './import-form';
import { UrlImportForm } from './url-import-form';

export const metadata = { title: 'Import article' };

export default async function NewArticlePage() {
  await pageActor();
  return (
    <div className="page narrow">
      <h1>Import an article</h1>
      <p className="muted">
        Paste a link and Claimdesk fetches the story with its headline, byline and date; or paste text, HTML or Markdown, or
        upload a .txt, .html or .md file (up to 2 MB). Scripts and styling are removed; headings, paragraphs, lists, quotes,
        links and emphasis are kept.
      </p>
      <UrlImportForm />
      <h2>Or paste the text</h2>
      <ImportForm />
    </div>
  );
}
