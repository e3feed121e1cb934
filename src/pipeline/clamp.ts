/**
 * Sampling limits as data: each tenant (per model) bounds temperature, top_p, … with
 * min/max/default/force; every change is reported in x-sluice-clamped, or with
 * `on_violation: reject` the request is refused naming the parameter.
 */
import { SAMPLING_PARAMS, type LimitConfig, type SamplingConfig } from '../config/schema.js';
import { invalidRequest } from '../errors.js';
import type { JsonObject } from '../providers/types.js';

export interface ClampResult {
  /** `param=old->new` items, in parameter order. */
  changes: string[];
  /** Parameters whose value changed (for metrics). */
  params: string[];
}

const fmt = (v: unknown) => (typeof v === 'number' ? String(v) : JSON.stringify(v));

function clampOne(
  body: JsonObject,
  field: string,
  limit: LimitConfig,
  reject: boolean,
  out: ClampResult,
  fillDefault: boolean,
): void {
  const value = body[field];
  if (limit.force !== undefined) {
    if (value !== undefined && value !== null && value !== limit.force) {
      out.changes.push(`${field}=${fmt(value)}->${fmt(limit.force)}`);
      out.params.push(field);
    }
    body[field] = limit.force;
    return;
  }
  if (value === undefined || value === null) {
    if (fillDefault && limit.default !== undefined) body[field] = limit.default;
    return;
  }
  if (typeof value !== 'number') return; // the request validator already refused wrong types
  let next = value;
  if (limit.min !== undefined && next < limit.min) next = limit.min;
  if (limit.max !== undefined && next > limit.max) next = limit.max;
  if (next === value) return;
  if (reject) {
    const bound = next > value ? `at least ${limit.min}` : `at most ${limit.max}`;
    throw invalidRequest(`'${field}' must be ${bound} for this API key (got ${value}).`, field, 'parameter_out_of_range');
  }
  body[field] = next;
  out.changes.push(`${field}=${fmt(value)}->${fmt(next)}`);
  out.params.push(field);
}

/**
 * Applies the limits to `body` in place. `aliases` renames reported params for APIs that call
 * them otherwise (the Responses API's `max_output_tokens`).
 */
export function clampSampling(body: JsonObject, sampling: SamplingConfig | undefined): ClampResult {
  const out: ClampResult = { changes: [], params: [] };
  if (!sampling) return out;
  const reject = sampling.on_violation === 'reject';
  for (const param of SAMPLING_PARAMS) {
    const limit = sampling[param];
    if (!limit) continue;
    if (param === 'max_tokens') {
      // max_completion_tokens is the same limit under OpenAI's newer name.
      const hasNew = body.max_completion_tokens !== undefined && body.max_completion_tokens !== null;
      const hasOld = body.max_tokens !== undefined && body.max_tokens !== null;
      if (hasNew) clampOne(body, 'max_completion_tokens', limit, reject, out, false);
      if (hasOld || !hasNew) clampOne(body, 'max_tokens', limit, reject, out, !hasNew);
      continue;
    }
    clampOne(body, param, limit, reject, out, true);
  }
  if (sampling.stop) clampStop(body, sampling.stop, reject, out);
  return out;
}

function clampStop(
  body: JsonObject,
  rule: NonNullable<SamplingConfig['stop']>,
  reject: boolean,
  out: ClampResult,
): void {
  const raw = body.stop;
  const sent = typeof raw === 'string' ? [raw] : Array.isArray(raw) ? (raw as string[]) : [];
  let kept = sent;
  if (rule.max_length !== undefined) {
    const max = rule.max_length;
    const tooLong = kept.filter((s) => s.length > max);
    if (tooLong.length > 0 && reject) {
      throw invalidRequest(`Each 'stop' sequence must be at most ${max} characters for this API key.`, 'stop', 'parameter_out_of_range');
    }
    kept = kept.filter((s) => s.length <= max);
  }
  if (rule.max_sequences !== undefined && kept.length > rule.max_sequences) {
    if (reject) {
      throw invalidRequest(`'stop' may hold at most ${rule.max_sequences} sequences for this API key (got ${sent.length}).`, 'stop', 'parameter_out_of_range');
    }
    kept = kept.slice(0, rule.max_sequences);
  }
  if (kept.length !== sent.length) {
    out.changes.push(`stop=${sent.length}->${kept.length}`);
    out.params.push('stop');
  }
  const always = rule.always ?? [];
  const merged = [...kept, ...always.filter((s) => !kept.includes(s))];
  if (merged.length === 0) {
    if (raw !== undefined && raw !== null && sent.length > 0) delete body.stop;
    return;
  }
  if (kept !== sent || always.length > 0) body.stop = merged;
}
