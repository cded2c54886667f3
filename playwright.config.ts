import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';

/**
 * Chromium comes from the system where Playwright's own download is impossible: an explicit
 * PATHWAY_CHROMIUM, else Debian's /usr/bin/chromium, else Playwright's bundled browser.
 */
function chromiumPath(): string | undefined {
  const fromEnv = process.env.PATHWAY_CHROMIUM;
  if (fromEnv) return fromEnv;
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

export default defineConfig({
  testDir: 'tests',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  // On CI one retry, so a single timing hiccup on a loaded machine does not sink the run; a test
  // that needed it is reported as flaky in the summary, never silently.
  retries: process.env.CI ? 1 : 0,
  timeout: 30_000,
  expect: { timeout: 7_000 },
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : [['list']],
  use: {
    locale: 'da-DK',
    viewport: { width: 1280, height: 860 },
    trace: 'off',
    launchOptions: {
      executablePath: chromiumPath(),
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    { name: 'browser', testDir: 'tests/e2e' },
    { name: 'electron', testDir: 'tests/electron' },
  ],
});
