/**
 * The few web-platform objects shared/ uses, which browsers, workers and Node (18+) all have as
 * globals: Blob, streams and Response. Declared here, in their subset, so that shared/ still
 * compiles without the DOM or Node: `window`, `document` or `fs` remain compile errors. Only
 * shared/tsconfig.json reads this file; the other projects have the full declarations.
 */
type BlobPart = Uint8Array<ArrayBuffer> | ArrayBuffer | Blob | string;

interface Blob {
  readonly size: number;
  readonly type: string;
  slice(start?: number, end?: number, contentType?: string): Blob;
  arrayBuffer(): Promise<ArrayBuffer>;
  stream(): ReadableStream<Uint8Array>;
}
declare const Blob: { new (parts?: BlobPart[], options?: { type?: string }): Blob };

type ReadableStreamReadResultOf<T> =
  { readonly done: false; readonly value: T } | { readonly done: true; readonly value?: undefined };
interface ReadableStreamDefaultReader<R> {
  read(): Promise<ReadableStreamReadResultOf<R>>;
  cancel(reason?: unknown): Promise<void>;
  releaseLock(): void;
}
interface ReadableStreamDefaultController<R> {
  enqueue(chunk: R): void;
  close(): void;
  error(reason?: unknown): void;
}
interface ReadableStream<R = unknown> {
  getReader(): ReadableStreamDefaultReader<R>;
  pipeThrough<T>(transform: {
    writable: WritableStream<R>;
    readable: ReadableStream<T>;
  }): ReadableStream<T>;
  cancel(reason?: unknown): Promise<void>;
}
declare const ReadableStream: {
  new <R>(
    source: {
      start?(controller: ReadableStreamDefaultController<R>): void | Promise<void>;
      pull?(controller: ReadableStreamDefaultController<R>): void | Promise<void>;
      cancel?(reason: unknown): void | Promise<void>;
    },
    strategy?: { highWaterMark?: number; size?(chunk: R): number },
  ): ReadableStream<R>;
};
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- the type parameter is the point
interface WritableStream<W = unknown> {
  readonly locked: boolean;
}
interface TransformStream<I, O> {
  readonly writable: WritableStream<I>;
  readonly readable: ReadableStream<O>;
}
declare const TransformStream: {
  new <I, O>(transformer: {
    transform(chunk: I, controller: ReadableStreamDefaultController<O>): void | Promise<void>;
  }): TransformStream<I, O>;
};
interface Response {
  arrayBuffer(): Promise<ArrayBuffer>;
}
declare const Response: { new (body: ReadableStream<Uint8Array> | Blob): Response };
