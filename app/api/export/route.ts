import { apiRoute, queryObject } from '@/lib/http/respond';
import { exportClaims } from '@/lib/export/export-claims';
import { publicOrigin } from '@/lib/export/public-origin';
import { toReadableStream } from '@/lib/export/to-readable-stream';

/** Streams the export as a file download; bad filters are a 400 before any byte is sent. */
export const GET = apiRoute(async ({ req, actor }) => {
  const result = await exportClaims({ actor, input: queryObject(req), origin: publicOrigin(req.url) });
  return new Response(toReadableStream(result.chunks), {
    headers: {
      'content-type': result.contentType,
      'content-disposition': `attachment; filename="${result.filename}"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  });
});
