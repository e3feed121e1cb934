/**
 * The request every target gets: a 461-byte chat body of ordinary prose (a typical short turn
 * with a client system message), nothing any guardrail acts on, so the measured path is the
 * common one: scanned, passed, forwarded. The system message is the same on every request, as
 * in a real application; the user turn names three places that change with every request
 * (32,768 combinations, more than the gateway's verdict cache holds), so every request's user
 * text is new to the gateway and really scanned.
 */

export const BODY_BYTES = 461;

const SYSTEM = 'You are a concise travel assistant.';
const USER =
  'I am planning a weekend trip to the coast with two friends and we would like a relaxed itinerary. ' +
  'We enjoy walking along the beach, small museums and local food. Could you suggest a plan for ' +
  'Saturday and Sunday with a timetable? We go by train. ' +
  'Places we like: ';

/** Six letters each, so every variant of the body has the same length. */
export const PLACE_WORDS: readonly string[] = [
  'harbor', 'garden', 'castle', 'bridge', 'forest', 'valley', 'meadow', 'island',
  'canyon', 'temple', 'market', 'museum', 'lagoon', 'summit', 'palace', 'tavern',
  'bakery', 'cinema', 'chapel', 'marina', 'quarry', 'ravine', 'stable', 'tunnel',
  'vinery', 'orchid', 'plains', 'cellar', 'arcade', 'bistro', 'cabins', 'shores',
];
/** Where the three place words go in the body; the body as built holds variant 0. */
export const PLACE_SLOT = 'harbor, harbor, harbor';

export function placesFor(n: number): string {
  const w = PLACE_WORDS;
  return `${w[n % 32]}, ${w[Math.floor(n / 32) % 32]}, ${w[Math.floor(n / 1024) % 32]}`;
}

/** The body with the place words of request `n`. */
export function varyBody(body: string, n: number): string {
  return body.replace(PLACE_SLOT, placesFor(n));
}

/** The body for `model`, padded with trailing spaces in the user turn to exactly BODY_BYTES. */
export function chatBody(model: string, stream: boolean): string {
  const build = (pad: number) =>
    JSON.stringify({
      model,
      messages: [
        { role: 'system', content: SYSTEM },
        { role: 'user', content: `${USER}${PLACE_SLOT}.${' '.repeat(pad)}` },
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
