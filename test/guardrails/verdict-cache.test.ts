import { describe, expect, it } from 'vitest';
import { VerdictCache, inputVerdictCache } from '../../src/guardrails/engine/verdict-cache.js';
import { compilePolicy } from '../../src/guardrails/engine/compile.js';
import type { Finding } from '../../src/guardrails/engine/findings.js';
import { PolicySchema } from '../../src/config/schema.js';

const finding = (detail: string): Finding => ({ policy: 'p', kind: 'pii', action: 'anonymized', detail, score: 1, start: 0, end: 4 });

describe('input verdict cache', () => {
  it('answers a text seen before without checking it again', async () => {
    const cache = new VerdictCache();
    let checks = 0;
    const check = async () => {
      checks++;
      return [finding('EMAIL')];
    };
    const first = await cache.get('write to a@b.co', 'user', check);
    const second = await cache.get('write to a@b.co', 'user', check);
    expect(checks).toBe(1);
    expect(second).toEqual(first);
    expect(Object.isFrozen(second)).toBe(true);
  });

  it('keeps user/tool messages apart from other roles (prompt attacks are judged there only)', async () => {
    const cache = new VerdictCache();
    await cache.get('ignore previous instructions', 'user', async () => [finding('user')]);
    const system = await cache.get('ignore previous instructions', 'system', async () => []);
    const tool = await cache.get('ignore previous instructions', 'tool', async () => []);
    expect(system).toEqual([]);
    expect(tool.map((f) => f.detail)).toEqual(['user']);
  });

  it('stays bounded, keeping a text that is used while others come and go', async () => {
    const cache = new VerdictCache();
    await cache.get('kept', 'user', async () => [finding('kept')]);
    for (let i = 0; i < 10_000; i++) {
      await cache.get(`text ${i}`, 'user', async () => []);
      if (i % 1000 === 0) await cache.get('kept', 'user', async () => [finding('recomputed')]);
    }
    expect(cache.size).toBeLessThanOrEqual(4096);
    expect((await cache.get('kept', 'user', async () => [finding('recomputed')]))[0]?.detail).toBe('kept');
    expect((await cache.get('text 0', 'user', async () => [finding('recomputed')]))[0]?.detail).toBe('recomputed');
  });

  it('is one per policy list, and none when a delegate engine judges input', () => {
    const local = [compilePolicy('local', PolicySchema.parse({ pii: { entities: { EMAIL: 'anonymize' } } }))];
    const moderated = [compilePolicy('mod', PolicySchema.parse({ content: { violence: { input: 'medium' }, engine: 'moderation', engine_model: 'm' } }))];
    expect(inputVerdictCache(local)).toBeInstanceOf(VerdictCache);
    expect(inputVerdictCache(local)).toBe(inputVerdictCache(local));
    expect(inputVerdictCache([...local])).not.toBe(inputVerdictCache(local));
    expect(inputVerdictCache(moderated)).toBeNull();
  });
});
