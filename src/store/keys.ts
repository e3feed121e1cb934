/**
 * Storage key layout, shared by the Redis and memory stores.
 *
 *   session history: <prefix>:{<tenant>:<session>}:messages
 *   document:        <prefix>:{<tenant>}:<kind>:<id>
 *   rate window:     <prefix>:{<tenant>}:@rate:<name>
 *
 * Tenant isolation rests on tenant names never containing ':', '{' or '}'. Inside the braces the
 * first ':' therefore always ends the tenant name, so a session id that itself contains ':' (e.g.
 * tenant "a", session "b:c") yields "{a:b:c}", which no other tenant can produce: tenant "a:b" is
 * rejected. A session tag always contains a ':' and a document tag never does, so the two key
 * families cannot collide either. Braces are excluded everywhere before the closing '}' so the
 * Cluster hash tag is exactly the tenant (documents) or tenant:session (history), keeping all keys
 * of one session in one slot for the multi-key Lua scripts. A rate window's segment starts with
 * '@', which no document kind may contain, so a window can never overwrite a document.
 */

const TENANT = /^[A-Za-z0-9_-]{1,64}$/;
const SESSION_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const DOCUMENT_KIND = /^[A-Za-z0-9_-]{1,64}$/;
const MAX_DOCUMENT_ID_LENGTH = 512;
const PREFIX_FORBIDDEN = /[{}]/;
const RATE_WINDOW_NAME = /^[a-z][a-z0-9_-]{0,31}$/;

export class InvalidKeyPartError extends Error {
  constructor(part: string, value: string) {
    super(`invalid ${part}: ${JSON.stringify(value.slice(0, 140))}`);
    this.name = 'InvalidKeyPartError';
  }
}

export interface KeyBuilder {
  sessionMessages(tenant: string, sessionId: string): string;
  document(tenant: string, kind: string, id: string): string;
  rateWindow(tenant: string, name: string): string;
}

export function createKeyBuilder(prefix: string): KeyBuilder {
  // A brace in the prefix would become the Cluster hash tag and put every key in one slot.
  if (prefix.length === 0 || PREFIX_FORBIDDEN.test(prefix)) throw new InvalidKeyPartError('key prefix', prefix);

  return {
    sessionMessages(tenant, sessionId) {
      assertTenant(tenant);
      if (!SESSION_ID.test(sessionId)) throw new InvalidKeyPartError('session id', sessionId);
      return `${prefix}:{${tenant}:${sessionId}}:messages`;
    },
    document(tenant, kind, id) {
      assertTenant(tenant);
      if (!DOCUMENT_KIND.test(kind)) throw new InvalidKeyPartError('document kind', kind);
      // The id is the last segment and comes after the hash tag, so any content is unambiguous.
      if (id.length === 0 || id.length > MAX_DOCUMENT_ID_LENGTH) throw new InvalidKeyPartError('document id', id);
      return `${prefix}:{${tenant}}:${kind}:${id}`;
    },
    rateWindow(tenant, name) {
      assertTenant(tenant);
      if (!RATE_WINDOW_NAME.test(name)) throw new InvalidKeyPartError('rate window name', name);
      return `${prefix}:{${tenant}}:@rate:${name}`;
    },
  };
}

function assertTenant(tenant: string): void {
  if (!TENANT.test(tenant)) throw new InvalidKeyPartError('tenant', tenant);
}
