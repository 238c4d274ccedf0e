import { splitHits } from '@/lib/search/markers';

/** Renders FTS-marked text with <mark> around matches; the text is only ever a React text node, never HTML. */
export function Highlighted({ text }: { text: string }) {
  return <>{splitHits(text).map((part, i) => (part.hit ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}</>;
}
