/**
 * One redis-server for the whole test run; tests read its URL with inject('redisUrl') and isolate
 * themselves with their own key prefix. Tests that stop Redis start a private instance instead.
 */
import type { TestProject } from 'vitest/node';
import { startRedis } from './redis-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const redis = await startRedis();
  project.provide('redisUrl', redis.url);
  return () => redis.stop();
}
