// A scriptable OpenAI-compatible upstream on plain node:http, so gateway tests exercise real
// sockets, real chunked SSE and real connection failures without depending on the gateway's stack.
import http from 'node:http';
import { createHash } from 'node:crypto';
import type { AddressInfo, Socket } from 'node:net';
import { setTimeout as sleepWithSignal } from 'node:timers/promises';

export interface RecordedBody {
  model?: string;
  messages?: { role: string; content?: unknown; [key: string]: unknown }[];
  stream?: boolean;
  n?: number;
  stream_options?: { include_usage?: boolean };
  input?: unknown;
  [key: string]: unknown;
}

export interface RecordedRequest {
  method: string;
  /** path including the query string */
  path: string;
  headers: http.IncomingHttpHeaders;
  /** the parsed JSON body when it is an object, else `{}` (see rawBody) */
  body: RecordedBody;
  rawBody: string;
}

export interface ToolCallSpec { name: string; arguments: string; id?: string }
export interface UsageSpec { prompt_tokens: number; completion_tokens: number }

export type Behaviour =
  | { kind: 'reply'; text?: string | string[]; toolCalls?: ToolCallSpec[]; finishReason?: string;
      usage?: UsageSpec; delayMs?: number; choices?: number }
  | { kind: 'stream'; chunks: string[]; gapMs?: number; finishReason?: string | null; done?: boolean;
      toolCalls?: ToolCallSpec[]; usage?: UsageSpec }
  | { kind: 'raw-sse'; frames: string[]; gapMs?: number; end?: 'close' | 'destroy' }
  | { kind: 'error'; status: number; body?: unknown; headers?: Record<string, string> }
  | { kind: 'json'; status?: number; body: unknown; headers?: Record<string, string> }
  | { kind: 'hang' }
  | { kind: 'destroy' }
  | { kind: 'stream-then-destroy'; chunks: string[]; gapMs?: number }
  | { kind: 'stream-then-hang'; chunks: string[] }
  | { kind: 'echo' };

export type Route = 'chat' | 'embeddings' | 'moderations';

export interface FakeUpstream {
  url: string;
  origin: string;
  requests: RecordedRequest[];
  /** queue behaviours for POST /v1/chat/completions, consumed one per request in order */
  enqueue(...behaviours: Behaviour[]): void;
  /** queue for another route; content kinds (reply, echo, stream*) give that route's normal answer */
  enqueueFor(route: Route, ...behaviours: Behaviour[]): void;
  setDefault(behaviour: Behaviour): void;
  /** resolves once `nth` client aborts have happened; without nth each call waits for the next unclaimed one */
  waitForClientAbort(timeoutMs?: number, nth?: number): Promise<void>;
  readonly abortedCount: number;
  reset(): void;
  close(): Promise<void>;
}

interface Exchange {
  req: http.IncomingMessage;
  res: http.ServerResponse;
  body: RecordedBody;
  seq: number;
  signal: AbortSignal;
  /**
   * Kills the connection without the abort being blamed on the client: a reset when nothing was sent,
   * else a close once the deltas already written are flushed (a reset could discard them in flight).
   */
  destroySocket(): void;
}

const FINGERPRINT = 'fp_fake_upstream';
const MODELS = ['gpt-4o-mini', 'gpt-4o', 'text-embedding-3-small', 'omni-moderation-latest'];
const MODERATION_CATEGORIES = ['harassment', 'harassment/threatening', 'hate', 'hate/threatening', 'illicit',
  'illicit/violent', 'self-harm', 'self-harm/intent', 'self-harm/instructions', 'sexual', 'sexual/minors',
  'violence', 'violence/graphic'];

