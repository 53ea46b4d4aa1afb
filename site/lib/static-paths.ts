/** `getStaticPaths` results shared by the program pages. */
import { programIds } from './data.ts';

export function programPaths() {
  return programIds().map((program) => ({ params: { program } }));
}
