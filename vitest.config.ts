import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Playwright specs (*.spec.ts) live in tests/e2e and tests/electron and are never run here.
    include: [
      'shared/**/*.test.ts',
      'electron/**/*.test.ts',
      'renderer/**/*.test.{ts,tsx}',
      'tests/unit/**/*.test.ts',
      // The built main bundle with a recording stand-in for electron (no Electron binary here).
      'tests/electron-shell/**/*.test.ts',
    ],
    environment: 'node',
    setupFiles: ['tests/unit/setup.ts'],
    // The first export in a test file loads the scrubber's Danish word list (2–8 s on a busy
    // two-core machine), as the app does once per process.
    testTimeout: 30_000,
    pool: 'forks',
  },
});
