/** Server-sent events as OpenAI sends them: `data: <json>\n\n`, ending with `data: [DONE]`. */

export const SSE_HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache',
  connection: 'keep-alive',
  // Stops nginx-style proxies from buffering the stream.
  'x-accel-buffering': 'no',
} as const;

/**
 * The upstream's own JSON text of a chunk, kept by the decoder so an unchanged chunk is not
 * serialised again. Whoever changes a chunk in place must drop it (`delete chunk[RAW_JSON]`);
 * new chunk objects never carry it.
 */
export const RAW_JSON = Symbol('raw-json');

export function sseData(value: unknown): string {
  const raw = value !== null && typeof value === 'object' ? (value as { [RAW_JSON]?: string })[RAW_JSON] : undefined;
  return `data: ${raw ?? JSON.stringify(value)}\n\n`;
}

export const SSE_DONE = 'data: [DONE]\n\n';
