/**
 * Rewrites text for the findings that mask: `anonymize` → `{EMAIL}`, `pseudonymize` → a
 * placeholder keyed to the value (`{EMAIL_3f9a}`) that the answer maps back, word `mask` → `***`.
 */
import { createHmac } from 'node:crypto';
import type { Finding } from './findings.js';

const PLACEHOLDER_RE = /\{[A-Z][A-Z0-9_]*_[0-9a-f]{4,16}\}/g;

/**
 * Placeholders are numbered from a keyed hash of the value, so one value gets the same
 * placeholder in every turn of a session while the mapping itself lives only for one request.
 */
export class Pseudonymizer {
  private readonly byPlaceholder = new Map<string, string>();
  private readonly key: Buffer;

  constructor(key: Buffer) {
    this.key = key;
  }

  placeholder(entity: string, value: string): string {
    const digest = createHmac('sha256', this.key).update(`${entity}\u0000${value}`).digest('hex');
    // Widen on the rare collision between two values of one request.
    for (let len = 4; len <= 16; len += 4) {
      const p = `{${entity}_${digest.slice(0, len)}}`;
      const known = this.byPlaceholder.get(p);
      if (known === undefined || known === value) {
        this.byPlaceholder.set(p, value);
        return p;
      }
    }
    return `{${entity}}`;
  }

  get size(): number {
    return this.byPlaceholder.size;
  }

  /** Puts the request's own values back; placeholders of earlier turns stay as they are. */
  restore(text: string): string {
    if (this.byPlaceholder.size === 0 || text.indexOf('{') === -1) return text;
    return text.replace(PLACEHOLDER_RE, (p) => this.byPlaceholder.get(p) ?? p);
  }
}

/** Findings that rewrite text, without overlaps (the earlier, then the longer span wins). */
export function maskingSpans(findings: readonly Finding[]): Finding[] {
  const masks = findings
    .filter((f) => f.action === 'anonymized' || f.action === 'pseudonymized' || f.action === 'masked')
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Finding[] = [];
  let lastEnd = -1;
  for (const f of masks) {
    if (f.start >= lastEnd) {
      out.push(f);
      lastEnd = f.end;
    } else if (f.end > lastEnd) {
      // Overlapping spans of different kinds: extend the kept one so nothing leaks between them.
      const prev = out[out.length - 1] as Finding;
      out[out.length - 1] = { ...prev, end: f.end };
      lastEnd = f.end;
    }
  }
  return out;
}

export function replacementFor(f: Finding, original: string, pseudo: Pseudonymizer | undefined): string {
  if (f.action === 'masked') return '***';
  if (f.action === 'pseudonymized' && pseudo) return pseudo.placeholder(f.detail, original);
  return `{${f.detail}}`;
}

export function applyMasks(text: string, findings: readonly Finding[], pseudo?: Pseudonymizer): string {
  const spans = maskingSpans(findings);
  if (spans.length === 0) return text;
  let out = '';
  let pos = 0;
  for (const f of spans) {
    out += text.slice(pos, f.start) + replacementFor(f, text.slice(f.start, f.end), pseudo);
    pos = f.end;
  }
  return out + text.slice(pos);
}
