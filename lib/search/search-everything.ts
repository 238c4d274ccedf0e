import type { Actor } from '@/lib/auth/permissions';
import { listSources, type SourceListItem } from '@/lib/sources/list-sources';
import { searchClaims, type ClaimHit } from './search-claims';

/** The one search box: ranked claim hits plus sources whose title, publisher or URL contain `q`. Throws Invalid. */
export function searchEverything({ actor, q }: { actor: Actor; q: string }): { claims: ClaimHit[]; sources: SourceListItem[] } {
  const query = q.trim();
  if (!query) return { claims: [], sources: [] };
  return {
    claims: searchClaims({ actor, input: { q: query } }),
    sources: listSources({ actor, input: { q: query.slice(0, 200), limit: 20 } }).items,
  };
}
