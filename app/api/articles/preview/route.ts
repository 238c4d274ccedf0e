import { apiRoute, readJson } from '@/lib/http/respond';
import { previewUrlImport } from '@/lib/articles/import-url';

/** `{ url }`: fetches and extracts a link without storing anything, so the editor can check it before importing. */
export const POST = apiRoute(async ({ req, actor }) => previewUrlImport({ actor, input: await readJson(req, 4 * 1024) }));
