/** The real process: start-up, SIGHUP reload (good and broken configs), graceful stop. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const config = (key: string) => `
server: { port: 0, log_level: info }
providers: { demo: { type: echo } }
models: { echo: { targets: [ { provider: demo, model: echo } ] } }
tenants: { t: { api_keys: [ "${key}" ], models: [ echo ] } }
`;

let child: ChildProcess | undefined;
afterAll(() => {
  child?.kill('SIGKILL');
});

function waitForLog(lines: string[], proc: ChildProcess, match: (msg: Record<string, unknown>) => boolean, timeoutMs = 20000): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const check = () => {
      for (const line of lines.splice(0)) {
        try {
          const msg = JSON.parse(line) as Record<string, unknown>;
          if (match(msg)) {
            clearInterval(timer);
            clearTimeout(deadline);
            return resolve(msg);
          }
        } catch {
          // not a log line
        }
      }
    };
    const timer = setInterval(check, 20);
    const deadline = setTimeout(() => {
      clearInterval(timer);
      reject(new Error('log line not seen'));
    }, timeoutMs);
    proc.once('exit', () => check());
  });
}

describe('the gateway process', () => {
  it('reloads on SIGHUP, keeps the old config when the new one is broken, and drains on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sluice-proc-'));
    const file = join(dir, 'gateway.yaml');
    writeFileSync(file, config('key-one'));
    const env = { ...process.env, SLUICE_CONFIG: file, PORT: '0', HOST: '127.0.0.1' };
    child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: string[] = [];
    let buf = '';
    child.stdout?.on('data', (d: Buffer) => {
      buf += d.toString();
      const parts = buf.split('\n');
      buf = parts.pop() ?? '';
      lines.push(...parts);
    });
    const listening = await waitForLog(lines, child, (m) => typeof m.msg === 'string' && m.msg.startsWith('Server listening at'));
    const url = String(listening.msg).replace('Server listening at ', '');
    const models = (key: string) => fetch(`${url}/v1/models`, { headers: { authorization: `Bearer ${key}` } });
    expect((await models('key-one')).status).toBe(200);

    writeFileSync(file, config('key-two'));
    child.kill('SIGHUP');
    await waitForLog(lines, child, (m) => m.msg === 'config reloaded');
    expect((await models('key-one')).status).toBe(401);
    expect((await models('key-two')).status).toBe(200);

    writeFileSync(file, 'tenants: { t: { api_keys: [] } }\n');
    child.kill('SIGHUP');
    const rejected = await waitForLog(lines, child, (m) => String(m.msg).startsWith('config reload rejected'));
    expect(String(rejected.msg)).toContain('tenants.t.api_keys');
    expect((await models('key-two')).status).toBe(200);

    const exited = new Promise<number | null>((resolve) => child?.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 40000);
});
