/**
 * How much of a streamed tail to hold back: only what could still grow into a match. The last
 * partial word always waits for its end; before it, a run of value-like tokens (digits, @, URL
 * punctuation, short all-caps groups as in IBANs, capitalised words when names or addresses are
 * looked for) joined by single separators waits too, since a phone number, card or name may
 * continue. Ordinary prose is released one word behind the model.
 */

export interface HoldbackNeeds {
  /** NAME or ADDRESS are looked for: capitalised words may start a match. */
  capitalised: boolean;
  /** Managed profanity is on: single letters may be a word spelled out ("f u c k"). */
  spelledOut: boolean;
  /** Multi-word custom phrases, as folded words: trailing words that begin one wait for the rest. */
  phrases: readonly (readonly string[])[];
  /** Words a custom regex pattern may span: that many trailing words wait (patterns cannot be read for prefixes). */
  phraseWords: number;
  /** Placeholders may be split across chunks (pseudonymize). */
  placeholders: boolean;
  /** Upper bound on held characters. */
  maxChars: number;
}

const SEPARATOR = /[\s]/;

function valueLike(token: string, capitalised: boolean, spelledOut: boolean): boolean {
  if (spelledOut && /^\p{L}[.*_-]?$/u.test(token)) return true;
  if (/[0-9@]/.test(token)) return true;
  if (/^[A-Z]{2,4}[,.:;)]?$/.test(token)) return true; // IBAN/SWIFT groups, state codes
  if (/[/:]/.test(token) && /[a-z]/i.test(token)) return true; // URLs
  if (/^[+(]/.test(token)) return true;
  if (capitalised && /^["'(]?\p{Lu}/u.test(token)) return true;
  return false;
}

/** Index in `text` from which to hold back. `text.length` means release everything. */
export function holdbackStart(text: string, needs: HoldbackNeeds, final = false): number {
  if (final || text.length === 0) return text.length;
  let hold = text.length;

  // 1. The last partial word (no separator after it yet).
  let i = text.length;
  while (i > 0 && !SEPARATOR.test(text[i - 1] as string)) i--;
  hold = i;

  // 2. Value-like tokens before it, joined by single separators.
  let pos = hold;
  let wordsBack = 0;
  while (pos > 0) {
    let sepStart = pos;
    while (sepStart > 0 && SEPARATOR.test(text[sepStart - 1] as string)) sepStart--;
    const sep = text.slice(sepStart, pos);
    if (sep.length === 0 || sep.length > 2 || sep.includes('\n\n')) break;
    let wordStart = sepStart;
    while (wordStart > 0 && !SEPARATOR.test(text[wordStart - 1] as string)) wordStart--;
    const token = text.slice(wordStart, sepStart);
    if (token === '') break;
    wordsBack++;
    const inPhrase = wordsBack < needs.phraseWords;
    if (!inPhrase && !valueLike(token, needs.capitalised, needs.spelledOut)) break;
    // A sentence end closes a value run (but a phrase may still span it).
    if (!inPhrase && /[.!?]$/.test(token) && !/[0-9]\.$/.test(token) && !/^[A-Z][a-z]?\.$/.test(token)) break;
    pos = wordStart;
    if (text.length - pos > needs.maxChars) break;
  }
  hold = Math.min(hold, pos);

  // 3. Trailing words that begin a multi-word custom phrase.
  if (needs.phrases.length > 0) hold = Math.min(hold, phrasePrefixStart(text, i, needs.phrases));

  // 4. An unclosed placeholder `{EMAIL_3f9…` waits for its brace.
  if (needs.placeholders) {
    const open = text.lastIndexOf('{');
    if (open !== -1 && text.indexOf('}', open) === -1 && text.length - open <= 40) hold = Math.min(hold, open);
  }

  return Math.max(hold, text.length - needs.maxChars, 0);
}

export function foldWord(word: string): string {
  return word
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

/**
 * Start of the earliest trailing word sequence (complete words, then the partial word from
 * `partialStart`) that is a prefix of some phrase; `text.length` when none is.
 */
function phrasePrefixStart(text: string, partialStart: number, phrases: readonly (readonly string[])[]): number {
  const partial = foldWord(text.slice(partialStart));
  const longest = Math.max(...phrases.map((p) => p.length));
  // The complete words before the partial one, nearest last, with their start offsets.
  const words: { word: string; start: number }[] = [];
  const re = /\S+/g;
  const head = text.slice(0, partialStart);
  for (let m = re.exec(head); m !== null; m = re.exec(head)) words.push({ word: foldWord(m[0]), start: m.index });
  const tail = words.slice(-(longest - 1));
  for (let j = tail.length; j >= 1; j--) {
    const seq = tail.slice(tail.length - j).map((w) => w.word);
    const matches = phrases.some(
      (p) => p.length > j && seq.every((w, k) => p[k] === w) && (partial === '' || (p[j] ?? '').startsWith(partial)),
    );
    if (matches) return (tail[tail.length - j] as { start: number }).start;
  }
  return text.length;
}

/** End of the last complete sentence in `text` (0 when none), for the semantic kinds. */
export function sentenceEnd(text: string): number {
  const re = /[.!?]+["')\]]*\s+|\n+/g;
  let end = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) end = m.index + m[0].length;
  return end;
}
