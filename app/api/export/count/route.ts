import { apiRoute, queryObject } from '@/lib/http/respond';
import { countExportable } from '@/lib/export/export-claims';

/** `{ count }` of claims an export with the same filters would contain (format and bom are ignored). */
export const GET = apiRoute(async ({ req, actor }) => {
  const filters = queryObject(req);
  // Lets the page send the same query string as the download link.
  delete filters.format;
  delete filters.bom;
  return { count: await countExportable({ actor, input: filters }) };
});
