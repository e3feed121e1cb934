/** Prometheus metrics (SPEC §8), one registry per app so tests can build several apps. */
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface Metrics {
  registry: Registry;
  requests: Counter<'tenant' | 'model' | 'status'>;
  duration: Histogram<'route'>;
  overhead: Histogram<'route'>;
  ttft: Histogram<string>;
  upstreamErrors: Counter<'provider' | 'kind'>;
  interventions: Counter<'policy' | 'kind' | 'action'>;
  clamps: Counter<'param'>;
  tokens: Counter<'tenant' | 'model' | 'direction'>;
  /** Hot-path shortcuts: labelled children are looked up once per label set, not hashed per call. */
  countRequest(tenant: string, model: string, status: number): void;
  observeRequest(route: string, seconds: number, overheadSeconds: number): void;
  countTokens(tenant: string, model: string, direction: 'input' | 'output', n: number): void;
}

function cached<T>(make: (key: string) => T): (key: string) => T {
  const children = new Map<string, T>();
  return (key) => {
    let child = children.get(key);
    if (child === undefined) {
      child = make(key);
      children.set(key, child);
    }
    return child;
  };
}

const LATENCY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

export function createMetrics(defaultMetrics = true): Metrics {
  const registry = new Registry();
  if (defaultMetrics) collectDefaultMetrics({ register: registry, prefix: 'sluice_process_' });
  const registers = [registry];
  const m = {
    registry,
    requests: new Counter({ name: 'sluice_requests_total', help: 'Requests by tenant, public model and status', labelNames: ['tenant', 'model', 'status'], registers }),
    duration: new Histogram({ name: 'sluice_request_duration_seconds', help: 'Whole request time', labelNames: ['route'], buckets: LATENCY_BUCKETS, registers }),
    overhead: new Histogram({ name: 'sluice_overhead_duration_seconds', help: 'Request time minus time waiting for the upstream', labelNames: ['route'], buckets: LATENCY_BUCKETS, registers }),
    ttft: new Histogram({ name: 'sluice_time_to_first_token_seconds', help: 'Time to the first streamed content delta', buckets: LATENCY_BUCKETS, registers }),
    upstreamErrors: new Counter({ name: 'sluice_upstream_errors_total', help: 'Failed upstream attempts by provider and kind', labelNames: ['provider', 'kind'], registers }),
    interventions: new Counter({ name: 'sluice_guardrail_interventions_total', help: 'Guardrail interventions', labelNames: ['policy', 'kind', 'action'], registers }),
    clamps: new Counter({ name: 'sluice_clamps_total', help: 'Sampling parameters changed by clamping', labelNames: ['param'], registers }),
    tokens: new Counter({ name: 'sluice_tokens_total', help: 'Tokens reported by upstreams', labelNames: ['tenant', 'model', 'direction'], registers }),
  };
  const requestChild = cached((key) => m.requests.labels(...(key.split('\u0000') as [string, string, string])));
  const durationChild = cached((route) => m.duration.labels(route));
  const overheadChild = cached((route) => m.overhead.labels(route));
  const tokensChild = cached((key) => m.tokens.labels(...(key.split('\u0000') as [string, string, string])));
  return {
    ...m,
    countRequest: (tenant, model, status) => requestChild(`${tenant}\u0000${model}\u0000${status}`).inc(),
    countTokens: (tenant, model, direction, n) => tokensChild(`${tenant}\u0000${model}\u0000${direction}`).inc(n),
    observeRequest: (route, seconds, overheadSeconds) => {
      durationChild(route).observe(seconds);
      overheadChild(route).observe(overheadSeconds);
    },
  };
}
