import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const SHELL = new Set(['electron/main/index.ts', 'electron/preload/index.ts']);

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return sources(path);
    return /\.(ts|tsx|mjs|js)$/.test(name) ? [path] : [];
  });
}

/** Runtime imports only: `import type` is erased and never loads the module. */
function runtimeImports(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const found: string[] = [];
  for (const m of text.matchAll(/^\s*import\s+(?!type\s)(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)) {
    found.push(m[1]!);
  }
  for (const m of text.matchAll(/(?:require|import)\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push(m[1]!);
  return found;
}

describe('architecture boundaries', () => {
  const all = ['shared', 'electron', 'renderer/src', 'tests', 'scripts'].flatMap(sources);

  it('only the thin shell imports electron at runtime', () => {
    const offenders = all
      .filter((f) => !SHELL.has(relative(ROOT, join(ROOT, f))))
      .filter((f) => !f.startsWith('tests/electron/')) // Playwright's _electron, not the package
      .filter((f) => runtimeImports(f).some((m) => m === 'electron' || m.startsWith('electron/')));
    expect(offenders).toEqual([]);
  });

  it('shared/ imports nothing outside itself but zod, ajv, pure hashing and XML building', () => {
    const offenders = sources('shared').flatMap((f) =>
      runtimeImports(f)
        .filter(
          (m) =>
            !m.startsWith('.') &&
            m !== 'zod' &&
            // The model validator compiled from the zod schema (main process and command line; the
            // window imports only shared/model/limits.ts, and its bundle holds no ajv).
            m !== 'ajv' &&
            // Only where the validator's code is written ahead (validator-source.ts, run by a test).
            m !== 'ajv/dist/standalone' &&
            m !== 'vitest' &&
            m !== 'fast-check' &&
            m !== 'xmlbuilder2' &&
            !m.startsWith('@noble/hashes/'),
        )
        .map((m) => `${f} → ${m}`),
    );
    expect(offenders).toEqual([]);
    const climbing = sources('shared').flatMap((f) =>
      runtimeImports(f)
        .filter((m) => /(^|\/)(electron|renderer|tests)\//.test(m))
        .map((m) => `${f} → ${m}`),
    );
    expect(climbing.filter((c) => !c.includes('.test.ts'))).toEqual([]);
  });

  it('the renderer never imports Node or the main process', () => {
    const offenders = sources('renderer/src').flatMap((f) =>
      runtimeImports(f)
        .filter(
          (m) => m.startsWith('node:') || m === 'better-sqlite3' || /(^|\/)electron\//.test(m),
        )
        .map((m) => `${f} → ${m}`),
    );
    expect(offenders).toEqual([]);
  });
});
