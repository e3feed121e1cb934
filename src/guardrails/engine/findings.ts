/**
 * What a guardrail check found and did, and the `x-sluice-guardrail` header grammar built from
 * it (SPEC §8): `<direction>:<action> <kind>=<detail>[,<detail>]` items joined by `; `.
 */
import type { Direction } from '../types.js';

export type GuardrailKind = 'content' | 'denied_topics' | 'words' | 'pii' | 'grounding';
export type FindingAction = 'blocked' | 'anonymized' | 'pseudonymized' | 'masked' | 'skipped' | 'detected';

export interface Finding {
  policy: string;
  kind: GuardrailKind;
  action: FindingAction;
  /** entity, topic, category, word rule, or for grounding `grounding` / `relevance` / `no_sources`. */
  detail: string;
  score: number;
  start: number;
  end: number;
  /** Index of the message the span is in, for message lists. */
  message?: number;
}

/** Intervened means something was blocked or rewritten; `detected` and `skipped` are not. */
export function intervened(f: Finding): boolean {
  return f.action !== 'detected' && f.action !== 'skipped';
}

export function headerItems(direction: Direction, findings: readonly Finding[]): string[] {
  if (findings.length === 0) return [];
  const groups = new Map<string, string[]>();
  for (const f of findings) {
    if (f.action === 'detected') continue;
    const key = `${direction}:${f.action} ${f.kind}`;
    const details = groups.get(key) ?? [];
    if (!details.includes(f.detail)) details.push(f.detail);
    groups.set(key, details);
  }
  return [...groups].map(([key, details]) => `${key}=${details.join(',')}`);
}

export function detailKey(kind: GuardrailKind): 'entity' | 'topic' | 'category' | 'rule' | 'check' {
  switch (kind) {
    case 'pii':
      return 'entity';
    case 'denied_topics':
      return 'topic';
    case 'content':
      return 'category';
    case 'words':
      return 'rule';
    case 'grounding':
      return 'check';
  }
}
