import { apiRoute, readJson } from '@/lib/http/respond';
import { updateShortcuts } from '@/lib/shortcuts/update-shortcuts';

/** `{ enabled, keys }`: your single-key shortcuts (a key left out keeps its default); answers the resulting keymap. */
export const PUT = apiRoute(async ({ req, actor }) => updateShortcuts({ actor, input: await readJson(req, 4 * 1024) }));
