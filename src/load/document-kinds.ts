/**
 * The kinds of source documents. A document's kind follows from where it sits in the
 * program folder, so that a reader of the folder knows what each file is.
 */
export const documentKinds = [
  'catalog',
  'program',
  'competences',
  'module',
  'assessment',
  'assignments',
  'schedule',
  'policy',
  'accepted-warnings',
] as const;

export type DocumentKind = (typeof documentKinds)[number];

/** Kinds that are one file per program, and their file names. */
export const singletonKinds = {
  program: 'program.yaml',
  competences: 'competences.yaml',
  assignments: 'assignments.yaml',
  schedule: 'schedule.yaml',
  policy: 'policy.yaml',
  'accepted-warnings': 'accepted-warnings.yaml',
} as const satisfies Partial<Record<DocumentKind, string>>;

export type SingletonKind = keyof typeof singletonKinds;

/** Folders holding one document per file, named by its id. */
export const folderKinds = {
  module: 'modules',
  assessment: 'assessments',
} as const satisfies Partial<Record<DocumentKind, string>>;

export type FolderKind = keyof typeof folderKinds;

/** The catalog file sits beside the program folders and describes the site as a whole. */
export const catalogFileName = 'catalog.yaml';

const yamlExtension = /\.ya?ml$/;

export function isYamlFile(name: string): boolean {
  return yamlExtension.test(name);
}

/** Classifies a YAML file by its path relative to the program folder (`/`-separated). */
export function classifyProgramFile(relativePath: string): DocumentKind | undefined {
  const normalized = relativePath.replace(yamlExtension, '.yaml');
  for (const [kind, name] of Object.entries(singletonKinds)) {
    if (normalized === name) return kind as SingletonKind;
  }
  const parts = normalized.split('/');
  if (parts.length === 2) {
    for (const [kind, folder] of Object.entries(folderKinds)) {
      if (parts[0] === folder) return kind as FolderKind;
    }
  }
  return undefined;
}

/** The id a folder document must carry: its file name without the extension. */
export function idFromFileName(relativePath: string): string {
  const base = relativePath.split('/').pop() ?? relativePath;
  return base.replace(yamlExtension, '');
}
