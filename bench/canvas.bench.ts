/**
 * Canvas: open a 500-touchpoint journey and drag a node, against bare React Flow with 500 default
 * nodes and 499 edges, in the same browser in the same run.
 * Budget (ENGINEERING.md): p95 frame ≤ 33 ms, and within 1.25× of bare React Flow.
 *
 * Both pages are production builds served from 127.0.0.1 with the app's CSP: the app's renderer
 * (dist/renderer) with `window.api` bridged to the real handlers on a temporary SQLite file, and
 * the bare page (dist/bench-canvas). `scripts/bench.mjs` builds both before this runs.
 */
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { openDatabase } from '../electron/db/open';
import { testKey } from '../tests/support/test-key';
import { createHandlers } from '../electron/handlers';
import { CONTENT_SECURITY_POLICY, mimeTypeOf } from '../electron/main/security';
import type { Handlers } from '../shared/ipc/dispatch';
import { SECTORS } from '../shared/vocabulary';
import { summarize, type Row } from './stats';
import { installApiBridge } from '../tests/support/api-bridge';

const TOUCHPOINTS = 500;
const RUNS = 5;
const DRAG_MOVES = 60;
const FRAME_BUDGET_MS = 33;
const GOAL_RATIO = 1.25;
// The viewport and locale of the browser tests (playwright.config.ts).
const VIEWPORT = { width: 1280, height: 860 };
const LOCALE = 'da-DK';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// The bench bundle runs from dist/bench/, so paths are taken from the working directory
// (`npm run bench` runs in the project root), not from import.meta.url.
const RENDERER_DIR = resolve('dist/renderer');
const BARE_DIR = resolve('dist/bench-canvas');
const BARE_PREFIX = '/bench-canvas/';

interface CanvasPage {
  name: string;
  url: string;
  /** CSS selector of the nodes that are counted and dragged. */
  nodeSelector: string;
  /** Prepares a fresh context before the page opens (the app needs its `window.api`). */
  setUp?: (context: BrowserContext) => Promise<void>;
}

interface RunResult {
  loadMs: number;
  frames: number[];
}

function chromiumPath(): string | undefined {
  const fromEnv = process.env.PATHWAY_CHROMIUM;
  if (fromEnv) {
    if (!existsSync(fromEnv)) {
      throw new Error(`Canvas benchmark: PATHWAY_CHROMIUM=${fromEnv} does not exist`);
    }
    return fromEnv;
  }
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath();
  try {
    return await chromium.launch({ executablePath, args: CHROMIUM_ARGS, timeout: 30_000 });
  } catch (error) {
    const why = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new Error(
      `Canvas benchmark: could not start Chromium (${executablePath ?? "Playwright's bundled browser"}): ${why}. ` +
        'Install chromium at /usr/bin/chromium or set PATHWAY_CHROMIUM to a Chromium binary.',
    );
  }
}

/** Serves dist/renderer at / and dist/bench-canvas at /bench-canvas/, both under the app's CSP. */
function startStaticServer(): Promise<Server> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    const [dir, rel] = path.startsWith(BARE_PREFIX)
      ? [BARE_DIR, path.slice(BARE_PREFIX.length)]
      : [RENDERER_DIR, path.replace(/^\/+/, '') || 'index.html'];
    const file = resolve(dir, rel);
    try {
      if (!file.startsWith(dir + sep) || !statSync(file).isFile()) throw new Error('not served');
      res.writeHead(200, {
        'content-type': mimeTypeOf(file),
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'cache-control': 'no-store',
      });
      res.end(readFileSync(file));
    } catch {
      res.writeHead(404).end('Not found');
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok(server));
  });
}

/** A journey of 500 touchpoints spread over every lane and along time, chained by transitions. */
async function seedJourney(handlers: Handlers): Promise<string> {
  const journey = await handlers['journeys:create']({ alias: 'Benchmark 500' });
  let previous: string | undefined;
  for (let i = 0; i < TOUCHPOINTS; i++) {
    const tp = await handlers['touchpoints:create']({
      journeyId: journey.id,
      map: 'as_is',
      x: i * 60,
      y: 0,
      label: `Kontaktpunkt ${i}`,
      sector: SECTORS[i % SECTORS.length]!,
    });
    if (previous) {
      await handlers['transitions:create']({
        journeyId: journey.id,
        sourceId: previous,
        targetId: tp.id,
      });
    }
    previous = tp.id;
  }
  return journey.id;
}

