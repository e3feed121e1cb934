/**
 * Process entry: load config → build app → listen; SIGHUP reloads; SIGTERM/SIGINT drain and
 * close. Everything else lives in app.ts.
 */
import { resolve } from 'node:path';
import { pino } from 'pino';
import { buildApp, loggerOptions, type RuntimeHolder } from './app.js';
import { ConfigError, loadConfig, type LoadedConfig } from './config/load.js';
import { buildRuntime, closeRuntime } from './config/runtime.js';
import { createStore } from './store/index.js';
import { watchConfig } from './config/watch.js';
import { createLogDestination } from './log-destination.js';
import { applyV8Flags } from './v8-flags.js';
import { keepTickObjectShape } from './tick-shape.js';

applyV8Flags();
keepTickObjectShape();

const configFile = resolve(process.env.SLUICE_CONFIG ?? 'config/gateway.yaml');
const logDestination = createLogDestination();
const bootLog = pino(loggerOptions(process.env.LOG_LEVEL ?? 'info'), logDestination);

function load(): LoadedConfig {
  const loaded = loadConfig(configFile);
  for (const v of loaded.missingVars) {
    bootLog.warn({ variable: v.name, path: v.path }, `environment variable ${v.name} is not set; ${v.path} is empty`);
  }
  return loaded;
}

let loaded: LoadedConfig;
try {
  loaded = load();
} catch (err) {
  if (err instanceof ConfigError) {
    bootLog.fatal({ problems: err.problems.length }, err.message);
    process.exit(1);
  }
  throw err;
}

const cfg = loaded.config;
const store = createStore({
  ...(cfg.store.redis_url ? { redisUrl: cfg.store.redis_url } : {}),
  ...(cfg.store.cluster_nodes ? { clusterNodes: cfg.store.cluster_nodes } : {}),
  keyPrefix: cfg.store.key_prefix,
  logger: bootLog,
});
if (store.kind === 'memory') {
  bootLog.warn('no REDIS_URL or store.redis_url: sessions live in this process only (one instance, lost on restart)');
}

const holder: RuntimeHolder = { current: buildRuntime(loaded) };
bootLog.level = cfg.server.log_level;
const app = await buildApp({ runtime: holder, store, loggerInstance: bootLog });

let reloading = false;
async function reload(reason: string): Promise<void> {
  if (reloading) return;
  reloading = true;
  try {
    const next = buildRuntime(load());
    const previous = holder.current;
    holder.current = next;
    app.log.info({ reason, file: configFile }, 'config reloaded');
    // Requests in flight keep the runtime they started with; close its pools once they are done.
    setTimeout(() => void closeRuntime(previous), cfg.server.shutdown_grace_ms).unref();
  } catch (err) {
    app.log.error({ reason, file: configFile, problems: err instanceof ConfigError ? err.problems : undefined }, `config reload rejected, the old config stays live: ${(err as Error).message}`);
  } finally {
    reloading = false;
  }
}

process.on('SIGHUP', () => void reload('SIGHUP'));
if (cfg.server.watch_config) watchConfig(configFile, () => void reload('file changed'));

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  app.draining = true;
  app.log.info({ signal }, 'draining');
  const force = setTimeout(() => {
    app.log.warn('grace period over, exiting with requests in flight');
    process.exit(1);
  }, cfg.server.shutdown_grace_ms);
  force.unref();
  try {
    await app.close();
    await closeRuntime(holder.current);
    await store.close();
  } finally {
    process.exit(0);
  }
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));

try {
  await app.listen({ port: cfg.server.port, host: cfg.server.host });
  app.log.info({ config: configFile, store: store.kind, tenants: holder.current.tenants.length, models: holder.current.models.size }, 'sluice is listening');
} catch (err) {
  app.log.fatal({ err }, 'cannot listen');
  process.exit(1);
}
