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

// This runs on every streamed chunk: the patterns are built once here, not per call (a regex
// literal inside a function is a new object each time it is evaluated).
const SEPARATOR = /[\s]/;
const SPELLED_LETTER = /^\p{L}[.*_-]?$/u;
const DIGIT_OR_AT = /[0-9@]/;
const CAPS_GROUP = /^[A-Z]{2,4}[,.:;)]?$/;
const URL_PUNCTUATION = /[/:]/;
const LATIN_LETTER = /[a-z]/i;
const PHONE_START = /^[+(]/;
const CAPITALISED = /^["'(]?\p{Lu}/u;
const SENTENCE_END = /[.!?]$/;
const NUMBER_END = /[0-9]\.$/;
const INITIAL = /^[A-Z][a-z]?\.$/;
const MARKS = /\p{M}/gu;
const SENTENCE_BREAK = /[.!?]+["')\]]*\s+|\n+/g;
const EDGE_PUNCTUATION = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;

function valueLike(token: string, capitalised: boolean, spelledOut: boolean): boolean {
  if (spelledOut && SPELLED_LETTER.test(token)) return true;
  if (DIGIT_OR_AT.test(token)) return true;
  if (CAPS_GROUP.test(token)) return true; // IBAN/SWIFT groups, state codes
  if (URL_PUNCTUATION.test(token) && LATIN_LETTER.test(token)) return true; // URLs
  if (PHONE_START.test(token)) return true;
  if (capitalised && CAPITALISED.test(token)) return true;
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
    if (!inPhrase && SENTENCE_END.test(token) && !NUMBER_END.test(token) && !INITIAL.test(token)) break;
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
    .replace(MARKS, '')
    .toLowerCase()
    .replace(EDGE_PUNCTUATION, '');
}

/**
 * Start of the earliest trailing word sequence (complete words, then the partial word from
 * `partialStart`) that is a prefix of some phrase; `text.length` when none is.
 */
function phrasePrefixStart(text: string, partialStart: number, phrases: readonly (readonly string[])[]): number {
  let longest = 0;
  for (const p of phrases) longest = Math.max(longest, p.length);
  // Only phrases of two words or more can have a complete word before the partial one.
  if (longest < 2) return text.length;
  const partial = foldWord(text.slice(partialStart));
  // Any match has the partial word begin a phrase word after the first, and the last complete
  // word be a phrase word before the last: most tails fail one of these, folding two words only.
  if (partial !== '' && !beginsLaterWord(phrases, partial)) return text.length;
  let end = partialStart;
  while (end > 0 && SEPARATOR.test(text[end - 1] as string)) end--;
  let start = end;
  while (start > 0 && !SEPARATOR.test(text[start - 1] as string)) start--;
  if (start === end) return text.length;
  const last = foldWord(text.slice(start, end));
  if (!isNonFinalWord(phrases, last)) return text.length;
  // The last `longest - 1` complete words before the partial one, nearest last, with their
  // start offsets: read backwards, so a long pending tail is not folded word by word each time.
  const tail: { word: string; start: number }[] = [{ word: last, start }];
  end = start;
  while (tail.length < longest - 1) {
    while (end > 0 && SEPARATOR.test(text[end - 1] as string)) end--;
    if (end === 0) break;
    start = end;
    while (start > 0 && !SEPARATOR.test(text[start - 1] as string)) start--;
    tail.unshift({ word: foldWord(text.slice(start, end)), start });
    end = start;
  }
  for (let j = tail.length; j >= 1; j--) {
    const seq = tail.slice(tail.length - j).map((w) => w.word);
    const matches = phrases.some(
      (p) => p.length > j && seq.every((w, k) => p[k] === w) && (partial === '' || (p[j] ?? '').startsWith(partial)),
    );
    if (matches) return (tail[tail.length - j] as { start: number }).start;
  }
  return text.length;
}

function beginsLaterWord(phrases: readonly (readonly string[])[], partial: string): boolean {
  for (const p of phrases) for (let k = 1; k < p.length; k++) if ((p[k] as string).startsWith(partial)) return true;
  return false;
}

function isNonFinalWord(phrases: readonly (readonly string[])[], word: string): boolean {
  for (const p of phrases) for (let k = 0; k < p.length - 1; k++) if (p[k] === word) return true;
  return false;
}

/** End of the last complete sentence in `text` (0 when none), for the semantic kinds. */
export function sentenceEnd(text: string): number {
  const re = SENTENCE_BREAK;
  re.lastIndex = 0;
  let end = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) end = m.index + m[0].length;
  return end;
}
