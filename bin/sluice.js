#!/usr/bin/env node
// The `sluice` command (`npx sluice check [path]`); builds dist/ first when needed.
import { buildIfNeeded } from '../scripts/build-if-needed.js';

buildIfNeeded();
await import('../dist/cli.js');
