/** Reads the page's data and starts the session with the format's adapter (or the standalone one when no LMS is there). */
import type { ScoData } from '../sco-data.ts';
import type { AdapterFactory } from './adapter.ts';
import { runSco } from './session.ts';
import { createStandaloneAdapter } from './standalone.ts';

export function boot(createLmsAdapter: AdapterFactory): void {
  function begin(): void {
    const data = document.getElementById('sco-data');
    if (!data) return;
    const config = JSON.parse(data.textContent || '{}') as ScoData;
    const adapter = createLmsAdapter(config) || createStandaloneAdapter();
    (window as unknown as { curriculumSco: unknown }).curriculumSco = runSco(config, adapter);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', begin);
  else begin();
}
