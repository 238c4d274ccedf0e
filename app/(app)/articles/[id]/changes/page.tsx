import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { Metadata } from 'next';
import { pageActor } from '@/lib/auth/page-actor';
import { getActor } from '@/lib/auth/current-actor';
import { parseId } from '@/lib/validation';
import { articleTitle } from '@/lib/articles/list-articles';
import { diffArticleVersion } from '@/lib/articles/diff-article-version';
import type { ParagraphDiff } from '@/lib/articles/diff-text';
import { AppError } from '@/lib/errors';

/** The tab names the article too (signed-in readers only; the page redirects everyone else). */
export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const id = parseId((await params).id);
  const title = id !== null && (await getActor()) ? articleTitle(id) : undefined;
  return { title: title ? `What changed: ${title}` : 'What changed' };
}

function Paragraph({ paragraph }: { paragraph: ParagraphDiff }) {
  if (paragraph.kind === 'changed') {
    return (
      <p className="para-changed">
        {paragraph.parts.map((part, i) =>
          part.change === 'added' ? (
            <ins key={i}>{part.text}</ins>
          ) : part.change === 'removed' ? (
            <del key={i}>{part.text}</del>
          ) : (
            <span key={i}>{part.text}</span>
          ),
        )}
      </p>
    );
  }
  return <p className={`para-${paragraph.kind}`}>{paragraph.kind === 'added' ? <ins>{paragraph.text}</ins> : paragraph.text}</p>;
}

/** Runs of unchanged paragraphs longer than this fold into one line, so the edits stand out. */
const CONTEXT = 1;

function withFolds(paragraphs: ParagraphDiff[]): (ParagraphDiff | { kind: 'fold'; count: number })[] {
  const near = (i: number) => paragraphs.slice(Math.max(0, i - CONTEXT), i + CONTEXT + 1).some((p) => p.kind !== 'same');
  const out: (ParagraphDiff | { kind: 'fold'; count: number })[] = [];
  paragraphs.forEach((p, i) => {
    if (p.kind !== 'same' || near(i)) return void out.push(p);
    const last = out[out.length - 1];
    if (last?.kind === 'fold') last.count++;
    else out.push({ kind: 'fold', count: 1 });
  });
  return out;
}

export default async function ChangesPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await pageActor();
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) notFound();
  let diff;
  try {
    diff = await diffArticleVersion({ actor, articleId: id });
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  }
  return (
    <div className="page narrow">
      <p className="crumbs">
        <Link href={`/articles/${id}`}>{diff.title}</Link>
      </p>
      <h1>What changed</h1>
      <p className="muted">
        From the <Link href={`/articles/${diff.previousId}`}>previous version</Link> to <Link href={`/articles/${id}`}>this one</Link>:{' '}
        <strong>{diff.wordsAdded}</strong> words added, <strong>{diff.wordsRemoved}</strong> removed.
      </p>
      <section className="diff" aria-label="Changes">
        {withFolds(diff.paragraphs).map((p, i) =>
          p.kind === 'fold' ? (
            <p key={i} className="unchanged">
              {p.count} unchanged paragraph{p.count === 1 ? '' : 's'}
            </p>
          ) : (
            <Paragraph key={i} paragraph={p} />
          ),
        )}
      </section>
    </div>
  );
}
