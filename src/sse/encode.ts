/** Server-sent events as OpenAI sends them: `data: <json>\n\n`, ending with `data: [DONE]`. */

export const SSE_HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache',
  connection: 'keep-alive',
  // Stops nginx-style proxies from buffering the stream.
  'x-accel-buffering': 'no',
} as const;

export function sseData(value: unknown): string {
  return `data: ${JSON.stringify(value)}\n\n`;
}

export const SSE_DONE = 'data: [DONE]\n\n';
