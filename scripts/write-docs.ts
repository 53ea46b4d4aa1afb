// Writes docs/diagnostics.md from the catalogue (run: npm run docs). A test fails when it is stale.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderCatalogueDoc } from '../src/diagnostics/catalogue-doc.ts';

const docs = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../docs');
await mkdir(docs, { recursive: true });
await writeFile(path.join(docs, 'diagnostics.md'), renderCatalogueDoc());
console.log('wrote docs/diagnostics.md');
