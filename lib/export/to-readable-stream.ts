const encoder = new TextEncoder();

/**
 * A pull-based byte stream over string chunks: the next chunk is produced only when the consumer asks,
 * so a slow client applies backpressure, and cancelling (client gone) calls return() to release resources
 * (the export's database snapshot).
 */
export function toReadableStream(chunks: AsyncIterable<string>): ReadableStream<Uint8Array> {
  let iterator: AsyncIterator<string> | null = null;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      iterator ??= chunks[Symbol.asyncIterator]();
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await iterator?.return?.();
    },
  });
}
