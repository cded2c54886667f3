import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Playwright specs (*.spec.ts) live in tests/e2e and tests/electron and are never run here.
    include: [
      'shared/**/*.test.ts',
      'electron/**/*.test.ts',
      'renderer/**/*.test.{ts,tsx}',
      'tests/unit/**/*.test.ts',
    ],
    environment: 'node',
    setupFiles: ['tests/unit/setup.ts'],
    pool: 'forks',
  },
});
