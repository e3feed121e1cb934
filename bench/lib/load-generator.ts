/**
 * Closed-loop load: N connections each sending the next request as soon as the last answer is
 * read whole. wrk (a separate C process pinned to the driver core) when installed, otherwise
 * autocannon in this process.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { CHAT_PATH, PLACE_SLOT, PLACE_WORDS, requestHeaders, varyBody } from './chat-body.js';
import { DRIVER_CORE, startChild } from './children.js';

export interface LoadOptions {
  port: number;
  body: string;
  connections: number;
  seconds: number;
  /** `cycle`: one of `sessions` ids per request in turn (history grows per id); `unique`: a new id each request. */
  sessions?: { mode: 'cycle' | 'unique'; count: number; prefix: string } | undefined;
}

export interface LoadResult {
  requests: number;
  seconds: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  /** Connection errors, timeouts and non-2xx answers. */
  failures: number;
}

export type LoadGeneratorName = 'wrk' | 'autocannon';

export const WRK_AVAILABLE = spawnSync('wrk', ['--version'], { stdio: 'ignore' }).error === undefined;

const workDir = mkdtempSync(join(tmpdir(), 'gateway-bench-'));
process.on('exit', () => rmSync(workDir, { recursive: true, force: true }));
let scriptCount = 0;
/** Distinct bodies per run; a multiple of every session cycle length used (64). */
const VARIANTS = 8192;

function luaString(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

function wrkScript(opts: LoadOptions): string {
  const headers = Object.entries(requestHeaders())
    .map(([k, v]) => `wrk.headers[${luaString(k)}] = ${luaString(v)}`)
    .join('\n');
  const s = opts.sessions;
  // Requests are formatted once, up front: building each one in Lua (a gsub and a format per
  // request) made wrk, which shares its core with the upstream, the limit for the reference.
  // VARIANTS distinct user turns, more than the gateway's verdict cache holds, in a cycle.
  const sessionHeader = !s ? '' : `wrk.headers["X-Session-Id"] = ${luaString(s.prefix)} .. (i % ${s.count})`;
  const unique = s?.mode === 'unique';
  const request = `local body = ${luaString(opts.body)}
local words = { ${PLACE_WORDS.map(luaString).join(', ')} }
local function places(n)
  return words[n % 32 + 1] .. ", " .. words[math.floor(n / 32) % 32 + 1] .. ", " .. words[math.floor(n / 1024) % 32 + 1]
end
local requests = {}
-- In init, not at the top level: wrk sets the request path only after loading the script.
init = function(args)
  for i = 0, ${VARIANTS - 1} do
    ${sessionHeader}
    requests[i + 1] = wrk.format(nil, nil, nil, (string.gsub(body, ${luaString(PLACE_SLOT)}, places(i), 1)))
  end
end
local counter = 0
request = function()
  local i = counter % ${VARIANTS}
  counter = counter + 1
${unique ? `  wrk.headers["X-Session-Id"] = ${luaString(s?.prefix ?? '')} .. counter
  return wrk.format(nil, nil, nil, (string.gsub(body, ${luaString(PLACE_SLOT)}, places(i), 1)))` : '  return requests[i + 1]'}
end`;
  return `wrk.method = "POST"
${headers}
${request}
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('WRK {"requests":%d,"us":%d,"failures":%d,"p50":%d,"p99":%d}\\n',
    summary.requests, summary.duration, e.connect + e.read + e.write + e.timeout + e.status,
    latency:percentile(50), latency:percentile(99)))
end
`;
}

async function runWrk(opts: LoadOptions): Promise<LoadResult> {
  const script = join(workDir, `load-${scriptCount++}.lua`);
  writeFileSync(script, wrkScript(opts));
  const args = ['-t1', `-c${opts.connections}`, `-d${Math.max(1, Math.round(opts.seconds))}s`, '--timeout', '10s', '-s', script, `http://127.0.0.1:${opts.port}${CHAT_PATH}`];
  const started = startChild('wrk', args, DRIVER_CORE);
  let out = '';
  started.child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  const code = await new Promise<number | null>((resolve) => started.child.once('exit', resolve));
  const line = out.match(/^WRK (\{.*\})$/m)?.[1];
  if (code !== 0 || !line) throw new Error(`wrk failed (${code}): ${out} ${started.stderr()}`);
  const r = JSON.parse(line) as { requests: number; us: number; failures: number; p50: number; p99: number };
  const seconds = r.us / 1e6;
  return { requests: r.requests, seconds, rps: r.requests / seconds, p50Ms: r.p50 / 1000, p99Ms: r.p99 / 1000, failures: r.failures };
}

async function runAutocannon(opts: LoadOptions): Promise<LoadResult> {
  let client = 0;
  let request = 0;
  let sent = 0;
  const s = opts.sessions;
  const result = await autocannon({
    url: `http://127.0.0.1:${opts.port}${CHAT_PATH}`,
    method: 'POST',
    headers: requestHeaders(),
    body: opts.body,
    connections: opts.connections,
    duration: opts.seconds,
    timeout: 10,
    requests: [
      {
        setupRequest: (req) => ({
          ...req,
          body: varyBody(opts.body, sent++),
          ...(s ? { headers: { ...req.headers, 'x-session-id': `${s.prefix}${s.mode === 'cycle' ? client++ % s.count : request++}` } } : {}),
        }),
      },
    ],
  });
  const requests = result.requests.total;
  return {
    requests,
    seconds: result.duration,
    rps: requests / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    failures: result.errors + result.timeouts + result.non2xx,
  };
}

export function runLoad(generator: LoadGeneratorName, opts: LoadOptions): Promise<LoadResult> {
  return generator === 'wrk' ? runWrk(opts) : runAutocannon(opts);
}
