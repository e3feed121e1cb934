/** Bearer key → tenant, compared in constant time against every configured digest. */
import { timingSafeEqual } from 'node:crypto';
import { sha256, type Runtime, type Tenant } from './config/runtime.js';

export function bearerToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const m = /^Bearer\s+(.+)$/i.exec(header.trim());
  return m?.[1]?.trim() || undefined;
}

export function findTenant(rt: Runtime, key: string): Tenant | undefined {
  const digest = sha256(key);
  let found: Tenant | undefined;
  // No early exit: the time taken does not depend on which key (if any) matched.
  for (const tenant of rt.tenants) {
    for (const d of tenant.keyDigests) {
      if (timingSafeEqual(d, digest) && !found) found = tenant;
    }
  }
  return found;
}
