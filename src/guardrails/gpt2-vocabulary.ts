/**
 * GPT-2's byte-pair vocabulary (r50k, installed with gpt-tokenizer), whose ranks are frequency
 * ranks over a large web corpus. Read from the package's file as bytes each time it is asked for,
 * so callers keep only what they derive from it, never the 50k-entry module.
 */
import { loadTokenBytes } from '../store/bpe-source.js';

const SPACE = 0x20;

/**
 * Calls `visit` with every token that begins a word (a leading space: " statement", " Kevin"), in
 * rank order; the others are never decoded. A token that is not valid UTF-8 on its own (the
 * package keeps those as byte arrays) comes out with U+FFFD, which no word pattern matches.
 */
export function forEachGpt2WordToken(visit: (token: string, rank: number) => void): void {
  const { data, offsets, count } = loadTokenBytes('r50k_base');
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  for (let rank = 0; rank < count; rank++) {
    const start = offsets[rank] as number;
    if (bytes[start] === SPACE && start < (offsets[rank + 1] as number)) visit(bytes.toString('utf8', start, offsets[rank + 1]), rank);
  }
}
