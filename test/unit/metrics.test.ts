import { describe, expect, it } from 'vitest';
import { createMetrics } from '../../src/metrics.js';

describe('metrics', () => {
  it('counts requests and tokens per label set, the same on every scrape', async () => {
    const m = createMetrics(false);
    m.countRequest('acme', 'fast', 200);
    m.countRequest('acme', 'fast', 200);
    m.countRequest('acme', 'fast', 429);
    m.countRequest('beta', 'fast', 200);
    m.countTokens('acme', 'fast', 'input', 96);
    m.countTokens('acme', 'fast', 'input', 4);
    m.countTokens('acme', 'fast', 'output', 20);
    for (let scrape = 0; scrape < 2; scrape++) {
      const text = await m.registry.metrics();
      expect(text).toContain('sluice_requests_total{tenant="acme",model="fast",status="200"} 2\n');
      expect(text).toContain('sluice_requests_total{tenant="acme",model="fast",status="429"} 1\n');
      expect(text).toContain('sluice_requests_total{tenant="beta",model="fast",status="200"} 1\n');
      expect(text).toContain('sluice_tokens_total{tenant="acme",model="fast",direction="input"} 100\n');
      expect(text).toContain('sluice_tokens_total{tenant="acme",model="fast",direction="output"} 20\n');
    }
    m.countRequest('acme', 'fast', 200);
    expect(await m.registry.metrics()).toContain('sluice_requests_total{tenant="acme",model="fast",status="200"} 3\n');
  });

  it('keeps latency histograms with cumulative buckets, sum and count per route', async () => {
    const m = createMetrics(false);
    m.observeRequest('/v1/chat/completions', 0.003, 0.0004);
    m.observeRequest('/v1/chat/completions', 0.2, 0.0004);
    m.observeRequest('/v1/responses', 120, 0.001);
    const text = await m.registry.metrics();
    const chat = 'route="/v1/chat/completions"';
    expect(text).toContain(`sluice_request_duration_seconds_bucket{${chat},le="0.0025"} 0\n`);
    expect(text).toContain(`sluice_request_duration_seconds_bucket{${chat},le="0.005"} 1\n`);
    expect(text).toContain(`sluice_request_duration_seconds_bucket{${chat},le="0.25"} 2\n`);
    expect(text).toContain(`sluice_request_duration_seconds_bucket{${chat},le="+Inf"} 2\n`);
    expect(text).toContain(`sluice_request_duration_seconds_count{${chat}} 2\n`);
    expect(text).toMatch(/sluice_request_duration_seconds_sum\{route="\/v1\/chat\/completions"\} 0\.203\d*\n/);
    expect(text).toContain(`sluice_overhead_duration_seconds_bucket{${chat},le="0.0005"} 2\n`);
    // Beyond the last bucket only +Inf counts it.
    expect(text).toContain('sluice_request_duration_seconds_bucket{route="/v1/responses",le="60"} 0\n');
    expect(text).toContain('sluice_request_duration_seconds_bucket{route="/v1/responses",le="+Inf"} 1\n');
    expect(text).toContain('# TYPE sluice_request_duration_seconds histogram');
  });

  it('shows the unlabelled time-to-first-token histogram before and after observations', async () => {
    const m = createMetrics(false);
    expect(await m.registry.metrics()).toContain('sluice_time_to_first_token_seconds_count 0\n');
    m.ttft.observe(0.05);
    const text = await m.registry.metrics();
    expect(text).toContain('sluice_time_to_first_token_seconds_bucket{le="0.025"} 0\n');
    expect(text).toContain('sluice_time_to_first_token_seconds_bucket{le="0.05"} 1\n');
    expect(text).toContain('sluice_time_to_first_token_seconds_count 1\n');
    expect(text).toContain('sluice_time_to_first_token_seconds_sum 0.05\n');
  });
});
