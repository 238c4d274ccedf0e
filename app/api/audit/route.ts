import { apiRoute, queryObject } from '@/lib/http/respond';
import { listAudit } from '@/lib/audit/list-audit';

/** `{ items, nextCursor }`: the audit trail, newest first (admins; 403 otherwise). */
export const GET = apiRoute(({ req, actor }) => listAudit({ actor, input: queryObject(req) }));
