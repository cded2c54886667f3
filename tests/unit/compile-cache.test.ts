import { createRequire } from 'node:module';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

const { compileCacheFolder } = createRequire(import.meta.url)('../../bin/compile-cache.cjs') as {
  compileCacheFolder: () => string | null;
};

describe("the command line's compile cache", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("is kept in the user's own cache folder, never in the shared temporary folder", () => {
    // Node's default is a folder under the system's temporary folder, which on Linux every user
    // can write to: compiled code left there by another user would run as this one.
    vi.stubEnv('XDG_CACHE_HOME', '');
    const folder = compileCacheFolder();
    expect(folder).not.toBeNull();
    expect(folder!.startsWith(tmpdir())).toBe(false);
    if (process.platform === 'linux') {
      expect(folder).toBe(join(homedir(), '.cache', 'pathway-workshop', 'compile-cache'));
      vi.stubEnv('XDG_CACHE_HOME', '/srv/cache');
      expect(compileCacheFolder()).toBe(join('/srv/cache', 'pathway-workshop', 'compile-cache'));
      // A relative XDG_CACHE_HOME is not a folder anyone meant: the home's is used.
      vi.stubEnv('XDG_CACHE_HOME', 'cache');
      expect(compileCacheFolder()).toBe(folder);
    }
  });
});
