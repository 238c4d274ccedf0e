const encoder = new TextEncoder();

/**
 * A pull-based byte stream over string chunks: the next chunk is produced only when the consumer asks,
 * so a slow client applies backpressure, and cancelling (client gone) calls return() to release resources.
 */
export function toReadableStream(chunks: Iterable<string>): ReadableStream<Uint8Array> {
  let iterator: Iterator<string> | null = null;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      iterator ??= chunks[Symbol.iterator]();
      const next = iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    cancel() {
      iterator?.return?.();
    },
  });
}
