/**
 * Prompt-attack scoring: weighted signals of several kinds (override, extraction, personas,
 * removal of limits, policy defiance, refusal suppression, injected commands, ...). The strongest
 * signal of each kind counts once and kinds combine as independent evidence (noisy-or), so one
 * framing phrase never flags a text on its own. Base64 payloads are decoded and scored too.
 */
import type { Confidence } from '../types.js';
import { PROMPT_ATTACK_SIGNALS, SOFT_KINDS, type SignalKind } from './lexicon/prompt-attack.js';
import { negated, wordNearby } from './rule-matcher.js';
import { PatternIndex } from './pattern-index.js';
import { compileVariants, matchAround, type CompiledPattern } from './token-pattern.js';
import { ANCHORS_SIGNAL, tokenize, type TokenStream } from './tokenize.js';
import { parseWordSet, type WordClasses, type WordSet } from './word-set.js';

export interface PromptAttackResult {
  score: number;
  confidence: Confidence;
  start: number;
  end: number;
  /** the weight each kind of signal contributed */
  kinds: Partial<Record<SignalKind, number>>;
}

interface Signal {
  kind: SignalKind;
  weight: number;
  unless: WordSet | undefined;
}

interface Evidence {
  weight: number;
  start: number;
  end: number;
}

const MIN_SCORE = 0.4;
// soft kinds alone never reach `medium`
const SOFT_CAP = 0.38;
const MEDIUM_SCORE = 0.6;
const HIGH_SCORE = 0.85;
// kinds that a preceding negation turns around ("do not ignore the instructions above")
const NEGATABLE_KINDS = new Set<SignalKind>(['override', 'extract', 'policy']);
// persona names that only count when written in capitals (DAN, not Dan)
const CAPS_PERSONAS = new Map<string, number>([['dan', 0.6], ['dude', 0.35], ['aim', 0.35], ['stan', 0.35], ['kevin', 0.1]]);
const MAX_DECODED = 8;

export interface PromptAttackScorer {
  /** `harmful`: whether the text also asks for harmful content (raises a framed request) */
  score(text: string, tokens: TokenStream, harmful: { start: number; end: number } | null, debug?: boolean): PromptAttackResult | null;
  /** The flag of a token (ANCHORS_SIGNAL) for the tokenizer to attach (see TokenizeOptions.classify). */
  classify(norm: string, squeezed: string, hash: number): number;
}

export function compilePromptAttackScorer(classes: WordClasses): PromptAttackScorer {
  const index = new PatternIndex<Signal>();
  for (const rule of PROMPT_ATTACK_SIGNALS) {
    const signal: Signal = {
      kind: rule.kind,
      weight: rule.w,
      unless: rule.unless ? parseWordSet(rule.unless, classes) : undefined,
    };
    for (const compiled of compileVariants(rule.p, classes, signal)) index.add(compiled);
  }
  index.seal();

  function collect(tokens: TokenStream, evidence: Map<SignalKind, Evidence>, offset: number, span: Evidence | null): void {
    for (let i = 0; i < tokens.length; i++) {
      const capsWeight = tokens.caps[i] === 1 ? CAPS_PERSONAS.get(tokens.norm[i] as string) : undefined;
      if (capsWeight !== undefined) note(evidence, 'persona', capsWeight, tokens, i, i + 1, offset, span);
      if (((tokens.flags[i] as number) & ANCHORS_SIGNAL) === 0) continue;
      const candidates = index.candidates(tokens.norm[i] as string, tokens.squeezed[i] as string, tokens.hash[i] as number);
      for (let k = 0; k < candidates.length; k++) {
        const pattern = candidates[k] as CompiledPattern<Signal>;
        const signal = pattern.payload;
        const current = evidence.get(signal.kind);
        if (current && current.weight >= signal.weight) continue;
        const range = matchAround(pattern, tokens, i);
        if (!range) continue;
        if (signal.unless && wordNearby(signal.unless, tokens, range.first, range.end)) continue;
        if (NEGATABLE_KINDS.has(signal.kind) && negated(tokens, range.first, range.first)) continue;
        note(evidence, signal.kind, signal.weight, tokens, range.first, range.end, offset, span);
      }
    }
  }

  return {
    classify(norm, squeezed, hash) {
      return index.mayAnchor(norm, squeezed, hash) ? ANCHORS_SIGNAL : 0;
    },
    score(text, tokens, harmful, debug = false) {
      const evidence = new Map<SignalKind, Evidence>();
      collect(tokens, evidence, 0, null);
      scoreEncoded(text, (decoded, start, end) => {
        const before = evidence.size;
        collect(tokenize(decoded), evidence, 0, { weight: 0, start, end });
        if (evidence.size > before) evidence.set('encoded', { weight: 0.3, start, end });
      });
      if (harmful && evidence.size > 0) evidence.set('harmful', { weight: 0.25, start: harmful.start, end: harmful.end });
      let keepHard = 1;
      let keepSoft = 1;
      let start = Number.POSITIVE_INFINITY;
      let end = 0;
      const kinds: Partial<Record<SignalKind, number>> = {};
      for (const [kind, e] of evidence) {
        kinds[kind] = e.weight;
        if (SOFT_KINDS.has(kind)) keepSoft *= 1 - e.weight;
        else keepHard *= 1 - e.weight;
        start = Math.min(start, e.start);
        end = Math.max(end, e.end);
      }
      const soft = Math.min(SOFT_CAP, 1 - keepSoft);
      const score = 1 - keepHard * (1 - soft);
      if (score < (debug ? 0 : MIN_SCORE)) return null;
      const confidence: Confidence = score >= HIGH_SCORE ? 'high' : score >= MEDIUM_SCORE ? 'medium' : 'low';
      return { score: Math.round(score * 1000) / 1000, confidence, start, end, kinds };
    },
  };
}

