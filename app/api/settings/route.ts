import { apiRoute, readJson } from '@/lib/http/respond';
import { updateSettings } from '@/lib/settings/update-settings';

/** Admin: changes the organisation settings given (others keep their values); answers all settings. */
export const PATCH = apiRoute(async ({ req, actor }) => updateSettings({ actor, input: await readJson(req, 16 * 1024) }));