/** Waits until the page has had a frame and an idle moment, so load work does not leak in. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((done) =>
        requestAnimationFrame(() =>
          requestAnimationFrame(() => requestIdleCallback(() => done(), { timeout: 2000 })),
        ),
      ),
  );
}

async function nextFrame(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => done())));
}

/** Opens a page, times its load, drags one node and returns the frame durations of the drag. */
async function measureOnce(browser: Browser, target: CanvasPage): Promise<RunResult> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: LOCALE });
  try {
    await target.setUp?.(context);
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    const pageErrors: string[] = [];
    page.on('pageerror', (err) => pageErrors.push(err.message));
    page.on('console', (msg) => {
      if (msg.type() === 'error') pageErrors.push(msg.text());
    });

    // Load: from the navigation's time origin until all 500 nodes are in the DOM and measured
    // (React Flow keeps a node hidden until it knows its size), read in the page's own clock.
    await page.goto(target.url, { waitUntil: 'commit', timeout: 30_000 });
    const loaded = await page.waitForFunction(
      ({ selector, count }) => {
        const nodes = document.querySelectorAll<HTMLElement>(selector);
        if (nodes.length < count) return false;
        const shown = (el: HTMLElement | undefined) => !!el && el.style.visibility !== 'hidden';
        return shown(nodes[0]) && shown(nodes[nodes.length - 1]) ? performance.now() : false;
      },
      { selector: target.nodeSelector, count: TOUCHPOINTS },
      { polling: 'raf', timeout: 60_000 },
    );
    const loadMs = (await loaded.jsonValue()) as number;
    await settle(page);

    // A node near the middle of the canvas that the pointer really reaches (not under the
    // minimap, the controls or a panel).
    const start = await page.evaluate((selector) => {
      const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
      const cx = pane.left + pane.width / 2;
      const cy = pane.top + pane.height / 2;
      let best: { id: string; x: number; y: number; d: number } | undefined;
      for (const el of document.querySelectorAll<HTMLElement>(selector)) {
        const r = el.getBoundingClientRect();
        const x = r.left + r.width / 2;
        const y = r.top + r.height / 2;
        if (x < pane.left + 40 || x > pane.right - 360 || y < pane.top + 40) continue;
        if (y > pane.bottom - 180) continue; // leaves room to drag down without leaving the pane
        if (!el.contains(document.elementFromPoint(x, y))) continue;
        const d = Math.hypot(x - cx, y - cy);
        if (!best || d < best.d) best = { id: el.dataset.id ?? '', x, y, d };
      }
      return best ?? null;
    }, target.nodeSelector);
    if (!start) throw new Error(`${target.name}: no node on screen to drag`);

    await page.mouse.move(start.x, start.y);
    await page.evaluate(() => {
      const w = window as unknown as { __frames: number[]; __recording: boolean };
      w.__frames = [];
      w.__recording = true;
      let last = 0;
      const tick = (t: number) => {
        w.__frames.push(t - last);
        last = t;
        if (w.__recording) requestAnimationFrame(tick);
      };
      requestAnimationFrame((t) => {
        last = t;
        requestAnimationFrame(tick);
      });
    });
    await page.mouse.down();
    // Small steps, right along time and a little down so the drag also crosses into the next
    // lane. Each move is awaited until Chromium has taken it, and Chromium hands moves to the page
    // at most once per frame, so the steps spread over frames as a real mouse's do.
    for (let i = 1; i <= DRAG_MOVES; i++) {
      await page.mouse.move(start.x + i * 4, start.y + i * 1.5);
    }
    // Guards against timing a drag that never happened (e.g. the pointer missed the node): the
    // node must be under the pointer at the end of the drag. (After the drop the app puts the
    // card at its place in time and lane, so the drop itself is not compared.)
    await nextFrame(page);
    const moved = await page.evaluate(
      ({ id, x }) => {
        const el = document.querySelector(`.react-flow__node[data-id="${CSS.escape(id)}"]`);
        if (!el) return false;
        const r = el.getBoundingClientRect();
        return r.left + r.width / 2 - x > 100;
      },
      { id: start.id, x: start.x },
    );
    await page.mouse.up();
    await nextFrame(page);
    await nextFrame(page);
    const frames = await page.evaluate(() => {
      const w = window as unknown as { __frames: number[]; __recording: boolean };
      w.__recording = false;
      return w.__frames;
    });

    if (!moved) throw new Error(`${target.name}: the dragged node did not follow the pointer`);
    if (pageErrors.length) {
      throw new Error(`${target.name}: the page logged errors: ${pageErrors.join(' | ')}`);
    }
    await page.close();
    return { loadMs, frames };
  } finally {
    await context.close();
  }
}

