import { apiRoute, queryObject } from '@/lib/http/respond';
import { findTextMatches } from '@/lib/matching/find-matches';

export const GET = apiRoute(({ req, actor }) => findTextMatches({ actor, input: queryObject(req) }));
