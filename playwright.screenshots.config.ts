import { defineConfig } from '@playwright/test';
import base from './playwright.config';

/**
 * `npm run screenshots`: the key screens written to docs/screenshots/ for people to look at.
 * Kept apart from `npm test` (own folder, `*.shots.ts`); the same browser and launch flags as the
 * end-to-end tests, one worker so the pictures do not compete for the machine's two cores.
 */
export default defineConfig({
  testDir: 'tests/screenshots',
  testMatch: '**/*.shots.ts',
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: base.expect,
  reporter: [['list']],
  use: base.use,
});
