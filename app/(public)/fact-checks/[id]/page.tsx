import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { findPublicFactCheck, jsonLdScriptText } from '@/lib/export/public-fact-check';
import { publicOriginFromHeaders } from '@/lib/export/public-origin';
import { MarkdownText } from '@/components/ui/markdown-text';
import { RELATION_LABELS } from '@/components/labels';
import { SkipLinkBar } from '@/components/ui/skip-links';

type Props = { params: Promise<{ id: string }> };

/** The published fact check for the id in the URL, or a 404 (bad id, not verified, or public pages off). */
async function load(params: Props['params']) {
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const h = await headers();
  const check = await findPublicFactCheck({ id, origin: publicOriginFromHeaders(h) });
  if (!check) notFound();
  return { check, nonce: h.get('x-nonce') ?? undefined };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { check } = await load(params);
  return { title: { absolute: `Fact check: ${check.claimReview.claimReviewed} · ${check.orgName}` }, robots: { index: true } };
}

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/**
 * A verified claim as a public, read-only fact-check page (no login): the claim, its verdict, the rationale, the
 * sources, and the ClaimReview JSON-LD that exports point to. Shown only when the organisation publishes fact checks.
 */
export default async function FactCheckPage({ params }: Props) {
  const { check, nonce } = await load(params);
  const { claim, claimReview, orgName, orgUrl, language } = check;
  const appearance = claimReview.itemReviewed.appearance;
  return (
    <div className="fact-check" lang={language}>
      <script type="application/ld+json" nonce={nonce} dangerouslySetInnerHTML={{ __html: jsonLdScriptText(claimReview) }} />
      <SkipLinkBar />
      <header className="fact-check-head">
        <a href={orgUrl}>{orgName}</a>
        <span>Fact check</span>
      </header>
      <main id="main" className="fact-check-body">
        <h1>{claimReview.claimReviewed}</h1>
        <p className="fact-check-verdict">
          Verdict: <strong className="fact-check-rating">{claim.verdictLabel ?? 'Unrated'}</strong>
        </p>
        <p className="fact-check-claimant">
          Claim by <strong>{claimReview.itemReviewed.author.name}</strong>
          {' in '}
          <a href={(Array.isArray(appearance) ? appearance[0] : appearance).url} rel="noopener nofollow ugc">
            {claim.article.title}
          </a>
          {claim.article.publisher && <>, {claim.article.publisher}</>}
          {claim.article.publishedAt && <>, {claim.article.publishedAt}</>}
        </p>
        <blockquote className="fact-check-quote">
          <span className="muted">…{claim.prefix}</span>
          <mark>{claim.exact}</mark>
          <span className="muted">{claim.suffix}…</span>
        </blockquote>
        <section>
          <h2>Why</h2>
          <MarkdownText text={claim.rationale} empty="No explanation was published." />
        </section>
        {claim.sources.length > 0 && (
          <section>
            <h2>Sources</h2>
            <ul className="fact-check-sources">
              {claim.sources.map((s) => (
                <li key={s.url}>
                  <a href={s.url} rel="noopener nofollow ugc">
                    {s.title || s.url}
                  </a>
                  {s.publisher && <span className="muted"> · {s.publisher}</span>}
                  <span className="muted"> · {RELATION_LABELS[s.relation] ?? s.relation}</span>
                  {s.excerpt && <q>{s.excerpt}</q>}
                </li>
              ))}
            </ul>
          </section>
        )}
      </main>
      <footer className="fact-check-foot">
        Published by {orgName}
        {claim.reviewedAt && <> on {dateFormat.format(claim.reviewedAt)}</>}.
      </footer>
    </div>
  );
}
