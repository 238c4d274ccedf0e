import { runInTransaction } from '@/db/client';
import type { Actor } from '@/lib/auth/permissions';
import { assertCan } from '@/lib/auth/guard';
import { parseInput } from '@/lib/validation';
import { createSourceInput } from './source-input';
import { findOrInsertSource } from './find-or-insert-source';
import type { SourceView } from './source-view';

/** Creates a source, or returns the existing one with the same normalised URL (`created: false`). Throws Invalid, Forbidden. */
export async function createSource({ actor, input }: { actor: Actor; input: unknown }): Promise<{ source: SourceView; created: boolean }> {
  assertCan(actor, 'source:create');
  const data = parseInput(createSourceInput, input);
  return runInTransaction((tx) => findOrInsertSource(tx, actor.id, data));
}
