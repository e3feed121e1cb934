import { describe, expect, it } from 'vitest';
import { pino } from 'pino';
import type { FastifyBaseLogger } from 'fastify';
import { lazyChildLogger } from '../../src/request-logger.js';

function capture(level = 'info') {
  const lines: Record<string, unknown>[] = [];
  const parent = pino({ level, base: undefined }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  let children = 0;
  // Counts children made; `this` is kept so a child's own children inherit its bindings.
  const child = parent.child;
  (parent as unknown as { child: typeof child }).child = function (this: typeof parent, ...args: Parameters<typeof child>) {
    children++;
    return child.apply(this, args);
  } as typeof child;
  return { parent: parent as unknown as FastifyBaseLogger, lines, children: () => children };
}

describe('request logger', () => {
  it('makes no pino child until something logs, then logs with the request binding', () => {
    const { parent, lines, children } = capture();
    const log = lazyChildLogger(parent, { request_id: 'req_1' }, {});
    expect(log.level).toBe('info');
    log.debug('below the level');
    expect(children()).toBe(1);
    expect(lines).toEqual([]);
    log.warn({ provider: 'p' }, 'upstream attempt failed');
    log.error(new Error('boom'), 'request failed');
    expect(children()).toBe(1);
    expect(lines).toMatchObject([
      { level: 40, request_id: 'req_1', provider: 'p', msg: 'upstream attempt failed' },
      { level: 50, request_id: 'req_1', err: { message: 'boom' }, msg: 'request failed' },
    ]);
  });

  it('stays a plain object for a request that never logs', () => {
    const { parent, children } = capture();
    const log = lazyChildLogger(parent, { request_id: 'req_2' }, {});
    expect(log.level).toBe('info');
    log.silent('nothing');
    expect(children()).toBe(0);
  });

  it('passes children and level changes through to the real child', () => {
    const { parent, lines } = capture();
    const log = lazyChildLogger(parent, { request_id: 'req_3' }, {});
    log.child({ stage: 'stream' }).info('nested');
    log.level = 'debug';
    log.debug('now shown');
    expect(log.level).toBe('debug');
    expect(lines).toMatchObject([
      { request_id: 'req_3', stage: 'stream', msg: 'nested' },
      { level: 20, request_id: 'req_3', msg: 'now shown' },
    ]);
  });
});