function compared(ratio: number): string {
  const verdict = ratio <= GOAL_RATIO ? 'within' : 'NOT within';
  return `${ratio.toFixed(2)}× bare React Flow, ${verdict} the ${GOAL_RATIO}× goal`;
}

export async function benchCanvas(): Promise<Row[]> {
  for (const [dir, entry] of [
    [RENDERER_DIR, 'index.html'],
    [BARE_DIR, 'bare.html'],
  ] as const) {
    if (!existsSync(join(dir, entry))) {
      throw new Error(`Canvas benchmark: ${join(dir, entry)} is missing; run npm run bench`);
    }
  }

  const dir = mkdtempSync(join(tmpdir(), 'pathway-bench-canvas-'));
  const db = openDatabase(join(dir, 'canvas.sqlite'), testKey());
  let server: Server | undefined;
  let browser: Browser | undefined;
  try {
    const handlers = createHandlers({
      db,
      clock: () => new Date(),
      newId: () => crypto.randomUUID(),
    });
    const journeyId = await seedJourney(handlers);

    server = await startStaticServer();
    const { port } = server.address() as AddressInfo;
    const base = `http://127.0.0.1:${port}`;
    browser = await launchChromium();

    const bare: CanvasPage = {
      name: 'bare React Flow',
      url: `${base}${BARE_PREFIX}bare.html`,
      nodeSelector: '.react-flow__node-default',
    };
    const app: CanvasPage = {
      name: 'app journey',
      url: `${base}/index.html#/journey/${journeyId}`,
      nodeSelector: '.react-flow__node-touchpoint',
      setUp: (context) => installApiBridge(context, handlers),
    };

    // The first page in a new browser also pays for starting its processes; one unrecorded
    // run of each keeps that out of both sides.
    await measureOnce(browser, bare);
    await measureOnce(browser, app);

    const results = { bare: [] as RunResult[], app: [] as RunResult[] };
    // Alternating the pages spreads the machine's background noise over both.
    for (let run = 0; run < RUNS; run++) {
      results.bare.push(await measureOnce(browser, bare));
      results.app.push(await measureOnce(browser, app));
      console.error(`canvas benchmark: run ${run + 1} of ${RUNS} done`);
    }

    const n = TOUCHPOINTS;
    const loadApp = summarize(
      `Canvas load, app journey with ${n} touchpoints`,
      results.app.map((r) => r.loadMs),
    );
    const loadBare = summarize(
      `Baseline: canvas load, bare React Flow with ${n} default nodes`,
      results.bare.map((r) => r.loadMs),
    );
    const frameApp = summarize(
      `Canvas drag frame, app journey with ${n} touchpoints`,
      results.app.flatMap((r) => r.frames),
      FRAME_BUDGET_MS,
    );
    const frameBare = summarize(
      `Baseline: canvas drag frame, bare React Flow with ${n} default nodes`,
      results.bare.flatMap((r) => r.frames),
    );
    // The relative goal travels in the row's name, so it is read beside the numbers it is about.
    const loadRatio = loadApp.median / loadBare.median;
    const frameRatio = frameApp.p95 / frameBare.p95;
    loadApp.name += ` (median ${compared(loadRatio)})`;
    frameApp.name += ` (p95 ${compared(frameRatio)})`;
    return [loadApp, loadBare, frameApp, frameBare];
  } finally {
    await browser?.close();
    if (server) await new Promise((ok) => server!.close(ok));
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
