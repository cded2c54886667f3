import { seedKaren } from '../support/karen-journey';
import { test } from './harness';
import { JourneyPage } from './pages';

for (const [name, vp] of [['lap', { viewport: { width: 1366, height: 768 } }], ['tab', { viewport: { width: 1024, height: 768 }, hasTouch: true }]] as const) {
  test.describe(name, () => {
    test.use(vp as any);
    test('open ' + name, async ({ app }) => {
      const id = await seedKaren(app.handlers);
      await app.open('#/journey/' + id);
      const j = new JourneyPage(app.page);
      await j.waitLoaded();
      await app.page.waitForTimeout(500);
      await app.page.screenshot({ path: `/tmp/trial/${name}-1-open.png` });
      const info = await app.page.evaluate(() => {
        const out: string[] = [];
        const vw = innerWidth, vh = innerHeight;
        // tiny text
        const small: string[] = [];
        document.querySelectorAll('body *').forEach((el) => {
          const e = el as HTMLElement;
          if (!e.childNodes.length) return;
          const hasText = [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim());
          if (!hasText) return;
          const r = e.getBoundingClientRect();
          if (r.width < 2 || r.bottom < 0 || r.top > vh || r.right < 0 || r.left > vw) return;
          const fs = parseFloat(getComputedStyle(e).fontSize);
          // account for transform scale
          let scale = 1;
          const vpEl = e.closest('.react-flow__viewport') as HTMLElement | null;
          if (vpEl) { const m = new DOMMatrix(getComputedStyle(vpEl).transform); scale = m.a; }
          const eff = fs * scale;
          if (eff < 12.5) small.push(`${eff.toFixed(1)}px "${e.textContent!.trim().slice(0, 40)}" ${e.getAttribute('data-testid') ?? e.className}`);
        });
        out.push('SMALL: ' + small.slice(0, 40).join('\n  '));
        const rf = document.querySelector('.react-flow')!.getBoundingClientRect();
        out.push(`map ${rf.width}x${rf.height} share ${(rf.width * rf.height / vw / vh).toFixed(2)}`);
        out.push('viewport ' + (document.querySelector('.react-flow__viewport') as HTMLElement).style.transform);
        out.push('zoom ' + document.querySelector('[data-testid=zoom-level]')?.textContent);
        const nodes = [...document.querySelectorAll('[data-testid=touchpoint-node]')].map((n) => n.getBoundingClientRect());
        out.push('nodes visible ' + nodes.filter((r) => r.left >= rf.left && r.right <= rf.right && r.top >= rf.top && r.bottom <= rf.bottom).length + '/' + nodes.length + ' h=' + nodes.map((r) => r.height.toFixed(0)).join(','));
        // horizontal scroll
        out.push('doc scroll ' + document.documentElement.scrollWidth + 'x' + document.documentElement.scrollHeight);
        return out.join('\n');
      });
      console.log(name, info);
      // buttons text list
      console.log(await app.page.locator('button:visible, summary:visible, label:visible').evaluateAll((els) => els.map((e) => `${(e.textContent || e.getAttribute('aria-label') || '').trim().slice(0, 30)}[${e.getAttribute('data-testid')}] ${Math.round(e.getBoundingClientRect().width)}x${Math.round(e.getBoundingClientRect().height)}`).join(' | ')));
    });
  });
}
