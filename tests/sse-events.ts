import type { ChangeView } from '@/lib/live/list-changes';

/** One Server-Sent Event of the live stream, its data parsed. */
export type Sse = { id: number; event: string; data: ChangeView };

/**
 * Reads SSE events from `reader` until `done` says so (or the stream ends); returns them parsed (comments and `retry`
 * left out). Shared by the stream's integration test and the two-instance test.
 */
export async function readEvents(reader: ReadableStreamDefaultReader<Uint8Array>, done: (events: Sse[]) => boolean): Promise<Sse[]> {
  const decoder = new TextDecoder();
  const events: Sse[] = [];
  let buffer = '';
  while (!done(events)) {
    const { value, done: ended } = await reader.read();
    if (ended) break;
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const field = (name: string) =>
        block
          .split('\n')
          .find((l) => l.startsWith(`${name}: `))
          ?.slice(name.length + 2);
      const data = field('data');
      if (data) events.push({ id: Number(field('id')), event: field('event') ?? 'message', data: JSON.parse(data) as ChangeView });
    }
  }
  return events;
}
