/** The hand-written map from a provider `type` to its implementation. */
import type { ProviderConfig } from '../config/schema.js';
import type { MissingVar } from '../config/expand.js';
import type { Provider } from './types.js';
import { createOpenAIProvider } from './openai/provider.js';
import { createEchoProvider } from './echo/provider.js';

export function createProvider(name: string, cfg: ProviderConfig, missingVars: MissingVar[]): Provider {
  switch (cfg.type) {
    case 'echo':
      return createEchoProvider(name);
    case 'openai':
      return createOpenAIProvider(name, cfg, missingVars);
  }
}
