/**
 * The request every target gets: a 461-byte chat body of ordinary prose (a typical short turn
 * with a client system message), nothing any guardrail acts on, so the measured path is the
 * common one: scanned, passed, forwarded.
 */

export const BODY_BYTES = 461;

const SYSTEM = 'You are a concise travel assistant.';
const USER =
  'I am planning a weekend trip to the coast with two friends and we would like a relaxed itinerary. ' +
  'We enjoy walking along the beach, small museums and local food. Could you suggest a plan for ' +
  'Saturday and Sunday with a rough timetable, and a few tips on what to pack? We go by train.';

/** The body for `model`, padded with trailing spaces in the user turn to exactly BODY_BYTES. */
export function chatBody(model: string, stream: boolean): string {
  const build = (pad: number) =>
    JSON.stringify({
      model,
      messages: [
        { role: 'system', content: SYSTEM },
        { role: 'user', content: USER + ' '.repeat(pad) },
      ],
      temperature: 0.7,
      max_tokens: 256,
      stream,
    });
  const base = Buffer.byteLength(build(0));
  if (base > BODY_BYTES) throw new Error(`the bench body is ${base} bytes, over ${BODY_BYTES}`);
  return build(BODY_BYTES - base);
}

export const API_KEY = 'sk-bench';
export const CHAT_PATH = '/v1/chat/completions';

export function requestHeaders(sessionId?: string): Record<string, string> {
  const h: Record<string, string> = { 'content-type': 'application/json', authorization: `Bearer ${API_KEY}` };
  if (sessionId) h['x-session-id'] = sessionId;
  return h;
}
