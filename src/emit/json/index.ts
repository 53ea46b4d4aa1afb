import { outputPaths } from '../../addresses/index.ts';
import type { ProgramEmitter } from '../types.ts';

/** `curriculum.json`: the resolved model itself, for anyone who wants to build on it. */
export const emitCurriculumJson: ProgramEmitter = (curriculum) => [
  { path: outputPaths.curriculumJson(curriculum.program.id), contents: `${JSON.stringify(curriculum, null, 2)}\n` },
];
