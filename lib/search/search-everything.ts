import type { Actor } from '@/lib/auth/permissions';
import { listSources, type SourceListItem } from '@/lib/sources/list-sources';
import { searchClaims, type ClaimHit } from './search-claims';
import { searchArticles, type ArticleHit } from './search-articles';

/**
 * The one search box: ranked claim hits, articles by title, and sources whose title, publisher or URL contain `q`.
 * With `tag`, only claims carrying it (and no articles or sources: they have no tags). Throws Invalid.
 */
export async function searchEverything({
  actor,
  q,
  tag,
}: {
  actor: Actor;
  q: string;
  tag?: string;
}): Promise<{ claims: ClaimHit[]; articles: ArticleHit[]; sources: SourceListItem[] }> {
  const query = q.trim();
  if (tag?.trim()) return { claims: await searchClaims({ actor, input: { q: query, tag } }), articles: [], sources: [] };
  if (!query) return { claims: [], articles: [], sources: [] };
  const [claims, articles, sources] = await Promise.all([
    searchClaims({ actor, input: { q: query } }),
    searchArticles({ actor, q: query.slice(0, 200) }),
    listSources({ actor, input: { q: query.slice(0, 200), limit: 20 } }),
  ]);
  return { claims, articles, sources: sources.items };
}
