/**
 * The compiler's public API: what `package.json` exports. `compile()` is the whole
 * pipeline in memory; `build()` writes its outputs and the site; `check()` is the front
 * half alone (load, validate, resolve). A test pins these names.
 */
export { compile, emitOutputs } from './compile.ts';
export type { Compilation, CompileOptions, DeferredOutputs, Outputs } from './compile.ts';
export { build } from './build.ts';
export type { BuildOptions, BuildResult } from './build.ts';
export { check, FileCache } from './check.ts';
export type { CheckOptions, CheckResult } from './check.ts';
export { emitters, heavyFiles } from './emit/registry.ts';
export type { BuildEmitter, Emitter, HeavyEmitter, LightEmitter } from './emit/registry.ts';
export type { EmitContext, OutputFile, ProgramEmitter } from './emit/types.ts';
export { outputPaths, pagePaths } from './addresses/index.ts';
export { catalogue } from './diagnostics/catalogue.ts';
export type { DiagnosticCode } from './diagnostics/catalogue.ts';
export { summarize } from './diagnostics/diagnostic.ts';
export type { Acceptance, Diagnostic, DiagnosticSummary, Severity, SourceRange } from './diagnostics/diagnostic.ts';
export { renderDiagnostics } from './diagnostics/render.ts';
export type { ResolvedCatalog } from './model/catalog.ts';
export type { Curriculum } from './model/types.ts';
export { version } from './version.ts';
