/**
 * Launches the real Electron app where an Electron binary exists (a developer's machine with
 * internet, or CI elsewhere). Where it cannot exist, the test is reported as skipped with a
 * clear reason, never as passed.
 */
import { _electron as electron, expect, test } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SKIP_REASON = 'skipped: no Electron binary on this machine';

function electronBinary(): string | undefined {
  const pkg = join(process.cwd(), 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined;
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(pkg, 'dist');
  const candidate = join(
    distDir,
    relative ?? (process.platform === 'win32' ? 'electron.exe' : 'electron'),
  );
  return existsSync(candidate) ? candidate : undefined;
}

test('the real app opens on the home screen, sandboxed, and stores a journey', async () => {
  const binary = electronBinary();
  // Electron's runtime is fetched on first run and cannot be downloaded on machines without
  // internet (such as this project's build machines). There the real window cannot exist, so
  // the test is reported as skipped, with this reason printed, and never counted as passed.
  // Everything below the shell is covered by the browser tests against the same handlers.
  if (!binary) console.log(SKIP_REASON);
  test.skip(!binary, SKIP_REASON);
  expect(existsSync('dist/electron/main.cjs'), 'run `npm run build` first').toBe(true);

  const dir = mkdtempSync(join(tmpdir(), 'pathway-electron-'));
  const app = await electron.launch({
    executablePath: binary,
    args: ['.', ...(process.platform === 'linux' ? ['--no-sandbox'] : [])],
    env: { ...process.env, PATHWAY_DB_PATH: join(dir, 'smoke.sqlite') },
  });
  try {
    const page = await app.firstWindow();
    await expect(page.getByTestId('home-screen')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Forløb');
    // The page has no Node: no require, no process; only the contract's channels.
    const surface = await page.evaluate(() => ({
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
      channels: window.api?.channels.length ?? 0,
    }));
    expect(surface).toMatchObject({ require: 'undefined', process: 'undefined' });
    expect(surface.channels).toBeGreaterThan(0);

    await page.getByTestId('create-alias').fill('Røgtest');
    await page.getByTestId('create-journey').click();
    await expect(page.getByTestId('journey-title')).toHaveText('Røgtest');
    const menu = await app.evaluate(({ Menu }) =>
      Menu.getApplicationMenu()?.items.map((i) => i.label),
    );
    expect(menu).toContain('Rediger');
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
