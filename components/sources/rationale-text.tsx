import { Fragment, type ReactNode } from 'react';

// **bold**, *italic* or _italic_, and bare http(s) links; everything else stays literal text.
const INLINE = /(\*\*[^*\n]+\*\*|\*[^*\n]+\*|_[^_\n]+_|https?:\/\/[^\s<>"]+[^\s<>".,;:!?)\]])/g;

function inline(text: string): ReactNode[] {
  return text.split(INLINE).map((part, i) => {
    if (i % 2 === 0) return part;
    if (part.startsWith('**')) return <strong key={i}>{part.slice(2, -2)}</strong>;
    if (part.startsWith('http')) {
      return (
        <a key={i} href={part} target="_blank" rel="noopener noreferrer nofollow">
          {part}
        </a>
      );
    }
    return <em key={i}>{part.slice(1, -1)}</em>;
  });
}

/**
 * Renders a rationale written in "Markdown-lite": blank lines separate paragraphs, single newlines break lines,
 * **bold**, *italic* and bare http(s) URLs. Built from React text nodes only, so no HTML in the input is ever interpreted.
 */
export function RationaleText({ text }: { text: string }) {
  const paragraphs = text.trim().split(/\n\s*\n/);
  if (!text.trim()) return <p className="muted">No rationale yet.</p>;
  return (
    <div className="rationale-text">
      {paragraphs.map((p, i) => (
        <p key={i}>
          {p.split('\n').map((line, j) => (
            <Fragment key={j}>
              {j > 0 && <br />}
              {inline(line)}
            </Fragment>
          ))}
        </p>
      ))}
    </div>
  );
}