export async function startFakeUpstream(opts: { defaultBehaviour?: Behaviour } = {}): Promise<FakeUpstream> {
  const sockets = new Set<Socket>();
  const queues = new Map<Route, Behaviour[]>();
  const abortWaiters = new Set<{ nth: number; resolve: () => void }>();
  let defaultBehaviour: Behaviour = opts.defaultBehaviour ?? { kind: 'echo' };
  let abortedCount = 0;
  let claimedAborts = 0;
  let seq = 0;
  const requests: RecordedRequest[] = [];

  const noteClientAbort = (): void => {
    abortedCount += 1;
    for (const waiter of abortWaiters) {
      if (waiter.nth <= abortedCount) { abortWaiters.delete(waiter); waiter.resolve(); }
    }
  };

  const server = http.createServer((req, res) => {
    const controller = new AbortController();
    let destroyedByServer = false;
    res.on('close', () => {
      if (!res.writableFinished && !destroyedByServer) noteClientAbort();
      controller.abort();
    });
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const body = parseBody(rawBody);
      requests.push({ method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers, body, rawBody });
      seq += 1;
      const exchange: Exchange = {
        req, res, body, seq, signal: controller.signal,
        destroySocket: () => {
          destroyedByServer = true;
          if (res.headersSent) req.socket.destroySoon();
          else req.socket.resetAndDestroy();
        },
      };
      route(exchange).catch((err: unknown) => {
        if (!res.headersSent) sendJson(res, 500, openAiError(500, String(err)));
        else exchange.destroySocket();
      });
    });
  });

  const route = async (ex: Exchange): Promise<void> => {
    const pathname = new URL(ex.req.url ?? '/', 'http://fake').pathname.replace(/^\/v1(?=\/)/, '');
    const method = ex.req.method ?? 'GET';
    if (method === 'GET' && pathname === '/models') return sendJson(ex.res, 200, modelList());
    const routeName = method === 'POST' ? POST_ROUTES[pathname] : undefined;
    if (!routeName) return sendJson(ex.res, 404, openAiError(404, `Unknown route ${method} ${pathname}`));
    const queued = queues.get(routeName)?.shift();
    if (routeName === 'chat') return runChat(queued ?? defaultBehaviour, ex);
    const natural = routeName === 'embeddings' ? () => sendJson(ex.res, 200, embeddingsReply(ex.body))
      : () => sendJson(ex.res, 200, moderationsReply(ex.body, ex.seq));
    if (!queued || !(await runTransport(queued, ex))) natural();
  };

  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/v1`,
    origin,
    requests,
    enqueue: (...behaviours) => enqueueOn(queues, 'chat', behaviours),
    enqueueFor: (routeName, ...behaviours) => enqueueOn(queues, routeName, behaviours),
    setDefault: (behaviour) => { defaultBehaviour = behaviour; },
    waitForClientAbort(timeoutMs = 5000, nth?: number) {
      const target = nth ?? claimedAborts + 1;
      claimedAborts = Math.max(claimedAborts, target);
      if (abortedCount >= target) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          abortWaiters.delete(waiter);
          reject(new Error(`client abort #${target} not seen within ${timeoutMs} ms (seen ${abortedCount})`));
        }, timeoutMs);
        const waiter = { nth: target, resolve: () => { clearTimeout(timer); resolve(); } };
        abortWaiters.add(waiter);
      });
    },
    get abortedCount() { return abortedCount; },
    reset() {
      queues.clear();
      requests.length = 0;
      abortedCount = 0;
      claimedAborts = 0;
    },
    close() {
      // Hanging exchanges would keep server.close() waiting forever, so sockets are torn down first.
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const POST_ROUTES: Record<string, Route | undefined> = {
  '/chat/completions': 'chat', '/embeddings': 'embeddings', '/moderations': 'moderations',
};

function enqueueOn(queues: Map<Route, Behaviour[]>, routeName: Route, behaviours: Behaviour[]): void {
  const queue = queues.get(routeName) ?? [];
  queue.push(...behaviours);
  queues.set(routeName, queue);
}

function parseBody(raw: string): RecordedBody {
  try {
    const parsed: unknown = JSON.parse(raw);
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? parsed as RecordedBody : {};
  } catch {
    return {};
  }
}

/** Behaviours that concern the transport rather than the payload; false when the kind is a content kind. */
async function runTransport(b: Behaviour, ex: Exchange): Promise<boolean> {
  switch (b.kind) {
    case 'error':
      sendJson(ex.res, b.status, b.body === undefined ? openAiError(b.status) : b.body, b.headers);
      return true;
    case 'json':
      sendJson(ex.res, b.status ?? 200, b.body, b.headers);
      return true;
    case 'hang':
      return true;
    case 'destroy':
      ex.destroySocket();
      return true;
    case 'raw-sse':
      startSse(ex.res);
      await writeFrames(ex, b.frames, b.gapMs);
      if (b.end === 'destroy') ex.destroySocket();
      else ex.res.end();
      return true;
    default:
      return false;
  }
}

async function runChat(b: Behaviour, ex: Exchange): Promise<void> {
  if (await runTransport(b, ex)) return;
  const shape = chunkShape(ex);
  switch (b.kind) {
    case 'echo':
      return runReply({ kind: 'reply', text: `echo: ${lastUserText(ex.body)}` }, ex, shape);
    case 'reply':
      if (b.delayMs) await pause(b.delayMs, ex.signal);
      if (ex.signal.aborted) return;
      return runReply(b, ex, shape);
    case 'stream': {
      const toolCalls = withIds(b.toolCalls ?? [], ex.seq, 0);
      const finishReason = b.finishReason === undefined ? (toolCalls.length ? 'tool_calls' : 'stop') : b.finishReason;
      const deltas = [roleDelta(b.chunks.length > 0 || !toolCalls.length), ...b.chunks.map((content) => ({ content })),
        ...toolCallDeltas(toolCalls)].map((delta) => shape.chunk(0, delta, null));
      if (finishReason !== null) deltas.push(shape.chunk(0, {}, finishReason));
      startSse(ex.res);
      await writeFrames(ex, deltas.map(sseFrame), b.gapMs);
      const usage = b.usage ?? estimateUsage(ex.body, [b.chunks.join('')]);
      const tail = finishReason !== null && shape.includeUsage ? [sseFrame(shape.usageChunk(usage))] : [];
      if (b.done !== false) tail.push('data: [DONE]\n\n');
      await writeFrames(ex, tail, 0);
      if (!ex.signal.aborted) ex.res.end();
      return;
    }
    case 'stream-then-destroy':
    case 'stream-then-hang': {
      startSse(ex.res);
      const deltas = [roleDelta(true), ...b.chunks.map((content) => ({ content }))];
      await writeFrames(ex, deltas.map((delta) => sseFrame(shape.chunk(0, delta, null))),
        b.kind === 'stream-then-destroy' ? b.gapMs : 0);
      if (b.kind === 'stream-then-destroy' && !ex.signal.aborted) ex.destroySocket();
      return;
    }
  }
}

type ReplyBehaviour = Extract<Behaviour, { kind: 'reply' }>;
type ToolCall = Required<ToolCallSpec>;

async function runReply(b: ReplyBehaviour, ex: Exchange, shape: ChunkShape): Promise<void> {
  const count = b.choices ?? (typeof ex.body.n === 'number' ? ex.body.n : Array.isArray(b.text) ? b.text.length : 1);
  const texts = Array.from({ length: count }, (_, i) =>
    Array.isArray(b.text) ? b.text[i] ?? b.text.at(-1) ?? '' : b.text ?? (b.toolCalls?.length ? '' : 'ok'));
  const calls = texts.map((_, i) => withIds(b.toolCalls ?? [], ex.seq, i));
  const finishReason = b.finishReason ?? (b.toolCalls?.length ? 'tool_calls' : 'stop');
  const usage = b.usage ?? estimateUsage(ex.body, [...texts, ...calls.flat().map((c) => c.arguments)]);
  if (ex.body.stream !== true) return sendJson(ex.res, 200, shape.completion(texts, calls, finishReason, usage));

  const perChoice = texts.map((text, i) => {
    const deltas = [roleDelta(text !== '' || !calls[i]?.length), ...splitWords(text).map((content) => ({ content })),
      ...toolCallDeltas(calls[i] ?? [])];
    return [...deltas.map((delta) => shape.chunk(i, delta, null)), shape.chunk(i, {}, finishReason)];
  });
  // Choices are interleaved step by step, the way OpenAI emits them for n > 1.
  const frames: string[] = [];
  const steps = Math.max(...perChoice.map((list) => list.length));
  for (let step = 0; step < steps; step++) {
    for (const list of perChoice) { const chunk = list[step]; if (chunk) frames.push(sseFrame(chunk)); }
  }
  if (shape.includeUsage) frames.push(sseFrame(shape.usageChunk(usage)));
  frames.push('data: [DONE]\n\n');
  startSse(ex.res);
  await writeFrames(ex, frames, 0);
  if (!ex.signal.aborted) ex.res.end();
}

type ChunkShape = ReturnType<typeof chunkShape>;

function chunkShape(ex: Exchange) {
  const id = `chatcmpl-fake${ex.seq}`;
  const created = Math.floor(Date.now() / 1000);
  const model = typeof ex.body.model === 'string' ? ex.body.model : 'gpt-4o-mini';
  const includeUsage = ex.body.stream_options?.include_usage === true;
  const base = { id, object: 'chat.completion.chunk', created, model, service_tier: 'default', system_fingerprint: FINGERPRINT };
  return {
    includeUsage,
    chunk: (index: number, delta: object, finishReason: string | null) => ({
      ...base, choices: [{ index, delta, logprobs: null, finish_reason: finishReason }],
      ...(includeUsage ? { usage: null } : {}),
    }),
    usageChunk: (usage: UsageSpec) => ({ ...base, choices: [], usage: fullUsage(usage) }),
    completion: (texts: string[], calls: ToolCall[][], finishReason: string, usage: UsageSpec) => ({
      id, object: 'chat.completion', created, model,
      choices: texts.map((text, index) => ({
        index,
        message: {
          role: 'assistant', content: text === '' && calls[index]?.length ? null : text, refusal: null, annotations: [],
          ...(calls[index]?.length ? { tool_calls: calls[index].map((c) => ({
            id: c.id, type: 'function', function: { name: c.name, arguments: c.arguments } })) } : {}),
        },
        logprobs: null,
        finish_reason: finishReason,
      })),
      usage: fullUsage(usage), service_tier: 'default', system_fingerprint: FINGERPRINT,
    }),
  };
}

function roleDelta(hasText: boolean): object {
  return { role: 'assistant', content: hasText ? '' : null, refusal: null };
}

/** Header delta (id + name) per call, then the arguments in small pieces, as OpenAI streams them. */
function toolCallDeltas(calls: ToolCall[]): object[] {
  return calls.flatMap((call, index) => [
    { tool_calls: [{ index, id: call.id, type: 'function', function: { name: call.name, arguments: '' } }] },
    ...(call.arguments.match(/[\s\S]{1,8}/g) ?? []).map((piece) => ({ tool_calls: [{ index, function: { arguments: piece } }] })),
  ]);
}

function withIds(calls: ToolCallSpec[], seq: number, choice: number): ToolCall[] {
  return calls.map((c, i) => ({ ...c, id: c.id ?? `call_fake_${seq}_${choice}_${i}` }));
}

/** Token-like pieces that keep their leading whitespace, so joining them restores the text exactly. */
function splitWords(text: string): string[] {
  return text.match(/\s*\S+|\s+/g) ?? [];
}

function lastUserText(body: RecordedBody): string {
  const user = [...(body.messages ?? [])].reverse().find((m) => m.role === 'user');
  return user ? contentText(user.content) : '';
}

function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content.map((part: unknown) => (isTextPart(part) ? part.text : '')).join('');
}

