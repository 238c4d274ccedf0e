/**
 * Webhook field limits shared by the service and the admin form that mirrors them. No imports: client components
 * read these (see lib/sources/limits.ts for why zod must stay out of the browser).
 */
export const WEBHOOK_URL_MAX = 2000;
/** The HMAC signing secret: long enough not to be guessed, short enough to paste into a receiver's config. */
export const WEBHOOK_SECRET_MIN = 16;
export const WEBHOOK_SECRET_MAX = 256;
