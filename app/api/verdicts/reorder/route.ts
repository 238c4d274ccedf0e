import { apiRoute, readJson } from '@/lib/http/respond';
import { reorderVerdicts } from '@/lib/verdicts/reorder-verdicts';

/** POST {ids: [...]} with every verdict id in the new order; returns the scale. */
export const POST = apiRoute(async ({ req, actor }) => reorderVerdicts({ actor, input: await readJson(req) }));
