import type { Locator } from '@playwright/test';
import { seedKaren } from '../support/karen-journey';
import { test } from './harness';
import { JourneyPage, TouchpointPanelPage } from './pages';

for (const [name, vp] of [['lap', { viewport: { width: 1366, height: 768 } }], ['tab', { viewport: { width: 1024, height: 768 }, hasTouch: true }]] as const) {
  test.describe(name, () => {
    test.use(vp as any);
    test('flows ' + name, async ({ app }) => {
      const touch = name === 'tab';
      const p = app.page;
      const press = (l: Locator) => (touch ? l.tap() : l.click());
      const shot = async (n: string) => { await p.waitForTimeout(400); await p.screenshot({ path: `/tmp/trial/${name}-${n}.png` }); };
      const zoom = async () => console.log(name, 'zoom', await p.getByTestId('zoom-level').textContent());
      const id = await seedKaren(app.handlers);
      await app.open('#/journey/' + id);
      const j = new JourneyPage(p);
      await j.waitLoaded();
      await press(p.getByTestId('zoom-out')); await zoom(); await shot('2-zoomout1');
      await press(p.getByTestId('zoom-out')); await zoom(); await shot('2-zoomout2');
      await press(p.getByTestId('zoom-out')); await zoom(); await shot('2-zoomout3');
      await press(p.getByTestId('zoom-in')); await zoom();
      await press(p.getByTestId('zoom-in')); await zoom(); await shot('2-zoomin');
      await press(p.getByTestId('fit-all')); await zoom(); await shot('3-fitall');
      await press(p.getByTestId('zoom-level')); await zoom(); await shot('3b-100');
      // open card
      await press(j.node('Hjemmeplejen'));
      await shot('4-panel');
      const panel = new TouchpointPanelPage(p);
      await press(panel.date);
      await p.keyboard.press('Control+A');
      await p.keyboard.type('3-2-2026');
      await shot('4b-date-typed');
      await p.keyboard.press('Tab');
      await shot('4c-date-blur');
      console.log(name, 'date value', await panel.date.inputValue(), await p.getByTestId('date-understood').textContent().catch(() => 'none'));
      await press(panel.face(2));
      await press(panel.addPain('waiting'));
      await p.keyboard.type('Ventede tre uger på hjælp til bad.');
      await shot('4d-face-pain');
      await panel.root.evaluate((e) => { const s = (e.closest('[class*=panel]') ?? e) as HTMLElement; s.scrollTop = 9999; });
      await shot('4e-panel-scrolled');
      console.log(name, 'panel', JSON.stringify(await panel.root.boundingBox()), await panel.root.evaluate((e) => `${e.scrollWidth}/${e.clientWidth} ${e.scrollHeight}/${e.clientHeight}`));
      // close panel
      await p.keyboard.press('Escape');
      await shot('4f-after-escape');
      // palette
      await press(p.getByTestId('palette-toggle'));
      await shot('5-palette');
      await press(p.getByTestId('palette-psychiatry').locator('summary'));
      await shot('5b-psych');
      await press(p.getByTestId('palette-psychiatry').getByTestId('palette-other'));
      await p.keyboard.type('Distriktspsykiatrien');
      await shot('5c-added');
      await p.keyboard.press('Escape');
      await shot('5d-added-closed');
    });
  });
}
