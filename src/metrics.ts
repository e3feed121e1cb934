/**
 * Prometheus metrics (SPEC §8), one registry per app so tests can build several apps.
 *
 * What changes on every request (request counts, latencies, tokens) is kept in plain numeric
 * cells and handed to the registry only when it is scraped: prom-client hashes the label set and
 * validates it on every `inc`/`observe`, which was a visible share of a request. Rare events
 * (upstream errors, interventions, clamps) use prom-client's metrics directly.
 */
import { Counter, Registry, collectDefaultMetrics, type MetricObjectWithValues, type MetricValueWithName } from 'prom-client';

export interface Metrics {
  registry: Registry;
  ttft: LatencyHistogram;
  upstreamErrors: Counter<'provider' | 'kind'>;
  interventions: Counter<'policy' | 'kind' | 'action'>;
  clamps: Counter<'param'>;
  countRequest(tenant: string, model: string, status: number): void;
  observeRequest(route: string, seconds: number, overheadSeconds: number): void;
  countTokens(tenant: string, model: string, direction: 'input' | 'output', n: number): void;
}

const LATENCY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

type Labels = Record<string, string | number>;

/** A counter over three labels, looked up through nested maps (no key string per call). */
class CounterCells {
  readonly #cells = new Map<string, Map<string, Map<string | number, { labels: Labels; n: number }>>>();
  constructor(readonly names: readonly [string, string, string]) {}

  add(a: string, b: string, c: string | number, n: number): void {
    let byA = this.#cells.get(a);
    if (byA === undefined) this.#cells.set(a, (byA = new Map()));
    let byB = byA.get(b);
    if (byB === undefined) byA.set(b, (byB = new Map()));
    let cell = byB.get(c);
    if (cell === undefined) {
      const [na, nb, nc] = this.names;
      byB.set(c, (cell = { labels: { [na]: a, [nb]: b, [nc]: c }, n: 0 }));
    }
    cell.n += n;
  }

  *entries(): Generator<{ labels: Labels; n: number }> {
    for (const byA of this.#cells.values()) for (const byB of byA.values()) yield* byB.values();
  }
}

/** A counter whose values live in CounterCells and are copied into prom-client when scraped. */
function scrapedCounter(name: string, help: string, cells: CounterCells, registers: Registry[]): void {
  new Counter({
    name,
    help,
    labelNames: cells.names,
    registers,
    collect() {
      this.reset();
      for (const { labels, n } of cells.entries()) this.inc(labels, n);
    },
  });
}

interface Series {
  labels: Labels;
  counts: Float64Array;
  sum: number;
  count: number;
}

/**
 * A histogram with at most one label, registered with prom-client as a custom metric: observing
 * is a bucket search and three additions.
 */
export class LatencyHistogram {
  readonly type = 'histogram';
  readonly aggregator = 'sum';
  readonly #series = new Map<string, Series>();

  constructor(
    readonly name: string,
    readonly help: string,
    private readonly labelName: string | undefined,
    private readonly buckets: readonly number[],
    registry: Registry,
  ) {
    registry.registerMetric(this as never);
    // Like prom-client's, a histogram without labels shows its zeros before the first observation.
    if (labelName === undefined) this.#seriesFor('');
  }

  #seriesFor(labelValue: string): Series {
    let s = this.#series.get(labelValue);
    if (s === undefined) {
      s = { labels: this.labelName ? { [this.labelName]: labelValue } : {}, counts: new Float64Array(this.buckets.length), sum: 0, count: 0 };
      this.#series.set(labelValue, s);
    }
    return s;
  }

  observe(seconds: number, labelValue = ''): void {
    const s = this.#series.get(labelValue) ?? this.#seriesFor(labelValue);
    const b = this.buckets;
    for (let i = 0; i < b.length; i++) {
      if (seconds <= (b[i] as number)) {
        s.counts[i] = (s.counts[i] as number) + 1;
        break;
      }
    }
    s.sum += seconds;
    s.count += 1;
  }

  /** prom-client's metric interface: the registry calls this when scraped. */
  async get(): Promise<Omit<MetricObjectWithValues<MetricValueWithName<string>>, 'collect'>> {
    const values: MetricValueWithName<string>[] = [];
    for (const s of this.#series.values()) {
      let cumulative = 0;
      for (let i = 0; i < this.buckets.length; i++) {
        cumulative += s.counts[i] as number;
        values.push({ metricName: `${this.name}_bucket`, labels: { ...s.labels, le: this.buckets[i] as number }, value: cumulative });
      }
      values.push({ metricName: `${this.name}_bucket`, labels: { ...s.labels, le: '+Inf' }, value: s.count });
      values.push({ metricName: `${this.name}_sum`, labels: s.labels, value: s.sum });
      values.push({ metricName: `${this.name}_count`, labels: s.labels, value: s.count });
    }
    return { name: this.name, help: this.help, type: this.type as never, values, aggregator: this.aggregator };
  }

  reset(): void {
    this.#series.clear();
    if (this.labelName === undefined) this.#seriesFor('');
  }
}

export function createMetrics(defaultMetrics = true): Metrics {
  const registry = new Registry();
  if (defaultMetrics) collectDefaultMetrics({ register: registry, prefix: 'sluice_process_' });
  const registers = [registry];

  const requests = new CounterCells(['tenant', 'model', 'status']);
  const tokens = new CounterCells(['tenant', 'model', 'direction']);
  scrapedCounter('sluice_requests_total', 'Requests by tenant, public model and status', requests, registers);
  const duration = new LatencyHistogram('sluice_request_duration_seconds', 'Whole request time', 'route', LATENCY_BUCKETS, registry);
  const overhead = new LatencyHistogram('sluice_overhead_duration_seconds', 'Request time minus time waiting for the upstream', 'route', LATENCY_BUCKETS, registry);
  const ttft = new LatencyHistogram('sluice_time_to_first_token_seconds', 'Time to the first streamed content delta', undefined, LATENCY_BUCKETS, registry);
  const metrics: Metrics = {
    registry,
    ttft,
    upstreamErrors: new Counter({ name: 'sluice_upstream_errors_total', help: 'Failed upstream attempts by provider and kind', labelNames: ['provider', 'kind'], registers }),
    interventions: new Counter({ name: 'sluice_guardrail_interventions_total', help: 'Guardrail interventions', labelNames: ['policy', 'kind', 'action'], registers }),
    clamps: new Counter({ name: 'sluice_clamps_total', help: 'Sampling parameters changed by clamping', labelNames: ['param'], registers }),
    countRequest: (tenant, model, status) => requests.add(tenant, model, status, 1),
    countTokens: (tenant, model, direction, n) => tokens.add(tenant, model, direction, n),
    observeRequest: (route, seconds, overheadSeconds) => {
      duration.observe(seconds, route);
      overhead.observe(overheadSeconds, route);
    },
  };
  scrapedCounter('sluice_tokens_total', 'Tokens reported by upstreams', tokens, registers);
  return metrics;
}
