#!/usr/bin/env node
// The `fazhi` command. The server runs its TypeScript sources through tsx, so there is no
// separate build step for the server and the stack traces point at the real files.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
