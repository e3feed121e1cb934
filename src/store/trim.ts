/**
 * History entries and the trimming rule both stores apply after an append.
 *
 * An entry is one string, "<turnStart 0|1>:<tokens>:<message JSON>", so the Redis script can read
 * the metadata with an anchored match instead of decoding JSON, and the memory store keeps the
 * exact same bytes (which also makes its stored state immune to callers mutating objects).
 *
 * A space after the header ("1:57: {...}") marks an upper bound (the UTF-8 length, see
 * messageTokenBound) instead of the tokenizer's count; a reader that does not know the mark still
 * parses the entry and takes the bound for a count, which can only trim more. An append stores
 * bounds when even bounds leave the history within its token limit: trimming then drops the same
 * turns as exact counts would, and a short conversation never needs the tokenizer. Once bounds
 * could pass the limit, the appended entries are counted and the history's bounded entries are
 * replaced by exact counts before trimming (in the Redis script: a first call answers which
 * entries need it).
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
  /** false when `tokens` is an upper bound rather than the tokenizer's count. */
  exact: boolean;
}

const ENTRY_HEADER = /^([01]):(\d+):( ?)/;

export function startsTurn(message: StoredMessage): boolean {
  return message.role === 'user';
}

export function encodeEntry(message: StoredMessage, tokens: number, exact = true): string {
  return entryHeader(startsTurn(message), tokens, exact) + JSON.stringify(message);
}

function entryHeader(turnStart: boolean, tokens: number, exact: boolean): string {
  return `${turnStart ? 1 : 0}:${Math.max(0, Math.round(tokens))}:${exact ? '' : ' '}`;
}

/** Reads the header only; an unrecognised entry counts as a zero-token turn start. */
export function decodeEntryMeta(entry: string): EntryMeta {
  const header = ENTRY_HEADER.exec(entry);
  if (!header) return { startsTurn: true, tokens: 0, exact: true };
  return { startsTurn: header[1] === '1', tokens: Number(header[2]), exact: header[3] === '' };
}

/** The same entry with an exact count in place of its bound; the message JSON is kept verbatim. */
export function withExactTokens(entry: string, tokens: number): string {
  const header = ENTRY_HEADER.exec(entry);
  if (!header) return entry;
  return entryHeader(header[1] === '1', tokens, true) + entry.slice(header[0].length);
}

/** Whether an append whose messages have token bounds `bounds` can store them as they are. */
export function boundsFit(historyTokens: number, bounds: readonly number[], maxTokens: number): boolean {
  let total = historyTokens;
  for (const bound of bounds) total += bound;
  return total <= maxTokens;
}

/** Total of the token figures (exact or bound) of stored entries. */
export function storedTokens(entries: readonly string[]): number {
  let total = 0;
  for (const entry of entries) total += decodeEntryMeta(entry).tokens;
  return total;
}

/** A loaded history: its messages and the sum of their token figures, read in one pass. */
export function decodeEntries(entries: readonly string[]): { messages: StoredMessage[]; tokens: number } {
  const messages: StoredMessage[] = [];
  let tokens = 0;
  for (const entry of entries) {
    const header = ENTRY_HEADER.exec(entry);
    if (header) tokens += Number(header[2]);
    messages.push(JSON.parse(header ? entry.slice(header[0].length) : entry) as StoredMessage);
  }
  return { messages, tokens };
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
  entries: readonly Pick<EntryMeta, 'startsTurn' | 'tokens'>[],
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
 * Redis side of appendTurn, one atomic script. ARGV = maxMessages, maxTokens, ttlSeconds, mode,
 * fix count, fixes (0-based index, entry expected there, its replacement), entry...
 *
 * Mode "try": when the history with the appended entries passes maxTokens and any of them holds a
 * bound, nothing is changed and the reply is {-1, index, entry, ...} of the stored bounded
 * entries, for the caller to count and call again in mode "exact". Otherwise (and always in mode
 * "exact"), each fix is applied where the entry is still the expected one, then RPUSH, the rule
 * of entriesToDrop (1-based here), LTRIM and EXPIRE; the reply is the number of dropped entries.
 * KEYS[1] = history list.
 */
export const APPEND_TURN_LUA = `
local key = KEYS[1]
local maxMessages = tonumber(ARGV[1])
local maxTokens = tonumber(ARGV[2])
local ttl = tonumber(ARGV[3])
local exactMode = ARGV[4] == 'exact'
local fixCount = tonumber(ARGV[5])
local firstEntry = 6 + 3 * fixCount

for f = 0, fixCount - 1 do
  local at = 6 + 3 * f
  local index = tonumber(ARGV[at])
  if redis.call('LINDEX', key, index) == ARGV[at + 1] then redis.call('LSET', key, index, ARGV[at + 2]) end
end

local stored = redis.call('LRANGE', key, 0, -1)
local starts, tokens, bounded = {}, {}, {}
local sum, anyBound = 0, false
local function read(entry, i)
  local s, t, b = string.match(entry, '^([01]):(%d+):( ?)')
  starts[i] = (s == nil) or (s == '1')
  tokens[i] = tonumber(t) or 0
  sum = sum + tokens[i]
  if b == ' ' then anyBound = true end
  return b == ' '
end
for i = 1, #stored do
  if read(stored[i], i) then bounded[#bounded + 1] = i end
end
for i = firstEntry, #ARGV do read(ARGV[i], #stored + i - firstEntry + 1) end

if not exactMode and sum > maxTokens and anyBound then
  local reply = {-1}
  for _, i in ipairs(bounded) do
    reply[#reply + 1] = i - 1
    reply[#reply + 1] = stored[i]
  end
  return reply
end

-- unpack() is bounded by the Lua C stack, so push in batches
for i = firstEntry, #ARGV, 200 do
  redis.call('RPUSH', key, unpack(ARGV, i, math.min(i + 199, #ARGV)))
end

local total = #stored + (#ARGV - firstEntry + 1)
local protectedFrom = #stored + 1
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
