import { Lexer, type Token } from 'marked';

/**
 * The Markdown Claimdesk accepts in rationales, parsed by `marked` (GFM, single newline = line break). Nothing here
 * produces HTML: callers walk the tokens and keep only an allowlist of them (components/ui/markdown-text.tsx for the
 * page, markdownToPlainText for exports), so raw HTML in the input is always shown as literal text.
 */
export function lexMarkdown(text: string): Token[] {
  return Lexer.lex(text, { gfm: true, breaks: true });
}

// Links may point only to web pages and e-mail addresses (no javascript:, data:, relative or protocol-relative URLs).
const SAFE_HREF = /^(https?:\/\/|mailto:)[^\s]+$/i;

/** The link target if it is an absolute http(s) or mailto URL, else null (the link is then shown as text). */
export function safeHref(href: string): string | null {
  return SAFE_HREF.test(href.trim()) ? href.trim() : null;
}

type WithChildren = { tokens?: Token[]; items?: Token[] };

function inlineText(tokens: Token[] | undefined): string {
  return (tokens ?? []).map(tokenText).join('');
}

function tokenText(token: Token): string {
  switch (token.type) {
    case 'br':
      return '\n';
    case 'link': {
      const label = inlineText(token.tokens);
      const href = safeHref(token.href);
      return href && href !== label && `mailto:${label}` !== href ? `${label} (${href})` : label;
    }
    case 'image':
      return token.text;
    case 'html':
    case 'table':
      return token.raw;
    case 'list':
      return (token.items as Token[])
        .map((item, i) => `${token.ordered ? `${Number(token.start || 1) + i}.` : '-'} ${blocksText((item as WithChildren).tokens)}`)
        .join('\n');
    case 'space':
    case 'hr':
      return '';
    case 'blockquote':
      return blocksText(token.tokens);
    default: {
      const children = (token as WithChildren).tokens;
      return children ? inlineText(children) : 'text' in token ? String(token.text) : token.raw;
    }
  }
}

/** Block tokens (top level, blockquote, list item) joined by blank lines; a tight list item holds one text token. */
function blocksText(tokens: Token[] | undefined): string {
  return (tokens ?? [])
    .map(tokenText)
    .filter((part) => part !== '')
    .join('\n\n');
}

/**
 * A rationale as plain text for formats that carry no markup (CSV, ClaimReview reviewBody): emphasis markers dropped,
 * links as "label (url)", paragraphs separated by a blank line, list items as "- item". Raw HTML stays literal text.
 */
export function markdownToPlainText(markdown: string): string {
  return blocksText(lexMarkdown(markdown)).trim();
}
