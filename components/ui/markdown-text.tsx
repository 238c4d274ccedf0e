import { Fragment, type ReactNode } from 'react';
import type { Token } from 'marked';
import { lexMarkdown, safeHref } from '@/lib/markdown/markdown';

type WithChildren = { tokens?: Token[] };

/** Inline tokens on the allowlist become elements; anything else (raw HTML, images, unknown) is shown as its text. */
function inline(tokens: Token[] | undefined): ReactNode[] {
  return (tokens ?? []).map((t, i) => {
    switch (t.type) {
      case 'strong':
        return <strong key={i}>{inline(t.tokens)}</strong>;
      case 'em':
        return <em key={i}>{inline(t.tokens)}</em>;
      case 'del':
        return <del key={i}>{inline(t.tokens)}</del>;
      case 'codespan':
        return <code key={i}>{t.text}</code>;
      case 'br':
        return <br key={i} />;
      case 'link': {
        const href = safeHref(t.href);
        if (!href) return <Fragment key={i}>{inline(t.tokens)}</Fragment>;
        return (
          <a key={i} href={href} target="_blank" rel="noopener nofollow ugc">
            {inline(t.tokens)}
          </a>
        );
      }
      case 'image':
        return t.text;
      case 'html':
        return t.raw;
      default: {
        // Text (React escapes it), escapes, and anything not on the allowlist: its words only.
        const children = (t as WithChildren).tokens;
        return children ? <Fragment key={i}>{inline(children)}</Fragment> : 'text' in t ? String(t.text) : t.raw;
      }
    }
  });
}

/** Block tokens: paragraphs, lists, quotes and code; headings are shown as bold paragraphs to keep the page outline. */
function blocks(tokens: Token[] | undefined): ReactNode[] {
  return (tokens ?? []).map((t, i) => {
    switch (t.type) {
      case 'space':
        return null;
      case 'hr':
        return <hr key={i} />;
      case 'heading':
        return (
          <p key={i}>
            <strong>{inline(t.tokens)}</strong>
          </p>
        );
      case 'list': {
        const items = (t.items as Token[]).map((item, j) => <li key={j}>{blocks((item as WithChildren).tokens)}</li>);
        return t.ordered ? (
          <ol key={i} start={Number(t.start) || undefined}>
            {items}
          </ol>
        ) : (
          <ul key={i}>{items}</ul>
        );
      }
      case 'blockquote':
        return <blockquote key={i}>{blocks(t.tokens)}</blockquote>;
      case 'code':
        return (
          <pre key={i}>
            <code>{t.text}</code>
          </pre>
        );
      case 'text':
        // A tight list item's content: inline, without a paragraph around it.
        return <Fragment key={i}>{(t as WithChildren).tokens ? inline((t as WithChildren).tokens) : t.text}</Fragment>;
      case 'paragraph':
        return <p key={i}>{inline(t.tokens)}</p>;
      default:
        return (
          <p key={i} className="prewrap">
            {t.raw}
          </p>
        );
    }
  });
}

/**
 * Renders Markdown (rationales, review comments) safely: parsed by `marked`, then only allowlisted tokens become React
 * elements (bold, italic, strike, code, lists, quotes, http(s)/mailto links with rel="noopener nofollow ugc"). Raw HTML is
 * shown as literal text and nothing is ever injected as HTML. Shows `empty` (muted) when the text is blank.
 */
export function MarkdownText({ text, empty = 'No rationale yet.', className }: { text: string; empty?: string; className?: string }) {
  if (!text.trim()) return <p className="muted">{empty}</p>;
  return <div className={['markdown-text', className].filter(Boolean).join(' ')}>{blocks(lexMarkdown(text))}</div>;
}
