/** `sluice check [path]`: validates a config and prints every problem; exit 1 on any. */
import { resolve } from 'node:path';
import { ConfigError, formatProblem, loadConfig } from './config/load.js';

export function main(argv: string[]): number {
  const [command, path] = argv;
  if (command !== 'check') {
    process.stderr.write('usage: sluice check [path-to-gateway.yaml]\n');
    return 2;
  }
  const file = resolve(path ?? process.env.SLUICE_CONFIG ?? 'config/gateway.yaml');
  try {
    const loaded = loadConfig(file);
    for (const v of loaded.missingVars) process.stdout.write(`warning: ${v.path}: environment variable ${v.name} is not set\n`);
    const c = loaded.config;
    process.stdout.write(
      `ok: ${file} (${Object.keys(c.tenants).length} tenants, ${Object.keys(c.models).length} models, ` +
        `${Object.keys(c.providers).length} providers, ${Object.keys(c.policies).length} policies)\n`,
    );
    return 0;
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    for (const p of err.problems) process.stdout.write(`${formatProblem(p)}\n`);
    process.stdout.write(`${err.problems.length} problem${err.problems.length === 1 ? '' : 's'} found\n`);
    return 1;
  }
}

process.exitCode = main(process.argv.slice(2));