function isTextPart(part: unknown): part is { text: string } {
  return typeof part === 'object' && part !== null && typeof (part as { text?: unknown }).text === 'string';
}

function approxTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

function estimateUsage(body: RecordedBody, outputs: string[]): UsageSpec {
  const prompt = (body.messages ?? []).map((m) => contentText(m.content)).join('\n');
  return { prompt_tokens: approxTokens(prompt), completion_tokens: outputs.reduce((n, t) => n + approxTokens(t), 0) };
}

function fullUsage(u: UsageSpec): object {
  return {
    prompt_tokens: u.prompt_tokens, completion_tokens: u.completion_tokens, total_tokens: u.prompt_tokens + u.completion_tokens,
    prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
  };
}

function openAiError(status: number, message?: string): object {
  if (status === 429) {
    return { error: { message: message ?? 'Rate limit reached for requests', type: 'requests', param: null, code: 'rate_limit_exceeded' } };
  }
  const type = status === 401 ? 'invalid_request_error' : status >= 500 ? 'server_error' : 'invalid_request_error';
  const code = status === 401 ? 'invalid_api_key' : null;
  return { error: { message: message ?? `Fake upstream error ${status}`, type, param: null, code } };
}

function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'x-request-id': 'req_fake', ...headers });
  res.end(text);
}

