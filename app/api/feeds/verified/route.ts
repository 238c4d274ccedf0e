import { apiRoute, queryObject } from '@/lib/http/respond';
import { publicOrigin } from '@/lib/export/public-origin';
import { verifiedFeed } from '@/lib/feeds/verified-feed';

/** Verified claims changed since `?since=` (a cursor from the previous answer), for a CMS polling with an API token. */
export const GET = apiRoute(({ req, actor }) => verifiedFeed({ actor, input: queryObject(req), origin: publicOrigin(req.url) }));
