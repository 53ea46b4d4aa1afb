/**
 * What a package contains and how it is organized: the whole program by phase, or one
 * module. Every format builds its structure (SCORM clusters, cmi5 blocks) from this, so
 * the three packages of a program always hold the same modules in the same order.
 */
import type { Curriculum, Module, Phase } from '../../model/types.ts';

/** Which package: the whole program, or one module of it. */
export type PackageScope = { readonly kind: 'program' } | { readonly kind: 'module'; readonly moduleId: string };

/** A phase and its modules in the phase's order; `phase` is absent for modules outside every phase. */
export interface OutlineGroup {
  readonly phase?: Phase;
  readonly modules: readonly Module[];
}

/**
 * The program by phase: each phase with at least one module, in schedule order, then
 * the modules that belong to no phase. A program without phases is one group.
 */
export function programOutline(curriculum: Curriculum): OutlineGroup[] {
  const byId = new Map(curriculum.modules.map((m) => [m.id, m]));
  const placed = new Set<string>();
  const groups: OutlineGroup[] = [];
  for (const phase of curriculum.schedule.phases) {
    const modules = phase.moduleIds.map((id) => byId.get(id)).filter((m): m is Module => m !== undefined && !placed.has(m.id));
    for (const m of modules) placed.add(m.id);
    if (modules.length > 0) groups.push({ phase, modules });
  }
  const loose = curriculum.modules.filter((m) => !placed.has(m.id));
  if (loose.length > 0) groups.push({ modules: loose });
  return groups;
}

/** The modules a package holds, in outline order. */
export function scopeModules(curriculum: Curriculum, scope: PackageScope): Module[] {
  if (scope.kind === 'program') return programOutline(curriculum).flatMap((g) => [...g.modules]);
  const module = curriculum.modules.find((m) => m.id === scope.moduleId);
  if (!module) throw new Error(`No module ${scope.moduleId} in ${curriculum.program.id}`);
  return [module];
}

/** The scopes of a program's packages: the program, then each module. */
export function packageScopes(curriculum: Curriculum): PackageScope[] {
  return [{ kind: 'program' }, ...curriculum.modules.map((m) => ({ kind: 'module' as const, moduleId: m.id }))];
}
