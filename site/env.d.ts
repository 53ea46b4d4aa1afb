/// <reference types="astro/client" />

declare module 'virtual:curriculum-site/data-file' {
  /** Absolute path of the site data JSON of this build (src/emit/site/vite-plugin.ts). */
  const dataFile: string;
  export default dataFile;
}

declare module 'virtual:curriculum-site/mdx' {
  /** `<program>/<module>` → the compiled MDX content of that module. */
  export const mdxContent: Readonly<Record<string, () => Promise<{ default: (props: { components?: Record<string, unknown> }) => unknown }>>>;
}

declare namespace App {
  interface Locals {
    /** The page's language, set by the page frame (Base.astro) for the parts inside it. */
    language?: string;
  }
}
