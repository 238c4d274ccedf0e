import { markdownToPlainText } from '@/lib/markdown/markdown';

// One line of words and plain punctuation, starting with a letter: no character here can open Markdown syntax (no
// emphasis, code, link, HTML, entity or escape marker; no list, heading or quote, which need a line start that is not a
// letter; no autolink, which needs ':', '@' or "www."), so the lexer would return the text unchanged but trimmed.
const PLAIN = /^[A-Za-z][A-Za-z0-9 ,.;?'"()%/-]*$/;

/**
 * markdownToPlainText for export rows, skipping the Markdown lexer for a rationale that holds no Markdown (most of
 * them): lexing cost more than a CSV row's other fields together. Same result (tests/unit/export-rationale-text.test.ts).
 */
export function rationaleText(markdown: string): string {
  return PLAIN.test(markdown) && !/www\./i.test(markdown) ? markdown.trimEnd() : markdownToPlainText(markdown);
}
