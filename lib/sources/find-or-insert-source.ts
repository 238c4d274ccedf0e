import { sources } from '@/db/schema';
import type { DbOrTx } from '@/db/client';
import type { CreateSourceInput } from './source-input';
import { findSource, findSourceByUrl, type SourceView } from './source-view';

/**
 * The source for `data.url` inside a transaction: the existing one when its normalised URL is known
 * (left unchanged: it may be cited by others), else a new row by `actorId`.
 */
export async function findOrInsertSource(tx: DbOrTx, actorId: number, data: CreateSourceInput): Promise<{ source: SourceView; created: boolean }> {
  const existing = await findSourceByUrl(tx, data.url);
  if (existing) return { source: existing, created: false };
  const [{ id }] = await tx
    .insert(sources)
    .values({
      url: data.url,
      title: data.title ?? '',
      publisher: data.publisher ?? '',
      publishedAt: data.publishedAt ?? null,
      archivedUrl: data.archivedUrl ?? null,
      notes: data.notes ?? '',
      createdBy: actorId,
    })
    .returning({ id: sources.id });
  return { source: (await findSource(tx, id))!, created: true };
}
