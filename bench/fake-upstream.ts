/**
 * A fake OpenAI chat upstream for the benchmark, on loopback, doing as little as possible so it
 * is never the bottleneck: every reply is pre-serialised, the request body is only searched for
 * `"stream":true` and the paced model name, never parsed.
 *
 * - JSON: one fixed chat.completion.
 * - Stream: a role chunk, 20 content tokens, a finish chunk and [DONE], one write per event, as a
 *   provider sends its tokens (a busy reader still gets several events per read).
 *   STREAM_WRITES=one sends the whole stream in one write instead.
 * - Paced stream (model `paced`): 50 tokens, one write every PACE_MS, the first at once.
 *
 * Prints `listening <port>` on stdout once ready. Env: PORT (0 = any free port).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FAST_TOKENS, PACED_TOKENS, PACE_MS } from './lib/upstream-tokens.js';

const CREATED = 1_700_000_000;

function chunkFrame(model: string, delta: Record<string, string>, finish: string | null): string {
  const chunk = {
    id: 'chatcmpl-bench',
    object: 'chat.completion.chunk',
    created: CREATED,
    model,
    system_fingerprint: null,
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
  };
  return `data: ${JSON.stringify(chunk)}\n\n`;
}

function streamFrames(model: string, tokens: readonly string[]): Buffer[] {
  const frames = [chunkFrame(model, { role: 'assistant', content: '' }, null)];
  for (const t of tokens) frames.push(chunkFrame(model, { content: t }, null));
  frames.push(chunkFrame(model, {}, 'stop'));
  frames.push('data: [DONE]\n\n');
  return frames.map((f) => Buffer.from(f));
}

const completion = Buffer.from(
  JSON.stringify({
    id: 'chatcmpl-bench',
    object: 'chat.completion',
    created: CREATED,
    model: 'fast',
    system_fingerprint: null,
    choices: [{ index: 0, message: { role: 'assistant', content: FAST_TOKENS.join(''), refusal: null }, logprobs: null, finish_reason: 'stop' }],
    usage: { prompt_tokens: 96, completion_tokens: FAST_TOKENS.length, total_tokens: 96 + FAST_TOKENS.length },
  }),
);
const ONE_WRITE = process.env.STREAM_WRITES === 'one';
const fastFrames = streamFrames('fast', FAST_TOKENS);
const fastStream = Buffer.concat(fastFrames);
// Paced: frame 0 carries the role, frame 1 the first token; both go out at once.
const pacedFrames = streamFrames('paced', PACED_TOKENS);

const SSE_HEAD = { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' };

function sendPaced(res: ServerResponse): void {
  const [role, first] = pacedFrames;
  res.writeHead(200, SSE_HEAD);
  res.write(Buffer.concat([role as Buffer, first as Buffer]));
  let next = 2;
  const tick = () => {
    if (res.destroyed) return;
    const frame = pacedFrames[next++];
    if (next >= pacedFrames.length - 1) {
      // The finish chunk and [DONE] close the stream together.
      res.end(Buffer.concat([frame as Buffer, pacedFrames[pacedFrames.length - 1] as Buffer]));
      return;
    }
    res.write(frame as Buffer);
    setTimeout(tick, PACE_MS);
  };
  setTimeout(tick, PACE_MS);
}

function handle(req: IncomingMessage, res: ServerResponse, body: string): void {
  if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end('{"error":{"message":"not found","type":"invalid_request_error"}}');
    return;
  }
  if (!body.includes('"stream":true')) {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': completion.length });
    res.end(completion);
    return;
  }
  if (body.includes('"model":"paced"')) {
    sendPaced(res);
    return;
  }
  res.writeHead(200, SSE_HEAD);
  if (ONE_WRITE) {
    res.end(fastStream);
    return;
  }
  for (let i = 0; i < fastFrames.length - 1; i++) res.write(fastFrames[i] as Buffer);
  res.end(fastFrames[fastFrames.length - 1]);
}

const server = createServer({ noDelay: true, keepAliveTimeout: 60_000 }, (req, res) => {
  const parts: Buffer[] = [];
  req.on('data', (p: Buffer) => parts.push(p));
  req.on('end', () => handle(req, res, parts.length === 1 ? (parts[0] as Buffer).toString('latin1') : Buffer.concat(parts).toString('latin1')));
});
server.keepAliveTimeout = 60_000;
server.headersTimeout = 65_000;

server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  process.stdout.write(`listening ${(server.address() as AddressInfo).port}\n`);
});
process.on('SIGTERM', () => process.exit(0));
process.on('SIGINT', () => process.exit(0));
