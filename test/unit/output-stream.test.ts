import { describe, expect, it } from 'vitest';
import type { ChatCompletionChunk } from 'openai/resources/chat/completions';
import { PolicySchema, type PolicyConfig } from '../../src/config/schema.js';
import { compilePolicy } from '../../src/guardrails/engine/compile.js';
import { Pseudonymizer } from '../../src/guardrails/engine/mask.js';
import { guardStream } from '../../src/pipeline/output-stream.js';
import type { GuardrailRun } from '../../src/pipeline/guardrail-context.js';
import type { ChunkBatch } from '../../src/providers/types.js';
import { sseData } from '../../src/sse/encode.js';

const policy = compilePolicy('p', PolicySchema.parse({ pii: { entities: { EMAIL: 'anonymize' } }, words: { words: ['zorbex'], action: 'mask' } }) as PolicyConfig);

function run(): GuardrailRun {
  return { policies: [policy], delegates: undefined, pseudo: new Pseudonymizer(Buffer.alloc(32)), grounding: undefined, output: true, findings: { input: [], output: [] } };
}

async function guarded(batches: ChunkBatch[], report = 'none'): Promise<ChatCompletionChunk[]> {
  async function* source() {
    for (const b of batches) yield b;
  }
  const out: ChatCompletionChunk[] = [];
  for await (const batch of guardStream(run(), { assembler: undefined, onFindings: () => undefined, onBlocked: () => undefined, report: () => report })(source())) out.push(...batch);
  return out;
}

type Envelope = Partial<Pick<ChatCompletionChunk, 'id' | 'created' | 'model'>> & { system_fingerprint?: string | null };

function upstreamChunk(envelope: Envelope & { index?: unknown }, delta: Record<string, unknown>, finish: string | null = null): ChatCompletionChunk {
  const { index = 0, ...rest } = envelope;
  return { ...rest, object: 'chat.completion.chunk', choices: [{ index, delta, logprobs: null, finish_reason: finish }] } as unknown as ChatCompletionChunk;
}

describe('stream output guard', () => {
  it.each<[string, Envelope & { index?: unknown }]>([
    ['a full envelope', { id: 'chatcmpl-1', created: 1700000000, model: 'fast', system_fingerprint: 'fp_1' }],
    ['a null fingerprint', { id: 'chatcmpl-2', created: 1, model: 'm', system_fingerprint: null }],
    ['no fingerprint, id or created', { model: 'local "q4"' }],
    ['a second choice index', { id: 'c', created: 2, model: 'm', index: 1 }],
    ['an index that is not a number', { id: 'c', created: 2, model: 'm', index: '0' }],
  ])('writes the chunks it makes exactly as JSON.stringify would, with %s', async (_name, envelope) => {
    const out = await guarded(
      [
        [upstreamChunk(envelope, { role: 'assistant', content: '' }), upstreamChunk(envelope, { content: 'Mail me at ann@example.com about zorbex ' })],
        [upstreamChunk(envelope, { content: 'and “naïve” quotes\n' }), upstreamChunk(envelope, {}, 'stop')],
      ],
      'output:anonymized pii=EMAIL; output:masked words=custom',
    );
    expect(out.length).toBeGreaterThanOrEqual(3);
    for (const chunk of out) expect(sseData(chunk)).toBe(`data: ${JSON.stringify(chunk)}\n\n`);
    const text = out.map((c) => c.choices[0]?.delta?.content ?? '').join('');
    expect(out.every((c) => c.choices.every((choice) => choice.index === (envelope.index ?? 0)))).toBe(true);
    expect(text).toBe('Mail me at {EMAIL} about *** and “naïve” quotes\n');
    const last = out.at(-1) as ChatCompletionChunk & { sluice_guardrail?: string };
    expect(last.choices[0]?.finish_reason).toBe('stop');
    expect(last.sluice_guardrail).toBe('output:anonymized pii=EMAIL; output:masked words=custom');
  });
});
