/**
 * Coded errors and the one OpenAI-shaped envelope every error leaves the gateway in, so that
 * the official SDKs raise their typed errors (their classes are chosen by HTTP status).
 */

export type ErrorType =
  | 'invalid_request_error'
  | 'permission_error'
  | 'rate_limit_error'
  | 'api_error';

export interface ErrorBody {
  error: { message: string; type: ErrorType | string; param: string | null; code: string | null };
}

export interface GatewayErrorOptions {
  param?: string | null;
  code?: string | null;
  headers?: Record<string, string>;
  cause?: unknown;
}

export class GatewayError extends Error {
  readonly status: number;
  readonly type: ErrorType | string;
  readonly param: string | null;
  readonly code: string | null;
  readonly headers: Record<string, string>;

  constructor(status: number, type: ErrorType | string, message: string, opts: GatewayErrorOptions = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'GatewayError';
    this.status = status;
    this.type = type;
    this.param = opts.param ?? null;
    this.code = opts.code ?? null;
    this.headers = opts.headers ?? {};
  }

  toJSON(): ErrorBody {
    return errorBody(this.message, this.type, this.param, this.code);
  }
}

export function errorBody(
  message: string,
  type: ErrorType | string,
  param: string | null = null,
  code: string | null = null,
): ErrorBody {
  return { error: { message, type, param, code } };
}

/** Statuses a retry cannot fix; the official SDKs honour `x-should-retry: false`. */
export function shouldNotRetry(status: number): boolean {
  return status === 400 || status === 401 || status === 403 || status === 404 || status === 413 || status === 415 || status === 422;
}

export const invalidRequest = (message: string, param: string | null = null, code: string | null = null) =>
  new GatewayError(400, 'invalid_request_error', message, { param, code });

export const invalidApiKey = (message = 'Incorrect API key provided.') =>
  new GatewayError(401, 'invalid_request_error', message, { code: 'invalid_api_key' });

export const modelNotAllowed = (model: string) =>
  new GatewayError(403, 'permission_error', `The model '${model}' is not allowed for this API key.`, {
    param: 'model',
    code: 'model_not_allowed',
  });

export const modelNotFound = (model: string) =>
  new GatewayError(404, 'invalid_request_error', `The model '${model}' does not exist.`, {
    param: 'model',
    code: 'model_not_found',
  });

export const notFound = (message: string, param: string | null = null) =>
  new GatewayError(404, 'invalid_request_error', message, { param, code: 'not_found' });

export const storeUnavailable = (cause?: unknown) =>
  new GatewayError(503, 'api_error', 'The session store is unavailable; try again shortly.', {
    code: 'store_unavailable',
    cause,
  });

export const upstreamError = (message: string, cause?: unknown) =>
  new GatewayError(502, 'api_error', message, { code: 'upstream_error', cause });

export const upstreamTimeout = (message: string, cause?: unknown) =>
  new GatewayError(504, 'api_error', message, { code: 'upstream_timeout', cause });

export const contentFilterError = (message: string) =>
  new GatewayError(400, 'invalid_request_error', message, { code: 'content_filter' });
