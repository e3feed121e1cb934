/**
 * The access line: one per request, written straight to the logger's destination in pino's own
 * line format. Going through `req.log.info({...})` ran pino's redaction and generic serialiser on
 * every request; the fields here are known, so the line is built directly. Content appears only
 * when the config asks (`log_content`), already masked.
 */
import { pino, type Logger } from 'pino';

export interface AccessRecord {
  requestId: string;
  method: string;
  path: string;
  tenant: string | undefined;
  model: string | undefined;
  target: string | undefined;
  session: string | undefined;
  status: number;
  totalMs: number;
  upstreamMs: number | undefined;
  content: unknown;
}

export type AccessLog = (record: AccessRecord) => void;

interface PinoInternals {
  [pino.symbols.streamSym]?: { write(line: string): unknown };
  [pino.symbols.chindingsSym]?: string;
}

const INFO = 30;

/** Undefined when the logger writes nowhere (Fastify's silent stand-in). */
export function createAccessLog(logger: Logger, requestIdLabel: string): AccessLog | undefined {
  const internals = logger as unknown as PinoInternals;
  const stream = internals[pino.symbols.streamSym];
  if (!stream || typeof stream.write !== 'function') return undefined;
  // The base bindings (pid, hostname, or whatever the logger was made with), e.g. `,"pid":1,...`.
  const bindings = internals[pino.symbols.chindingsSym] ?? '';
  const idKey = JSON.stringify(requestIdLabel);
  return (r) => {
    // The level is read per line, so a level changed at run time is obeyed.
    if (logger.levelVal > INFO) return;
    let line = `{"level":${INFO},"time":${Date.now()}${bindings},${idKey}:${JSON.stringify(r.requestId)},"method":${JSON.stringify(r.method)},"path":${JSON.stringify(r.path)}`;
    if (r.tenant !== undefined) line += `,"tenant":${JSON.stringify(r.tenant)}`;
    if (r.model !== undefined) line += `,"model":${JSON.stringify(r.model)}`;
    if (r.target !== undefined) line += `,"target":${JSON.stringify(r.target)}`;
    if (r.session !== undefined) line += `,"session":${JSON.stringify(r.session)}`;
    line += `,"status":${r.status},"total_ms":${round2(r.totalMs)}`;
    if (r.upstreamMs !== undefined) line += `,"upstream_ms":${round2(r.upstreamMs)}`;
    if (r.content !== undefined) line += `,"content":${safeJson(r.content)}`;
    stream.write(`${line},"msg":"request"}\n`);
  };
}

function round2(ms: number): number {
  return Math.round(ms * 100) / 100;
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? 'null';
  } catch {
    return '"[unserialisable]"';
  }
}
