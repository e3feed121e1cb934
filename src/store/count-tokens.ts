/**
 * Token counts of stored messages (o200k encoding), used to bound a session's history.
 * The count is an estimate for budgeting, not a billing figure: it covers the text content,
 * tool call names and arguments, plus a fixed per-message overhead for the role framing.
 */
import type { StoredMessage } from './types.js';

/** Framing tokens the chat format spends per message (role markers, separators). */
export const MESSAGE_OVERHEAD_TOKENS = 4;

/**
 * BPE merging is quadratic in the length of one pre-tokenized piece, and a long run without
 * whitespace (base64, minified data) is a single piece: 200 KB of one letter takes seconds.
 * Counting in slices bounds that cost; a cut adds at most one token per slice.
 */
const SLICE_CHARS = 1024;
const MIN_SLICE_CHARS = SLICE_CHARS / 2;

export type CountText = (text: string) => number;

let counterPromise: Promise<CountText> | undefined;

/** Loads the encoding tables once (a few MB, ~150 ms) on first use. */
export function loadTokenCounter(): Promise<CountText> {
  counterPromise ??= import('gpt-tokenizer/encoding/o200k_base').then((encoding) => {
    // User text may legitimately contain "<|endoftext|>" and the like: count it as plain text.
    const options = { allowedSpecial: new Set<string>(), disallowedSpecial: new Set<string>() };
    return (text: string) => countInSlices(text, (slice) => encoding.countTokens(slice, options));
  });
  return counterPromise;
}

export async function countMessageTokens(message: StoredMessage): Promise<number> {
  const countText = await loadTokenCounter();
  return countMessageTokensWith(countText, message);
}

/**
 * An upper bound of `countMessageTokens` without the tokenizer: every token covers at least one
 * UTF-8 byte of the text (slices included), so the byte length bounds the count. A history whose
 * bounds stay within its token limit needs no exact count to be trimmed exactly.
 */
export function messageTokenBound(message: StoredMessage): number {
  let bound = MESSAGE_OVERHEAD_TOKENS;
  for (const text of messageTexts(message)) bound += Buffer.byteLength(text, 'utf8');
  return bound;
}

export function countMessageTokensWith(countText: CountText, message: StoredMessage): number {
  let tokens = MESSAGE_OVERHEAD_TOKENS;
  for (const text of messageTexts(message)) tokens += countText(text);
  return tokens;
}

/** The parts of a message a model reads as text. Images, audio and files are not counted. */
export function messageTexts(message: StoredMessage): string[] {
  const texts: string[] = [];
  pushString(texts, message.name);
  pushString(texts, message.refusal);
  const content = message.content;
  if (typeof content === 'string') {
    texts.push(content);
  } else if (Array.isArray(content)) {
    for (const part of content) {
      if (!isRecord(part)) continue;
      pushString(texts, part.text);
      pushString(texts, part.refusal);
    }
  }
  if (Array.isArray(message.tool_calls)) {
    for (const call of message.tool_calls) {
      if (isRecord(call)) pushFunctionCall(texts, call.function);
    }
  }
  pushFunctionCall(texts, message.function_call);
  return texts;
}

function pushFunctionCall(texts: string[], call: unknown): void {
  if (!isRecord(call)) return;
  pushString(texts, call.name);
  pushString(texts, call.arguments);
}

function pushString(texts: string[], value: unknown): void {
  if (typeof value === 'string' && value.length > 0) texts.push(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function countInSlices(text: string, countSlice: CountText): number {
  if (text.length <= SLICE_CHARS) return countSlice(text);
  let tokens = 0;
  let start = 0;
  while (start < text.length) {
    const end = sliceEnd(text, start);
    tokens += countSlice(text.slice(start, end));
    start = end;
  }
  return tokens;
}

/** Prefers cutting before whitespace (where the encoder splits anyway), never inside a surrogate pair. */
function sliceEnd(text: string, start: number): number {
  const limit = start + SLICE_CHARS;
  if (limit >= text.length) return text.length;
  for (let i = limit; i > start + MIN_SLICE_CHARS; i--) {
    if (isWhitespace(text.charCodeAt(i))) return i;
  }
  const code = text.charCodeAt(limit);
  return code >= 0xdc00 && code <= 0xdfff ? limit - 1 : limit;
}

function isWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x09 || code === 0x0d;
}
