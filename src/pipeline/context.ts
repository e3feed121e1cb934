/** What one chat request carries through the pipeline stages. */
import type { FastifyBaseLogger } from 'fastify';
import type { Runtime, Tenant } from '../config/runtime.js';
import type { JsonObject } from '../providers/types.js';
import type { CancelSignal } from '../cancel-signal.js';

export interface ChatContext {
  requestId: string;
  runtime: Runtime;
  tenant: Tenant;
  /** Public model name the client asked for. */
  model: string;
  /** The body being built for the upstream; stages edit it in place. */
  body: JsonObject;
  stream: boolean;
  signal: CancelSignal;
  log: FastifyBaseLogger;
  /** `param=old->new` items for x-sluice-clamped. */
  clamped: string[];
  /** Items for x-sluice-guardrail (grammar in SPEC §8); empty means `none`. */
  guardrail: string[];
  /** Extra response headers set by stages. */
  headers: Record<string, string>;
  /** Filled by the router. */
  target?: { provider: string; model: string };
  upstreamMs: number;
  sessionId?: string | undefined;
  /** A guardrail blocked the request or the answer: nothing is stored. */
  blocked?: boolean;
  startedAt: bigint;
}

export function messagesOf(body: JsonObject): JsonObject[] {
  return Array.isArray(body.messages) ? (body.messages as JsonObject[]) : [];
}
