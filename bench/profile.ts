/**
 * CPU profiles under load: `npx tsx bench/profile.ts [variants] [seconds]`, variants a comma
 * list of off | full | session | full-output | reference (default `full,off`). Each gateway
 * runs alone with `node --cpu-prof`; JSON load and stream load are summarised separately with
 * start-up and warm-up left out, printed, and written to bench/PROFILE.md.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chatBody } from './lib/chat-body.js';
import { installExitHooks, pinSelf, stopAll, stopChild } from './lib/children.js';
import { REPO_ROOT, compileBenchServers } from './lib/compile-scripts.js';
import { ensureBuilt } from './lib/build.js';
import { formatSummary, loadProfile, monotonicUs, summariseProfile, type Window } from './lib/cpu-profile.js';
import { WRK_AVAILABLE, runLoad, type LoadOptions } from './lib/load-generator.js';
import { REFERENCE_LABEL, SLUICE_VARIANTS, startRedis, startReference, startSluice, startUpstream } from './lib/targets.js';

const variantIds = (process.argv[2] ?? 'full,off').split(',');
const seconds = Number(process.argv[3] ?? 8);
const generator = WRK_AVAILABLE ? 'wrk' : 'autocannon';

async function profileOne(variantId: string): Promise<string> {
  const variant = variantId === 'reference' ? undefined : SLUICE_VARIANTS.find((v) => v.id === variantId);
  if (!variant && variantId !== 'reference') throw new Error(`unknown variant ${variantId}; one of ${SLUICE_VARIANTS.map((v) => v.id).join(', ')}, reference`);
  const label = variant?.label ?? REFERENCE_LABEL;
  const sessions = variant?.sessions ?? false;

  const profileDir = mkdtempSync(join(tmpdir(), 'gateway-prof-'));
  const upstream = await startUpstream();
  const redis = sessions ? await startRedis() : undefined;
  const nodeFlags = ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, '--cpu-prof-interval=200'];
  const gateway = variant
    ? await startSluice(variant, { upstreamPort: upstream.port, redisUrl: redis?.url, nodeFlags })
    : await startReference(upstream.port, nodeFlags);
  const load = (body: string, s: number): LoadOptions => ({
    port: gateway.port,
    body,
    connections: 32,
    seconds: s,
    sessions: sessions ? { mode: 'cycle', count: 64, prefix: 'prof-' } : undefined,
  });
  const measured = async (body: string): Promise<{ window: Window; rps: number }> => {
    const fromUs = monotonicUs();
    const r = await runLoad(generator, load(body, seconds));
    return { window: { fromUs, toUs: monotonicUs() }, rps: r.rps };
  };

  console.error(`profiling ${label} for ${seconds} s JSON + ${seconds} s streams (${generator}, 32 connections)`);
  await runLoad(generator, load(chatBody('fast', false), 2));
  await runLoad(generator, load(chatBody('fast', true), 2));
  const json = await measured(chatBody('fast', false));
  const stream = await measured(chatBody('fast', true));
  // The profile is written when the process exits, so it must exit on its own (SIGTERM drains).
  await stopChild(gateway.process.child, 15_000);
  await stopAll();

  const file = readdirSync(profileDir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error(`no .cpuprofile written in ${profileDir}`);
  const profile = loadProfile(join(profileDir, file));
  rmSync(profileDir, { recursive: true, force: true });
  return [
    formatSummary(`${label}, JSON at 32 connections (${json.rps.toFixed(0)} req/s under the profiler)`, summariseProfile(profile, json.window)),
    '',
    formatSummary(`${label}, streams at 32 connections (${stream.rps.toFixed(0)} req/s under the profiler)`, summariseProfile(profile, stream.window)),
  ].join('\n');
}

installExitHooks();
pinSelf();
ensureBuilt((l) => console.error(l));
compileBenchServers();

const sections: string[] = [];
for (const id of variantIds) sections.push(await profileOne(id));
const text = sections.join('\n\n');
console.log(text);
writeFileSync(
  join(REPO_ROOT, 'bench', 'PROFILE.md'),
  `# CPU profiles under load\n\nCommand: \`npx tsx bench/profile.ts ${variantIds.join(',')} ${seconds}\` (node --cpu-prof, 200 µs sampling; positions mapped to src/ by the build's source maps).\n\n\`\`\`\n${text}\n\`\`\`\n`,
);
