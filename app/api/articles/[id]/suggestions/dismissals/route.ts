import { apiRoute, readJson, routeId } from '@/lib/http/respond';
import { dismissSuggestion } from '@/lib/suggest/dismiss-suggestion';

/** Dismisses one suggested span `{start, end}` for this article. */
export const POST = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  await dismissSuggestion({ actor, articleId: routeId(params.id), input: await readJson(req) });
});