function note(
  evidence: Map<SignalKind, Evidence>,
  kind: SignalKind,
  weight: number,
  tokens: TokenStream,
  first: number,
  end: number,
  offset: number,
  span: Evidence | null,
): void {
  const current = evidence.get(kind);
  if (current && current.weight >= weight) return;
  // signals found inside a decoded payload point at the encoded text in the original
  const start = span ? span.start : offset + (tokens.start[first] as number);
  const stop = span ? span.end : offset + (tokens.end[end - 1] as number);
  evidence.set(kind, { weight, start, end: stop });
}

const BASE64_CHAR = new Uint8Array(128);
for (const ch of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/') BASE64_CHAR[ch.charCodeAt(0)] = 1;
const MIN_BASE64 = 24;

function isBase64Char(code: number): boolean {
  return code < 128 && BASE64_CHAR[code] === 1;
}

/**
 * Decodes base64 runs that turn into readable text and hands them to `visit`. Only runs of
 * MIN_BASE64+ characters count, so the scan looks at the end of each window of that size first
 * and jumps past the last character that cannot be in a run: ordinary prose costs a few reads
 * per window instead of one per character.
 */
function scoreEncoded(text: string, visit: (decoded: string, start: number, end: number) => void): void {
  let seen = 0;
  const n = text.length;
  // invariant: the character before `from` (if any) is not a base64 character
  let from = 0;
  while (from + MIN_BASE64 <= n && seen < MAX_DECODED) {
    let last = from + MIN_BASE64 - 1;
    while (last >= from && isBase64Char(text.charCodeAt(last))) last--;
    if (last >= from) {
      from = last + 1;
      continue;
    }
    let runEnd = from + MIN_BASE64;
    while (runEnd < n && isBase64Char(text.charCodeAt(runEnd))) runEnd++;
    let stop = runEnd;
    while (stop < n && stop - runEnd < 2 && text.charCodeAt(stop) === 61) stop++;
    const run = text.slice(from, stop);
    // plain words and hex ids also fit the alphabet; real payloads mix cases
    if (/[a-z]/.test(run) && /[A-Z]/.test(run)) {
      const decoded = Buffer.from(run, 'base64').toString('utf8');
      if (isReadable(decoded)) {
        seen++;
        visit(decoded, from, stop);
      }
    }
    from = runEnd + 1;
  }
}

function isReadable(decoded: string): boolean {
  if (decoded.length < 12) return false;
  let printable = 0;
  for (let i = 0; i < decoded.length; i++) {
    const c = decoded.charCodeAt(i);
    if ((c >= 32 && c < 127) || c === 10 || c === 13 || c === 9) printable++;
  }
  return printable / decoded.length > 0.95 && /[a-z]{3,} [a-z]{2,}/i.test(decoded);
}
