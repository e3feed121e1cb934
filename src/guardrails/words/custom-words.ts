/**
 * Configured words and phrases, compiled into one regular expression shaped as a trie.
 *
 * Matching is on folded text (see text-normalize.ts): case-insensitive, accents ignored ("Ünïcode"
 * matches "unicode" and the other way round), full-width and invisible characters resolved.
 * Words are bounded by non-letters, except at an edge written in a script without spaces between
 * words (Chinese, Japanese, Thai...), where a word boundary cannot be seen. The words of a phrase
 * may be separated by any run of whitespace, line breaks included.
 */
import type { WordMatch } from '../types.js';
import { foldString, toSourceSpan } from '../text-normalize.js';
import type { FoldedText } from '../text-normalize.js';

export type CustomWordsMatcher = (folded: FoldedText) => WordMatch[];

interface TrieNode {
  children: Map<string, TrieNode>;
  /** set when a phrase ends here */
  terminal: boolean;
}

const WHITESPACE_EDGE = ' ';
const WORD_CHAR = /[\p{L}\p{N}\p{M}_]/u;
const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

/** Folds and splits the configured phrases into words; empty entries are dropped. */
export function phraseWords(words: string[]): string[][] {
  return words.map((word) => foldString(word).trim().split(/\s+/u).filter(Boolean)).filter((parts) => parts.length > 0);
}

export function compileCustomWords(words: string[]): CustomWordsMatcher | undefined {
  const phrases = phraseWords(words);
  if (phrases.length === 0) return undefined;
  const root: TrieNode = { children: new Map(), terminal: false };
  for (const phrase of phrases) {
    let node = root;
    const edges = phrase.flatMap((word, index) => [...(index > 0 ? [WHITESPACE_EDGE] : []), ...word]);
    for (const edge of edges) {
      let child = node.children.get(edge);
      if (!child) {
        child = { children: new Map(), terminal: false };
        node.children.set(edge, child);
      }
      node = child;
    }
    node.terminal = true;
  }
  const matcher = new RegExp(nodeSource(root), 'gu');

  return (folded) => {
    const text = folded.text;
    const spans: WordMatch[] = [];
    matcher.lastIndex = 0;
    for (let m = matcher.exec(text); m !== null; m = matcher.exec(text)) {
      // The start boundary is checked here rather than by a look-behind at every position.
      if (needsBoundary(m[0]) && isWordChar(text, m.index - 1)) {
        matcher.lastIndex = m.index + 1;
        continue;
      }
      const span = toSourceSpan(folded, m.index, m.index + m[0].length);
      spans.push({ start: span.start, end: span.end, rule: 'custom' });
    }
    return spans;
  };
}

/**
 * Children are tried before the phrase that ends at a node, so the longest phrase wins; each end
 * carries its own boundary look-ahead, so "new" still matches in "new yorker" when "new york" fails.
 */
function nodeSource(node: TrieNode, edge = ''): string {
  const branches = [...node.children].map(([childEdge, child]) => edgeSource(childEdge) + nodeSource(child, childEdge));
  if (node.terminal) branches.push(endGuard(edge));
  if (branches.length === 1) return branches[0] ?? '';
  return `(?:${branches.join('|')})`;
}

function edgeSource(edge: string): string {
  if (edge === WHITESPACE_EDGE) return '\\s+';
  return edge.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function endGuard(lastChar: string): string {
  return WORD_CHAR.test(lastChar) && !UNSPACED_SCRIPT.test(lastChar) ? '(?![\\p{L}\\p{N}\\p{M}_])' : '';
}

function needsBoundary(match: string): boolean {
  const first = String.fromCodePoint(match.codePointAt(0) ?? 0);
  return WORD_CHAR.test(first) && !UNSPACED_SCRIPT.test(first);
}

function isWordChar(text: string, index: number): boolean {
  if (index < 0) return false;
  // Step back over a low surrogate so astral letters are judged whole.
  const code = text.charCodeAt(index);
  const start = code >= 0xdc00 && code <= 0xdfff && index > 0 ? index - 1 : index;
  return WORD_CHAR.test(String.fromCodePoint(text.codePointAt(start) ?? 0));
}
