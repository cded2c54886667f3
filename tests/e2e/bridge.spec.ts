import { CHANNELS } from '../../shared/ipc/channels';
import { expect, test } from './harness';

test.describe('the window.api bridge', () => {
  test('exposes exactly the contract channels, frozen, like the preload', async ({ app }) => {
    await app.open();
    const shape = await app.page.evaluate(() => ({
      channels: [...(window.api?.channels ?? [])],
      keys: Object.keys(window.api ?? {}).sort(),
      frozen: Object.isFrozen(window.api),
    }));
    expect(shape).toEqual({ channels: [...CHANNELS], keys: ['channels', 'invoke'], frozen: true });
  });

  test('refuses a channel outside the contract and answers bad payloads with an envelope', async ({
    app,
  }) => {
    await app.open();
    const results = await app.page.evaluate(async () => [
      await window.api!.invoke('fs:readFile', { path: '/etc/passwd' }),
      await window.api!.invoke('journeys:create', { alias: '' }),
      await window.api!.invoke('journeys:create', { alias: 'Anna', realName: 'Anna Jensen' }),
    ]);
    expect(results).toMatchObject([
      { ok: false, error: { code: 'unknown_channel' } },
      { ok: false, error: { code: 'validation' } },
      { ok: false, error: { code: 'validation' } },
    ]);
    expect(app.db.prepare('SELECT count(*) AS n FROM journeys').get()).toEqual({ n: 0 });
  });

  test('serves the page under the strict CSP without violations', async ({ app }) => {
    const response = await app.page.goto(`${app.baseUrl}index.html`);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await expect(app.page.getByTestId('home-screen')).toBeVisible();
    // An inline script is refused by the policy.
    const ran = await app.page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__inlineRan = true';
      document.body.appendChild(s);
      return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
    });
    expect(ran).toBe(false);
    // The harness fails the test on any other console error (the refusal above logs one).
    app.pageErrors.splice(0);
  });
});
