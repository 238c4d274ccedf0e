/** Organisation setting limits, shared by the settings service and the settings form. No imports: client-safe. */
export const ORG_NAME_MAX = 200;
export const ORG_URL_MAX = 500;
/** Longest content language tag the form takes (BCP 47 asks tools to accept at least 35 characters); the service checks the tag's shape. */
export const LANGUAGE_TAG_MAX = 35;