function startSse(res: http.ServerResponse): void {
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive',
    'x-request-id': 'req_fake',
  });
  // Headers go out at once so clients see the stream open before the first delta.
  res.flushHeaders();
}

function sseFrame(payload: object): string {
  return `data: ${JSON.stringify(payload)}\n\n`;
}

async function writeFrames(ex: Exchange, frames: string[], gapMs = 0): Promise<void> {
  for (const [i, frame] of frames.entries()) {
    if (i > 0 && gapMs > 0) await pause(gapMs, ex.signal);
    if (ex.signal.aborted) return;
    ex.res.write(frame);
  }
}

async function pause(ms: number, signal: AbortSignal): Promise<void> {
  await sleepWithSignal(ms, undefined, { signal }).catch(() => undefined);
}

function modelList(): object {
  return { object: 'list', data: MODELS.map((id) => ({ id, object: 'model', created: 1700000000, owned_by: 'system' })) };
}

function embeddingsReply(body: RecordedBody): object {
  const raw = body.input;
  const inputs = (Array.isArray(raw) && raw.every((x) => typeof x === 'string') ? raw : [raw]).map((x) =>
    typeof x === 'string' ? x : JSON.stringify(x) ?? '');
  const dims = typeof body.dimensions === 'number' ? body.dimensions : 64;
  const base64 = body.encoding_format === 'base64';
  const data = inputs.map((text, index) => {
    const vector = hashEmbedding(text, dims);
    const embedding = base64 ? Buffer.from(new Float32Array(vector).buffer).toString('base64') : vector;
    return { object: 'embedding', index, embedding };
  });
  const tokens = inputs.reduce((n, t) => n + approxTokens(t), 0);
  return { object: 'list', data, model: body.model ?? 'text-embedding-3-small', usage: { prompt_tokens: tokens, total_tokens: tokens } };
}

