import type { ProgramEmitter } from '../types.ts';

/** `curriculum.json`: the resolved model itself, for anyone who wants to build on it. */
export const emitCurriculumJson: ProgramEmitter = (curriculum) => [
  { path: `${curriculum.program.id}/curriculum.json`, contents: `${JSON.stringify(curriculum, null, 2)}\n` },
];
