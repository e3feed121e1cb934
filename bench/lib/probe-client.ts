/**
 * One-connection measurements with microsecond resolution (process.hrtime), where whole-ms
 * percentiles from a load generator cannot show a 0.1 ms difference:
 * - latency of sequential requests (answer read whole),
 * - a stream's time to first byte and to first content token (first non-blank `delta.content`).
 */
import { Client } from 'undici';
import { CHAT_PATH, requestHeaders, varyBody } from './chat-body.js';

export interface StreamTiming {
  firstByteMs: number;
  firstTokenMs: number;
  totalMs: number;
  /** The content the client received, for checking the answer. */
  text: string;
}

const nowMs = () => Number(process.hrtime.bigint()) / 1e6;

export class ProbeClient {
  private readonly client: Client;
  /** Requests sent so far: each gets its own place words (see chat-body.ts). */
  private sent = 0;

  constructor(port: number) {
    this.client = new Client(`http://127.0.0.1:${port}`, { pipelining: 1, keepAliveTimeout: 60_000 });
  }

  /** Sends `body`, reads the answer whole, and returns the elapsed ms (throws on a non-200). */
  async timed(body: string, sessionId?: string): Promise<{ ms: number; text: string }> {
    const t0 = nowMs();
    const res = await this.client.request({ method: 'POST', path: CHAT_PATH, headers: requestHeaders(sessionId), body: varyBody(body, this.sent++) });
    const text = await res.body.text();
    const ms = nowMs() - t0;
    if (res.statusCode !== 200) throw new Error(`status ${res.statusCode}: ${text.slice(0, 300)}`);
    return { ms, text };
  }

  /** Reads one stream, timing its first byte and its first non-blank content token. */
  async stream(body: string, sessionId?: string): Promise<StreamTiming> {
    const t0 = nowMs();
    const res = await this.client.request({ method: 'POST', path: CHAT_PATH, headers: requestHeaders(sessionId), body: varyBody(body, this.sent++) });
    if (res.statusCode !== 200) throw new Error(`status ${res.statusCode}: ${(await res.body.text()).slice(0, 300)}`);
    let firstByte = -1;
    let firstToken = -1;
    let buffered = '';
    let text = '';
    for await (const piece of res.body) {
      const t = nowMs();
      if (firstByte < 0) firstByte = t - t0;
      buffered += (piece as Buffer).toString('utf8');
      let end = buffered.indexOf('\n\n');
      while (end !== -1) {
        const frame = buffered.slice(0, end);
        buffered = buffered.slice(end + 2);
        end = buffered.indexOf('\n\n');
        if (!frame.startsWith('data: ') || frame === 'data: [DONE]') continue;
        const chunk = JSON.parse(frame.slice(6)) as { choices?: { delta?: { content?: string } }[] };
        const content = chunk.choices?.[0]?.delta?.content ?? '';
        text += content;
        if (firstToken < 0 && content.trim() !== '') firstToken = t - t0;
      }
    }
    return { firstByteMs: firstByte, firstTokenMs: firstToken, totalMs: nowMs() - t0, text };
  }

  close(): Promise<void> {
    return this.client.close();
  }
}