/** Bag of hashed words, unit length: texts sharing words get a high cosine similarity. */
function hashEmbedding(text: string, dims: number): number[] {
  const vector = new Array<number>(dims).fill(0);
  for (const word of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    const digest = createHash('sha1').update(word).digest();
    vector[digest.readUInt32LE(0) % dims]! += digest[4]! & 1 ? 1 : -1;
  }
  const norm = Math.hypot(...vector) || 1;
  return vector.map((x) => x / norm);
}

function moderationsReply(body: RecordedBody, seq: number): object {
  const raw = body.input;
  // A list of strings is moderated item by item; a list of content parts is one multimodal input.
  const inputs = Array.isArray(raw) && raw.every((x) => typeof x === 'string') ? raw : [contentText(raw)];
  const results = inputs.map((text) => {
    const flagged = text.includes('FLAGME');
    const categories = Object.fromEntries(MODERATION_CATEGORIES.map((c) => [c, flagged && c === 'violence']));
    const scores = Object.fromEntries(MODERATION_CATEGORIES.map((c) => [c, flagged && c === 'violence' ? 0.99 : 0.0001]));
    const appliedTypes = Object.fromEntries(MODERATION_CATEGORIES.map((c) => [c, ['text']]));
    return { flagged, categories, category_scores: scores, category_applied_input_types: appliedTypes };
  });
  return { id: `modr-fake${seq}`, model: body.model ?? 'omni-moderation-latest', results };
}
