/**
 * Limits on imported articles, in one place: services enforce them, forms and the README quote them.
 * Client-safe (no server imports).
 */

/** Longest title and publisher name of an article (import by paste, file or link). */
export const ARTICLE_TITLE_MAX = 300;
export const ARTICLE_PUBLISHER_MAX = 200;

/** Largest article content accepted, in bytes of UTF-8 (413 beyond). */
export const MAX_ARTICLE_BYTES = 2 * 1024 * 1024;

/**
 * Deepest nesting an import may have: HTML elements inside each other, or in Markdown `>` quote and list markers
 * (plus two columns of indentation) at the start of a line. Measured: about 800 levels of nested HTML lists or
 * 3,000 Markdown list markers overflow the parser's stack; news pages stay under 60.
 */
export const MAX_NESTING_DEPTH = 100;

/**
 * Most HTML elements an import (or the HTML a Markdown import becomes) may have. Conversion time grows faster
 * than the element count (measured: 15,000 elements 7.8 s, 60,000 elements 47 s on a busy 2-core machine);
 * 10,000 is about 3,000 paragraphs with a link and some emphasis each, longer than any article.
 */
export const MAX_ELEMENTS = 10_000;
