import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogDestination } from '../../src/log-destination.js';

describe('log destination', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-log-'));
  const file = join(dir, 'out.log');
  let fd: number | undefined;
  afterEach(() => {
    if (fd !== undefined) closeSync(fd);
    rmSync(file, { force: true });
  });

  it('holds short lines until a flush, then writes them in order', () => {
    fd = openSync(file, 'w');
    const dest = createLogDestination(fd);
    dest.write('{"n":1}\n');
    dest.write('{"n":2}\n');
    expect(readFileSync(file, 'utf8')).toBe('');
    dest.flushSync();
    expect(readFileSync(file, 'utf8')).toBe('{"n":1}\n{"n":2}\n');
    dest.flushSync();
    expect(readFileSync(file, 'utf8')).toBe('{"n":1}\n{"n":2}\n');
  });

  it('writes on its own once a block of about 4 KB has gathered', () => {
    fd = openSync(file, 'w');
    const dest = createLogDestination(fd);
    const line = `{"msg":"${'x'.repeat(500)}","é":"ü"}\n`;
    for (let i = 0; i < 7; i++) dest.write(line);
    expect(readFileSync(file, 'utf8')).toBe('');
    dest.write(line);
    expect(readFileSync(file, 'utf8')).toBe(line.repeat(8));
  });
});
