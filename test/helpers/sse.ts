// Minimal server-sent events reader following the WHATWG event-stream parsing rules, kept separate
// from any production parser so tests check the gateway's bytes against an independent reading.

export interface SseEvent {
  /** the `event:` field; undefined means the default `message` type */
  event?: string;
  data: string;
  /** the last event id seen on the stream, when one was set */
  id?: string;
}

type ByteChunk = Uint8Array | string;
interface WebStream { getReader(): { read(): Promise<{ done: boolean; value?: ByteChunk }>; releaseLock(): void } }
/** A fetch Response, an undici `request()` result, a web ReadableStream or any async iterable of bytes. */
export type SseSource = { body: unknown } | WebStream | AsyncIterable<ByteChunk>;

export async function* readSse(source: SseSource): AsyncGenerator<SseEvent> {
  let data: string[] = [];
  let event: string | undefined;
  let lastId: string | undefined;
  for await (const line of readLines(source)) {
    if (line === '') {
      if (data.length > 0) {
        yield { ...(event !== undefined ? { event } : {}), data: data.join('\n'), ...(lastId ? { id: lastId } : {}) };
      }
      data = [];
      event = undefined;
      continue;
    }
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') data.push(value);
    else if (field === 'event') event = value;
    else if (field === 'id' && !value.includes('\0')) lastId = value;
  }
  // Per the spec an event not terminated by a blank line before the end of the stream is discarded.
}

/** Complete lines ended by CRLF, LF or CR; an unterminated last line is dropped. */
async function* readLines(source: SseSource): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8'); // strips a leading BOM, as the spec requires
  let buffer = '';
  for await (const chunk of byteChunks(source)) {
    buffer += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    let start = 0;
    for (let i = 0; i < buffer.length; i++) {
      const ch = buffer[i];
      if (ch !== '\n' && ch !== '\r') continue;
      // A CR that ends the buffer may be the first half of a CRLF split across chunks.
      if (ch === '\r' && i === buffer.length - 1) break;
      yield buffer.slice(start, i);
      start = ch === '\r' && buffer[i + 1] === '\n' ? i + 2 : i + 1;
      i = start - 1;
    }
    buffer = buffer.slice(start);
  }
  buffer += decoder.decode();
  if (buffer.endsWith('\r')) yield buffer.slice(0, -1);
}

/** The data payload of every event, in order (including a final `[DONE]`). */
export async function collectSse(source: SseSource): Promise<string[]> {
  const out: string[] = [];
  for await (const ev of readSse(source)) out.push(ev.data);
  return out;
}

async function* byteChunks(source: SseSource): AsyncGenerator<ByteChunk> {
  const inner = 'body' in source && !isIterable(source) ? source.body : source;
  if (inner === null || inner === undefined) return;
  if (isWebStream(inner)) {
    const reader = inner.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        if (value !== undefined) yield value;
      }
    } finally {
      reader.releaseLock();
    }
  }
  if (isIterable(inner)) {
    for await (const chunk of inner) yield chunk;
    return;
  }
  throw new TypeError('readSse: source has no readable body');
}

function isWebStream(x: unknown): x is WebStream {
  return typeof x === 'object' && x !== null && typeof (x as { getReader?: unknown }).getReader === 'function';
}

function isIterable(x: unknown): x is AsyncIterable<ByteChunk> {
  return typeof x === 'object' && x !== null && Symbol.asyncIterator in x;
}
