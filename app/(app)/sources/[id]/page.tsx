import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { Metadata } from 'next';
import { pageActor } from '@/lib/auth/page-actor';
import { getActor } from '@/lib/auth/current-actor';
import { can } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';
import { parseId } from '@/lib/validation';
import { getSource, type SourceDetail } from '@/lib/sources/get-source';
import { RELATION_LABELS } from '@/components/labels';
import { SourceActions } from '@/components/sources/source-actions';
import { VerdictBadge } from '@/components/ui/verdict-badge';
import { StatusBadge } from '@/components/ui/status-badge';

/** The tab names the source (signed-in readers only). */
export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const id = parseId((await params).id);
  const actor = await getActor();
  if (id === null || !actor) return { title: 'Source' };
  try {
    const source = await getSource({ actor, id });
    return { title: `Source: ${source.title || source.url}` };
  } catch {
    return { title: 'Source' };
  }
}

export default async function SourcePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await pageActor();
  const id = parseId((await params).id);
  if (id === null) notFound();
  let source: SourceDetail;
  try {
    source = await getSource({ actor, id });
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  }
  const mine = { own: source.createdBy === actor.id };
  const canEdit = can(actor, 'source:edit', mine);
  const canDelete = can(actor, 'source:delete', mine) && source.citations.length === 0;
  const articles = new Set(source.citations.map((c) => c.articleId)).size;
  return (
    <div className="page">
      <p className="crumbs">
        <Link href="/sources">Sources</Link>
      </p>
      <div className="page-head">
        <h1>{source.title || source.url}</h1>
      </div>
      <dl className="source-facts">
        <dt>URL</dt>
        <dd>
          <a href={source.url} target="_blank" rel="noopener noreferrer nofollow">
            {source.url}
          </a>
        </dd>
        <dt>Publisher</dt>
        <dd>{source.publisher || <span className="muted">—</span>}</dd>
        <dt>Published</dt>
        <dd>{source.publishedAt ?? <span className="muted">—</span>}</dd>
        <dt>Archived copy</dt>
        <dd>
          {source.archivedUrl ? (
            <a href={source.archivedUrl} target="_blank" rel="noopener noreferrer nofollow">
              {source.archivedUrl}
            </a>
          ) : (
            <span className="muted">—</span>
          )}
        </dd>
        <dt>Added by</dt>
        <dd>{source.createdByName}</dd>
      </dl>
      <SourceActions
        source={JSON.parse(JSON.stringify(source))}
        canEdit={canEdit}
        canDelete={canDelete}
        deleteHint={source.citations.length ? 'A source can be deleted once no claim cites it.' : undefined}
        editHint={verifiedHint(source.citations.filter((c) => c.status === 'verified').length)}
      />
      <h2>
        Cited by {source.citations.length} {source.citations.length === 1 ? 'claim' : 'claims'}
        {articles > 1 && ` in ${articles} articles`}
      </h2>
      {source.citations.length === 0 ? (
        <p className="muted">No claim cites this source.</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th>Claim</th>
              <th>Article</th>
              <th>Relation</th>
              <th>Verdict</th>
              <th>Status</th>
            </tr>
          </thead>
          <tbody>
            {source.citations.map((c) => (
              <tr key={c.claimId}>
                <td>
                  <Link href={`/claims/${c.claimId}`}>{c.claimText}</Link>
                  {c.excerpt && <blockquote className="excerpt">{c.excerpt}</blockquote>}
                </td>
                <td>
                  <Link href={`/articles/${c.articleId}`}>{c.articleTitle}</Link>
                </td>
                <td>
                  <span className={`badge relation-${c.relation}`}>{RELATION_LABELS[c.relation]}</span>
                </td>
                <td>{c.verdictLabel ? <VerdictBadge label={c.verdictLabel} color={c.verdictColor} /> : <span className="muted">—</span>}</td>
                <td>
                  <StatusBadge status={c.status} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

/** Warns before an edit that would send verified claims back to review (lib/sources/return-citing-claims.ts). */
function verifiedHint(verified: number): string | undefined {
  if (verified === 0) return undefined;
  return `Changing the URL or title sends the ${verified === 1 ? 'verified claim' : `${verified} verified claims`} citing this source back to review.`;
}
