/**
 * The SCO runtime script and stylesheet, as they go into a package. The runtime is
 * TypeScript in `runtime/` (checked by its own tsconfig, with the browser's globals and
 * the page data's types from sco-data.ts), bundled here by esbuild into one IIFE per
 * format, each with its own adapter only.
 *
 * The bundles are made when a package first needs them, in memory (esbuild's buildSync,
 * write: false), not checked in: a checked-in bundle is a second copy of the runtime
 * that can go stale and conflicts on every merge that touches the runtime, while esbuild
 * is already a dependency and gives the same bytes for the same sources. The emitters
 * stay free of disk writes; the build's output cache sees a runtime change through the
 * compiler's fingerprint (it hashes src/).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import type { PackageFormat } from '../../addresses/index.ts';
import { memoFor } from '../../util/memo.ts';

const runtimeDir = fileURLToPath(new URL('./runtime/', import.meta.url));

/** Each format's entry module in `runtime/`. */
const entries: Readonly<Record<PackageFormat, string>> = {
  'scorm-1.2': 'main-scorm12.ts',
  'scorm-2004': 'main-scorm2004.ts',
  cmi5: 'main-cmi5.ts',
};

const scripts = new Map<PackageFormat, string>();

function bundle(format: PackageFormat): string {
  const result = buildSync({
    entryPoints: [entries[format]],
    // Paths in the bundle's comments are relative to here (`// session.ts`), the same on every machine.
    absWorkingDir: runtimeDir,
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    // The browsers LMSs embed: nothing newer than ES2017 reaches them.
    target: 'es2017',
    charset: 'utf8',
    sourcemap: false,
    legalComments: 'none',
    logLevel: 'silent',
    // The runtime's tsconfig is for type checking; the bundle needs none of it.
    tsconfigRaw: '{}',
    // Strict mode for the whole script, as the modules were written (the IIFE itself would be sloppy).
    banner: { js: `/* Curriculum Compiler SCO runtime (${format}). */\n'use strict';` },
  });
  if (result.errors.length) throw new Error(`The SCO runtime (${format}) did not bundle: ${result.errors.map((e) => e.text).join('; ')}`);
  return result.outputFiles[0]!.text;
}

/** The script of a package in `format`: the shared parts and that format's adapter. */
export function runtimeScript(format: PackageFormat): string {
  let script = scripts.get(format);
  if (script === undefined) {
    // Kept between builds by `build` (util/memo.ts): the bundle depends on the runtime's
    // sources alone, which the memo store's fingerprint covers (it hashes src/). Starting
    // esbuild and bundling took a quarter of a second of each build's package worker.
    const memo = memoFor<string>('runtime');
    script = memo?.get(format) ?? bundle(format);
    memo?.keep(format, script);
    scripts.set(format, script);
  }
  return script;
}

const stylesheet = readFileSync(new URL('./runtime/sco.css', import.meta.url), 'utf8');

/**
 * The stylesheet of a package. `accent` is the program's colour, already darkened
 * where needed to contrast 4.5:1 with white (it colours links and the main buttons).
 */
export function scoStylesheet(accent: string): string {
  if (!/^#[0-9a-f]{6}$/i.test(accent)) throw new Error(`Not a #rrggbb colour: ${accent}`);
  return `:root { --sco-accent: ${accent}; }\n${stylesheet}`;
}
