#!/usr/bin/env node
// The CLI is written in TypeScript and run by Node's own type stripping (Node >= 22.18),
// so there is no compile step between editing the compiler and running it.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  process.stderr.write(
    `curriculum needs Node.js 22.18 or newer (this is ${process.version}).\n` +
      'Inside the project, `npm run curriculum -- <command>` uses the Node version the project pins.\n',
  );
  process.exit(2);
}
// Node keeps compiled code, and the TypeScript it stripped of types, in a cache on disk:
// stripping every source file again on each run doubled the start-up time of `check`.
const { enableCompileCache } = await import('node:module');
enableCompileCache?.();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
