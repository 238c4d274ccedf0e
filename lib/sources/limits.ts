/**
 * Source field limits shared by the services and the forms that mirror them. No imports: client components read
 * these, and pulling zod into the browser trips the nonce CSP (zod 4 probes `new Function` when a schema is built).
 */
/** A source's URL and its archived copy. */
export const SOURCE_URL_MAX = 2000;
export const SOURCE_TITLE_MAX = 500;
export const SOURCE_PUBLISHER_MAX = 200;
export const SOURCE_NOTES_MAX = 5000;
export const EXCERPT_MAX = 2000;
/** Sources one claim may cite: keeps a claim, its page and its history bounded (see README, Limits). */
export const MAX_SOURCES_PER_CLAIM = 100;
