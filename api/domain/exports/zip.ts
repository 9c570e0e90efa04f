/**
 * A zip streamed as it is made (fflate's Zip + ZipDeflate): each file's text comes in pieces
 * from an async iterable (a page of rows at a time) and leaves compressed, so an export of a
 * million rows never sits in memory. Files are written one after another.
 */
import { Zip, ZipDeflate } from 'fflate';

/** A file of the zip: its name and its text, piece by piece. */
export interface ZipSource {
  name: string;
  pieces: () => AsyncIterable<string>;
}

/** The zip's bytes, as they are produced. */
export async function* zipChunks(
  files: readonly ZipSource[],
  mtime = new Date(),
): AsyncGenerator<Uint8Array> {
  const out: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((err, data) => {
    if (err) failure = err;
    else if (data.length > 0) out.push(data);
  });
  const drain = function* () {
    if (failure) throw failure;
    while (out.length > 0) yield out.shift() as Uint8Array;
  };
  const encoder = new TextEncoder();
  for (const file of files) {
    const entry = new ZipDeflate(file.name, { level: 6 });
    entry.mtime = mtime;
    zip.add(entry);
    for await (const piece of file.pieces()) {
      if (piece.length > 0) entry.push(encoder.encode(piece));
      yield* drain();
    }
    entry.push(new Uint8Array(0), true);
    yield* drain();
  }
  zip.end();
  yield* drain();
}

/** {@link zipChunks} as a web stream (a Response body); cancelling stops the reads. */
export function zipStream(files: readonly ZipSource[], mtime?: Date): ReadableStream<Uint8Array> {
  const chunks = zipChunks(files, mtime);
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      } catch (err) {
        controller.error(err);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}
