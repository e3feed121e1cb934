/**
 * `${VAR}` and `${VAR:-default}` expansion in string values, after YAML parsing, so an
 * environment value can never inject YAML structure.
 */

const VAR_RE = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g;

export interface MissingVar {
  name: string;
  /** Dotted YAML path of the value that referenced it. */
  path: string;
}

export function expandEnv(
  value: unknown,
  env: NodeJS.ProcessEnv,
  missing: MissingVar[] = [],
  path: string[] = [],
): unknown {
  if (typeof value === 'string') {
    return value.replace(VAR_RE, (_m, varName: string, fallback: string | undefined) => {
      const v = env[varName];
      if (v !== undefined && v !== '') return v;
      if (fallback !== undefined) return fallback;
      missing.push({ name: varName, path: path.join('.') });
      return '';
    });
  }
  if (Array.isArray(value)) return value.map((v, i) => expandEnv(v, env, missing, [...path, String(i)]));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = expandEnv(v, env, missing, [...path, k]);
    return out;
  }
  return value;
}
