import { pageActor } from '@/lib/auth/page-actor';
import { MAX_ARTICLE_BYTES, MAX_ELEMENTS, MAX_NESTING_DEPTH } from '@/lib/articles/limits';
import { ImportForm } from './import-form';
import { UrlImportForm } from './url-import-form';

export const metadata = { title: 'Import article' };

export default async function NewArticlePage() {
  await pageActor();
  return (
    <div className="page narrow">
      <h1>Import an article</h1>
      <p className="muted">
        Paste a link and Claimdesk fetches the story with its headline, byline and date; or paste text, HTML or Markdown, or upload a .txt, .html or
        .md file (up to {MAX_ARTICLE_BYTES / 1024 / 1024} MB, nested at most {MAX_NESTING_DEPTH} levels deep, with at most{' '}
        {MAX_ELEMENTS.toLocaleString('en')} HTML elements). Scripts and styling are removed; headings, paragraphs, lists, quotes, links and emphasis
        are kept.
      </p>
      <UrlImportForm />
      <h2>Or paste the text</h2>
      <ImportForm />
    </div>
  );
}
