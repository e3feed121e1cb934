/**
 * One interface for every upstream. Providers are plain objects built from config by a
 * hand-written map (./index.ts); routing and retries live in the pipeline, not here.
 */
import type { ChatCompletionChunk } from 'openai/resources/chat/completions';
import type { CancelSignal } from '../cancel-signal.js';

export type JsonObject = Record<string, unknown>;

export interface UpstreamCall {
  /** The body as the upstream receives it (upstream model name already set). */
  body: JsonObject;
  stream: boolean;
  signal: CancelSignal;
  requestId: string;
}

/** The chunks of one upstream read, in order; never empty. */
export type ChunkBatch = ChatCompletionChunk[];

export type UpstreamResult =
  | { kind: 'json'; status: number; body: JsonObject; headers: Record<string, string> }
  | { kind: 'stream'; status: number; headers: Record<string, string>; events: AsyncIterable<ChunkBatch> };

/** Why one attempt at one target failed; decides retry, fallback and the client's status. */
export type FailureKind =
  | 'connect' // could not reach it, or the connection broke before a response
  | 'timeout' // no response headers (or whole body) in time
  | 'status' // an HTTP error status from the upstream
  | 'invalid_response' // a 200 whose body is not valid JSON: counts as a 5xx
  | 'misconfigured'; // e.g. its API key variable is unset

export class UpstreamFailure extends Error {
  readonly kind: FailureKind;
  readonly status: number | undefined;
  readonly retryAfterMs: number | undefined;
  /** The upstream's own error body, for 4xx pass-through. */
  readonly body: unknown;

  constructor(kind: FailureKind, message: string, opts: { status?: number; retryAfterMs?: number; body?: unknown; cause?: unknown } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'UpstreamFailure';
    this.kind = kind;
    this.status = opts.status;
    this.retryAfterMs = opts.retryAfterMs;
    this.body = opts.body;
  }
}

/** A fault inside a stream whose headers already went to the client. */
export class StreamFault extends Error {
  readonly code: 'upstream_error' | 'upstream_timeout';
  constructor(code: 'upstream_error' | 'upstream_timeout', message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'StreamFault';
    this.code = code;
  }
}

export interface Provider {
  readonly name: string;
  readonly type: string;
  chat(call: UpstreamCall): Promise<UpstreamResult>;
  /** Any other JSON endpoint (embeddings, moderations) for engines that delegate. */
  postJson(path: string, body: JsonObject, signal: CancelSignal): Promise<JsonObject>;
  close(): Promise<void>;
}
