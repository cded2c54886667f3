import { vi } from 'vitest';

// No module loaded by the tests may import `electron` at runtime: outside Electron its main
// export tries to download a binary. Any such import fails the test loudly. (The preload's own
// guard test replaces this with a fake.)
vi.mock('electron', () => {
  throw new Error('A module under test imported "electron"; only the thin shell may.');
});
