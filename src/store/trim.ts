/**
 * History entries and the trimming rule both stores apply after an append.
 *
 * An entry is one string, "<turnStart 0|1>:<tokens>:<message JSON>", so the Redis script can read
 * the metadata with an anchored match instead of decoding JSON, and the memory store keeps the
 * exact same bytes (which also makes its stored state immune to callers mutating objects).
 *
 * A turn runs from one user message to the next: an assistant tool call, its tool results and
 * the final answer stay together. Trimming drops whole turns from the oldest end while the history
 * exceeds either limit, and never touches the turn the append belongs to (when the appended
 * messages continue an earlier turn, e.g. tool results for a stored tool call, that turn is
 * protected too). The TypeScript function and the Lua script below implement the same rule and
 * are kept side by side on purpose; the shared store test suite runs against both.
 */
import type { HistoryLimits, StoredMessage } from './types.js';

export interface EntryMeta {
  startsTurn: boolean;
  tokens: number;
}

const ENTRY_HEADER = /^([01]):(\d+):/;

export function startsTurn(message: StoredMessage): boolean {
  return message.role === 'user';
}

export function encodeEntry(message: StoredMessage, tokens: number): string {
  return `${startsTurn(message) ? 1 : 0}:${Math.max(0, Math.round(tokens))}:${JSON.stringify(message)}`;
}

/** Reads the header only; an unrecognised entry counts as a zero-token turn start. */
export function decodeEntryMeta(entry: string): EntryMeta {
  const header = ENTRY_HEADER.exec(entry);
  if (!header) return { startsTurn: true, tokens: 0 };
  return { startsTurn: header[1] === '1', tokens: Number(header[2]) };
}

export function decodeEntryMessage(entry: string): StoredMessage {
  const header = ENTRY_HEADER.exec(entry);
  return JSON.parse(header ? entry.slice(header[0].length) : entry) as StoredMessage;
}

/**
 * TTLs are whole seconds (Redis EXPIRE) and at least 1: a zero or negative EXPIRE would delete
 * the session instead of keeping it briefly.
 */
export function wholeTtlSeconds(ttlSeconds: number): number {
  return Number.isFinite(ttlSeconds) ? Math.max(1, Math.ceil(ttlSeconds)) : 1;
}

/**
 * How many entries to drop from the head of `entries` (the whole history including the entries
 * appended from index `firstAppended` on) so that it fits the limits, in whole turns.
 */
export function entriesToDrop(
  entries: readonly EntryMeta[],
  firstAppended: number,
  limits: Pick<HistoryLimits, 'maxMessages' | 'maxTokens'>,
): number {
  let protectedFrom = Math.min(firstAppended, entries.length);
  while (protectedFrom > 0 && !entries[protectedFrom]?.startsTurn) protectedFrom--;

  let count = entries.length;
  let tokens = 0;
  for (const entry of entries) tokens += entry.tokens;

  let dropped = 0;
  while ((count > limits.maxMessages || tokens > limits.maxTokens) && dropped < protectedFrom) {
    let i = dropped;
    do {
      tokens -= entries[i]?.tokens ?? 0;
      count--;
      i++;
    } while (i < protectedFrom && !entries[i]?.startsTurn);
    dropped = i;
  }
  return dropped;
}

/**
 * Redis side of appendTurn, one atomic script: RPUSH the encoded entries, apply the rule of
 * entriesToDrop (1-based here), LTRIM, EXPIRE. Returns the number of dropped entries.
 * KEYS[1] = history list; ARGV = maxMessages, maxTokens, ttlSeconds, entry...
 */
export const APPEND_TURN_LUA = `
local key = KEYS[1]
local maxMessages = tonumber(ARGV[1])
local maxTokens = tonumber(ARGV[2])
local ttl = tonumber(ARGV[3])
local appended = #ARGV - 3
-- unpack() is bounded by the Lua C stack, so push in batches
for i = 4, #ARGV, 200 do
  redis.call('RPUSH', key, unpack(ARGV, i, math.min(i + 199, #ARGV)))
end

local entries = redis.call('LRANGE', key, 0, -1)
local total = #entries
local starts, tokens = {}, {}
local sum = 0
for i = 1, total do
  local s, t = string.match(entries[i], '^([01]):(%d+):')
  starts[i] = (s == nil) or (s == '1')
  tokens[i] = tonumber(t) or 0
  sum = sum + tokens[i]
end

local protectedFrom = total - appended + 1
while protectedFrom > 1 and not starts[protectedFrom] do protectedFrom = protectedFrom - 1 end

local count, dropped = total, 0
while (count > maxMessages or sum > maxTokens) and dropped + 1 < protectedFrom do
  local i = dropped + 1
  repeat
    sum = sum - tokens[i]
    count = count - 1
    i = i + 1
  until i >= protectedFrom or starts[i]
  dropped = i - 1
end

if dropped > 0 then redis.call('LTRIM', key, dropped, -1) end
redis.call('EXPIRE', key, ttl)
return dropped
`;
