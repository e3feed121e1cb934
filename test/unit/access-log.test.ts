import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createAccessLog, type AccessRecord } from '../../src/access-log.js';

function sink(): { lines: string[]; stream: Writable } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      cb();
    },
  });
  return { lines, stream };
}

const record: AccessRecord = {
  requestId: 'req_1',
  method: 'POST',
  path: '/v1/chat/completions',
  tenant: 'acme "east"',
  model: 'gpt',
  target: 'openai/gpt-4o',
  session: undefined,
  status: 200,
  totalMs: 1.23456,
  upstreamMs: 0.5,
  content: undefined,
};

describe('access line', () => {
  it("is one JSON line in pino's format, with the logger's bindings and escaped values", () => {
    const { lines, stream } = sink();
    const log = pino({ level: 'info', base: { pid: 7, hostname: 'h' } }, stream);
    createAccessLog(log, 'request_id')?.(record);
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0] as string);
    expect(line).toMatchObject({ level: 30, pid: 7, hostname: 'h', request_id: 'req_1', tenant: 'acme "east"', status: 200, total_ms: 1.23, upstream_ms: 0.5, msg: 'request' });
    expect(typeof line.time).toBe('number');
    expect('session' in line).toBe(false);
    expect('content' in line).toBe(false);
  });

  it('writes nothing once the level is above info, and content only when given', () => {
    const { lines, stream } = sink();
    const log = pino({ level: 'info' }, stream);
    const access = createAccessLog(log, 'request_id');
    access?.({ ...record, content: { messages: [{ role: 'user', content: 'hi' }] } });
    log.level = 'warn';
    access?.(record);
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] as string).content).toEqual({ messages: [{ role: 'user', content: 'hi' }] });
  });
});
