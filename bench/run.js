#!/usr/bin/env node
// `npm run bench -- <name>`: runs bench/src/<name>.ts through tsx (the server's own sources).
import { register } from 'tsx/esm/api';

register();
const name = process.argv[2];
const known = ['core', 'supervision', 'report', 'web', 'upload'];
if (!known.includes(name)) {
  console.error(`usage: npm run bench -- <${known.join('|')}>`);
  process.exit(2);
}
await import(`./src/${name}.ts`);
