import { eq } from 'drizzle-orm';
import { sources } from '@/db/schema';
import type { DbOrTx } from '@/db/client';

/** Columns a source is returned with by every service and API route. */
export const sourceColumns = {
  id: sources.id,
  url: sources.url,
  title: sources.title,
  publisher: sources.publisher,
  publishedAt: sources.publishedAt,
  archivedUrl: sources.archivedUrl,
  notes: sources.notes,
  createdBy: sources.createdBy,
  createdAt: sources.createdAt,
};

export type SourceView = {
  id: number;
  url: string;
  title: string;
  publisher: string;
  publishedAt: string | null;
  archivedUrl: string | null;
  notes: string;
  createdBy: number;
  createdAt: Date;
};

/** One source by id, or undefined. */
export async function findSource(db: DbOrTx, id: number): Promise<SourceView | undefined> {
  const [row] = await db.select(sourceColumns).from(sources).where(eq(sources.id, id));
  return row;
}

/** One source by its normalised URL, or undefined. */
export async function findSourceByUrl(db: DbOrTx, url: string): Promise<SourceView | undefined> {
  const [row] = await db.select(sourceColumns).from(sources).where(eq(sources.url, url));
  return row;
}
