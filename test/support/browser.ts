/**
 * Debian's Chromium driven by playwright-core, for the browser tests. A missing browser
 * skips those tests on a developer machine but fails them in CI (where `CI` is set),
 * so that CI can never pass without having run them.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Whether the browser tests can run here. */
export const browserAvailable = existsSync(chromiumPath);

/** In CI a missing browser is an error, not a reason to skip. */
export function requireBrowserInCi(): void {
  if (!browserAvailable && process.env.CI) {
    throw new Error(`No Chromium at ${chromiumPath}: CI must install it (apt-get install chromium) before the tests.`);
  }
}

// playwright-core adds --headless and a fresh temporary profile itself.
const flags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface LaunchedBrowser {
  readonly browser: Browser;
  close(): Promise<void>;
}

/** Starts headless Chromium with a fresh temporary profile. */
export async function launchBrowser(): Promise<LaunchedBrowser> {
  requireBrowserInCi();
  const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: flags });
  return { browser, close: () => browser.close() };
}
