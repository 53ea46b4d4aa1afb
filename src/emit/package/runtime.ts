/**
 * The SCO runtime script and stylesheet, as they go into a package. The runtime is
 * plain JavaScript kept in `runtime/` (no bundler): shared parts plus one adapter per
 * standard, concatenated inside one function scope. The files are read once, when this
 * module loads, so that the emitters themselves do no I/O.
 */
import { readFileSync } from 'node:fs';
import type { PackageFormat } from '../../addresses/index.ts';

function asset(name: string): string {
  return readFileSync(new URL(`./runtime/${name}`, import.meta.url), 'utf8');
}

/** The runtime's source files, by name, for tests that run parts of it on their own. */
export const runtimeParts = {
  core: asset('core.js'),
  quiz: asset('quiz.js'),
  controller: asset('controller.js'),
  standalone: asset('standalone.js'),
  scormApi: asset('scorm-api.js'),
  scorm12: asset('adapter-scorm12.js'),
  scorm2004: asset('adapter-scorm2004.js'),
  cmi5: asset('adapter-cmi5.js'),
  boot: asset('boot.js'),
} as const;

const adapters: Readonly<Record<PackageFormat, readonly string[]>> = {
  'scorm-1.2': [runtimeParts.scormApi, runtimeParts.scorm12],
  'scorm-2004': [runtimeParts.scormApi, runtimeParts.scorm2004],
  cmi5: [runtimeParts.cmi5],
};

/** The script of a package in `format`: the shared parts and that format's adapter. */
export function runtimeScript(format: PackageFormat): string {
  const parts = [runtimeParts.core, runtimeParts.quiz, runtimeParts.controller, runtimeParts.standalone, ...adapters[format], runtimeParts.boot];
  return `/* Curriculum Compiler SCO runtime (${format}). */\n(function () {\n'use strict';\n${parts.join('\n')}\n})();\n`;
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
