import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { Metadata } from 'next';
import { pageActor } from '@/lib/auth/page-actor';
import { getActor } from '@/lib/auth/current-actor';
import { articleTitle } from '@/lib/articles/list-articles';
import { parseId } from '@/lib/validation';
import { ImportForm } from '../../new/import-form';

/** The tab names the article too (signed-in readers only; the page redirects everyone else). */
export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const id = parseId((await params).id);
  const title = id !== null && (await getActor()) ? articleTitle(id) : undefined;
  return { title: title ? `New version: ${title}` : 'New version' };
}

export default async function NewVersionPage({ params }: { params: Promise<{ id: string }> }) {
  await pageActor();
  const id = parseId((await params).id);
  const title = id === null ? undefined : await articleTitle(id);
  if (id === null || !title) notFound();
  return (
    <div className="page narrow">
      <p className="crumbs">
        <Link href={`/articles/${id}`}>{title}</Link>
      </p>
      <h1>Import a new version</h1>
      <p className="muted">
        Paste or upload the updated article. Its claims move to the new text: where their words are unchanged they stay as they are; where the words
        changed they are matched approximately and sent back to review; where they can no longer be found they are marked orphaned for an editor to
        fix. The old version is kept.
      </p>
      <ImportForm versionOf={id} />
    </div>
  );
}
