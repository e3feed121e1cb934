/**
 * Reads the config file (and `policies/*.yaml` beside it), expands `${VAR}`, validates the
 * whole thing with zod, and reports every problem as `file: yaml.path (line N): reason`.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { ConfigSchema, PolicySchema, type Config } from './schema.js';
import { expandEnv, type MissingVar } from './expand.js';
import { checkPolicySemantics } from './check-policies.js';

export interface ConfigProblem {
  file: string;
  path: string;
  reason: string;
  line?: number;
}

export class ConfigError extends Error {
  readonly problems: ConfigProblem[];
  constructor(problems: ConfigProblem[]) {
    super(`invalid config:\n${problems.map(formatProblem).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

export function formatProblem(p: ConfigProblem): string {
  const where = p.path === '' ? '(root)' : p.path;
  return `${p.file}: ${where}${p.line ? ` (line ${p.line})` : ''}: ${p.reason}`;
}

export interface LoadedConfig {
  config: Config;
  file: string;
  /** Variables referenced without a default and unset: the start-up log names them. */
  missingVars: MissingVar[];
}

interface ParsedFile {
  file: string;
  doc: Document;
  lines: LineCounter;
  data: unknown;
}

function displayName(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.startsWith('..') ? file : rel;
}

function parseYamlFile(file: string, problems: ConfigProblem[]): ParsedFile | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    problems.push({ file: displayName(file), path: '', reason: `cannot read: ${(err as Error).message}` });
    return undefined;
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      const line = e.linePos?.[0]?.line;
      problems.push({ file: displayName(file), path: '', reason: `YAML: ${e.message.split('\n')[0]}`, ...(line ? { line } : {}) });
    }
    return undefined;
  }
  return { file, doc, lines, data: doc.toJS() ?? {} };
}

function lineOf(parsed: ParsedFile, path: (string | number)[]): number | undefined {
  for (let n = path.length; n > 0; n--) {
    const node = parsed.doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
    if (node && typeof node === 'object' && node.range) return parsed.lines.linePos(node.range[0]).line;
  }
  return undefined;
}

function zodProblems(
  error: z.ZodError,
  parsed: ParsedFile,
  prefix: (string | number)[] = [],
): ConfigProblem[] {
  return error.issues.map((issue) => {
    const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    const line = lineOf(parsed, path);
    return {
      file: displayName(parsed.file),
      path: [...prefix, ...path].join('.'),
      reason: issueMessage(issue),
      ...(line ? { line } : {}),
    };
  });
}

function issueMessage(issue: z.core.$ZodIssue): string {
  // A bad record key (a tenant or policy name) carries the key rule's own message inside.
  if (issue.code === 'invalid_key') return issue.issues[0]?.message ?? issue.message;
  return issue.message;
}

/** Policy files: `<config dir>/policies/<name>.yaml`, the file name being the policy name. */
function readPolicyFiles(configFile: string, problems: ConfigProblem[]): ParsedFile[] {
  const dir = join(dirname(configFile), 'policies');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort()
    .map((f) => parseYamlFile(join(dir, f), problems))
    .filter((p): p is ParsedFile => p !== undefined);
}

export function loadConfig(file: string, env: NodeJS.ProcessEnv = process.env): LoadedConfig {
  const problems: ConfigProblem[] = [];
  const main = parseYamlFile(file, problems);
  const policyFiles = readPolicyFiles(file, problems);
  if (!main) throw new ConfigError(problems);

  const missingVars: MissingVar[] = [];
  const raw = expandEnv(main.data, env, missingVars);
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new ConfigError([{ file: displayName(file), path: '', reason: 'expected a YAML mapping at the top level' }]);
  }
  const root = raw as Record<string, unknown>;
  applyEnvOverrides(root, env);

  // Policy files join `policies:`; the file name is the policy's name.
  const fromFiles: Record<string, unknown> = {};
  for (const pf of policyFiles) {
    const policyName = basename(pf.file).replace(/\.ya?ml$/, '');
    const policyRaw = expandEnv(pf.data, env, missingVars, ['policies', policyName]);
    const res = PolicySchema.safeParse(policyRaw);
    if (!res.success) problems.push(...zodProblems(res.error, pf));
    else if (root.policies && typeof root.policies === 'object' && policyName in (root.policies as object)) {
      problems.push({ file: displayName(pf.file), path: '', reason: `policy '${policyName}' is also defined inline in ${displayName(file)}` });
    } else fromFiles[policyName] = policyRaw;
  }
  root.policies = { ...(root.policies as Record<string, unknown> | undefined), ...fromFiles };

  const res = ConfigSchema.safeParse(root);
  if (!res.success) problems.push(...zodProblems(res.error, main));
  if (res.success) {
    for (const p of checkPolicySemantics(res.data)) {
      const policyFile = policyFiles.find((pf) => p.path[0] === 'policies' && basename(pf.file).replace(/\.ya?ml$/, '') === p.path[1]);
      const target = policyFile ?? main;
      const localPath = policyFile ? p.path.slice(2) : p.path;
      const line = lineOf(target, localPath);
      problems.push({ file: displayName(target.file), path: localPath.join('.'), reason: p.reason, ...(line ? { line } : {}) });
    }
  }
  if (problems.length > 0 || !res.success) throw new ConfigError(problems);
  return { config: res.data, file, missingVars };
}

/** PORT, HOST and REDIS_URL override the file when set (SPEC: config precedence). */
function applyEnvOverrides(root: Record<string, unknown>, env: NodeJS.ProcessEnv): void {
  const section = (k: string): Record<string, unknown> => {
    const v = root[k];
    if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
    const fresh: Record<string, unknown> = {};
    root[k] = fresh;
    return fresh;
  };
  if (env.PORT) section('server').port = env.PORT;
  if (env.HOST) section('server').host = env.HOST;
  if (env.REDIS_URL) section('store').redis_url = env.REDIS_URL;
}
