import { getDb } from '@/db/client';
import { sources } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { assertCan } from '@/lib/auth/guard';
import { parseInput } from '@/lib/validation';
import type { DbOrTx } from '@/db/client';
import { createSourceInput, type CreateSourceInput } from './source-input';
import { findSource, findSourceByUrl, type SourceView } from './source-view';

/**
 * The source for `data.url` inside a transaction: the existing one when its normalised URL is known
 * (left unchanged: it may be cited by others), else a new row by `actorId`.
 */
export function findOrInsertSource(tx: DbOrTx, actorId: number, data: CreateSourceInput): { source: SourceView; created: boolean } {
  const existing = findSourceByUrl(tx, data.url);
  if (existing) return { source: existing, created: false };
  const { id } = tx
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
    .returning({ id: sources.id })
    .get();
  return { source: findSource(tx, id)!, created: true };
}

/** Creates a source, or returns the existing one with the same normalised URL (`created: false`). Throws Invalid, Forbidden. */
export function createSource({ actor, input }: { actor: Actor; input: unknown }): { source: SourceView; created: boolean } {
  assertCan(actor, 'source:create');
  const data = parseInput(createSourceInput, input);
  return getDb().transaction((tx) => findOrInsertSource(tx, actor.id, data), { behavior: 'immediate' });
}
