import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { mkdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { IMPORT_BATCH_FILES as BATCH } from '../../shared/ipc/contract';
import type { PathwayModel } from '../../shared/model/pathway-model';
import { modelOf, randomModels } from '../support/generate-models';
import { expect, test } from './harness';

const repeat = <T>(n: number, f: (i: number) => T) => Array.from({ length: n }, (_, i) => f(i));

/**
 * 27 journeys: 20 GP → hospital → home care (12 in Lolland, 8 in Guldborgsund) and 7 emergency →
 * hospital (3 in Lolland, 4 in Guldborgsund). Whole: emergency → hospital rests on 7 journeys;
 * in Lolland on 3, so it must be hidden there.
 */
function cohortModels(): PathwayModel[] {
  const common = (municipality: 'lolland' | 'guldborgsund') =>
    modelOf({
      sectors: ['general_practice', 'hospital', 'municipal_care'],
      days: [0, 14, 20],
      emotions: [0, -1, 1],
      municipality,
      toBe: ['general_practice', 'municipal_care'],
    });
  const acute = (municipality: 'lolland' | 'guldborgsund') =>
    modelOf({
      sectors: ['emergency', 'hospital'],
      municipality,
      toBe: ['general_practice'],
      services: ['emergency-112-ambulance', 'nyk-hospital-emergency'],
    });
  return [
    ...repeat(12, () => common('lolland')),
    ...repeat(8, () => common('guldborgsund')),
    ...repeat(3, () => acute('lolland')),
    ...repeat(4, () => acute('guldborgsund')),
  ];
}

function writeFolder(dir: string, models: PathwayModel[]): void {
  mkdirSync(dir, { recursive: true });
  models.forEach((m, i) =>
    writeFileSync(join(dir, `model-${String(i).padStart(2, '0')}.json`), JSON.stringify(m)),
  );
  const [a, b, c, d] = randomModels(4, 99, 5).map((m) => JSON.stringify(m));
  writeFileSync(join(dir, 'broken-truncated.json'), a!.slice(0, 200));
  writeFileSync(
    join(dir, 'broken-tampered.json'),
    b!.replace('"exportMonth":"2026-11"', '"exportMonth":"2019-01"'),
  );
  writeFileSync(join(dir, 'broken-proto.json'), c!.replace('{', '{"__proto__":{"x":1},'));
  // Its checksum still matches (the parser keeps the last month), but another reader could keep
  // the first.
  writeFileSync(
    join(dir, 'broken-twice.json'),
    d!.replace('"exportMonth":', '"exportMonth":"2019-01","exportMonth":'),
  );
}

/** The journeys shown for a row of a table, found by its first cells' words. */
function row(page: Page, table: string, ...words: string[]) {
  let rows = page.getByTestId(`table-${table}`).locator('tbody tr');
  for (const w of words) rows = rows.filter({ hasText: w });
  return rows;
}

test('imports a folder of 31 models (4 broken), filters, hides a small cell, exports a CSV and the map', async ({
  app,
}) => {
  const folder = join(app.exportDir, 'models');
  writeFolder(folder, cohortModels());
  await app.open('#/program');
  const page = app.page;
  await expect(page.getByTestId('model-count')).toHaveText('(0 modeller)');

  await page.getByTestId('import-folder').setInputFiles(folder);
  await expect(page.getByTestId('import-summary')).toHaveText(
    '27 hentet ind · 0 fandtes allerede · 4 afvist',
  );
  const rejected = page.locator('[data-testid="import-result"][data-status="rejected"]');
  await expect(rejected).toHaveCount(4);
  await expect(rejected.filter({ hasText: 'broken-truncated.json' })).toContainText(
    'filen er ikke gyldig JSON',
  );
  await expect(rejected.filter({ hasText: 'broken-tampered.json' })).toContainText(
    'kontrolsummen passer ikke',
  );
  await expect(rejected.filter({ hasText: 'broken-proto.json' })).toContainText('forbudt nøgle');
  await expect(rejected.filter({ hasText: 'broken-twice.json' })).toContainText(
    'en nøgle står to gange i samme objekt',
  );
  await expect(page.getByTestId('model-count')).toHaveText('(27 modeller)');
  expect(
    (app.db.prepare('SELECT count(*) AS n FROM program_models').get() as { n: number }).n,
  ).toBe(27);

  // The same folder again: every model is already there, none is stored twice.
  await page.getByTestId('import-folder').setInputFiles(folder);
  await expect(page.getByTestId('import-summary')).toHaveText(
    '0 hentet ind · 27 fandtes allerede · 4 afvist',
  );

  // The whole cohort: emergency → hospital rests on 7 journeys and is shown.
  await page.getByTestId('program-tab-processMap').click();
  await expect(page.getByTestId('cohort')).toHaveText('27 forløb i udvalget');
  await expect(row(page, 'process-map-edges', 'Akut', 'Sygehus')).toContainText('7');
  await expect(page.locator('.react-flow__edge')).toHaveCount(3);

  // Only Lolland: 3 journeys there, so the cell is hidden — and says so. The filters fold away
  // above the views; they open with their button.
  await page.getByTestId('filters-toggle').click();
  await page.getByTestId('filter-municipality').selectOption('lolland');
  await expect(page.getByTestId('cohort')).toHaveText('15 forløb i udvalget');
  const acute = row(page, 'process-map-edges', 'Akut', 'Sygehus');
  // Its count and its median both say «skjult» (a dash would read as a minus or a nought).
  await expect(acute.getByTestId('hidden-cell')).toHaveText(['skjult', 'skjult']);
  await expect(row(page, 'process-map-edges', 'Egen læge', 'Sygehus')).toContainText('12');
  await expect(page.locator('.react-flow__edge')).toHaveCount(2);

  // The CSV is what Danish Excel opens: BOM, semicolons, the hidden cell without its number.
  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('csv-process-map-edges').click(),
  ]);
  expect(csv.suggestedFilename()).toBe('process-map-edges.csv');
  const text = readFileSync(await csv.path(), 'utf8');
  expect(text.startsWith('\uFEFFfrom;to;journeys;median_days\r\n')).toBe(true);
  expect(text).toContain('emergency;hospital;hidden;\r\n');
  expect(text).toContain('general_practice;hospital;12;14\r\n');
  for (const line of text.trim().split('\r\n').slice(1)) {
    const journeys = line.split(';')[2]!;
    expect(journeys === 'hidden' || Number(journeys) >= 5).toBe(true);
  }

  // The process map as an image.
  const [png] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('map-png').click(),
  ]);
  expect(png.suggestedFilename()).toBe('process-map.png');
  expect(
    readFileSync(await png.path())
      .subarray(1, 4)
      .toString(),
  ).toBe('PNG');

  // The to-be map of the same cohort.
  await page.getByTestId('filter-map').selectOption('toBe');
  await expect(row(page, 'process-map-edges', 'Egen læge', 'Kommunal sundhed')).toContainText('12');

  // Services by their catalogue names; in Lolland the 3 acute journeys are hidden there too.
  await page.getByTestId('filter-map').selectOption('asIs');
  // What was said on one tab is not left standing on the next.
  await expect(page.getByTestId('status')).toContainText('process-map.png er gemt.');
  await page.getByTestId('program-tab-counts').click();
  await expect(page.getByTestId('status')).toHaveText('');
  await expect(row(page, 'services', 'Nykøbing F. Sygehus, akutmodtagelse')).toContainText(
    'skjult',
  );
  await page.getByTestId('filter-municipality').selectOption('');
  await expect(row(page, 'services', 'Nykøbing F. Sygehus, akutmodtagelse')).toContainText('7');

  // A filter whose cohort is too small hides the whole view.
  await page.getByTestId('filter-map').selectOption('asIs');
  await page.getByTestId('filter-ageBand').selectOption('20-29');
  await expect(page.getByTestId('suppressed')).toContainText('færre end 5 forløb');
  await expect(page.getByTestId('cohort')).toHaveText('Udvalget vises ikke');
});

test('imports files dropped onto the window, and deletes one model or all', async ({ app }) => {
  const models = randomModels(6, 5, 6);
  await app.open('#/program');
  const page = app.page;
  await expect(page.getByTestId('model-count')).toHaveText('(0 modeller)');
  await page.evaluate(
    (files) => {
      const dt = new DataTransfer();
      for (const [name, text] of files) dt.items.add(new File([text], name));
      window.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, cancelable: true }));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, cancelable: true }));
    },
    [
      ...models.map((m, i) => [`m${i}.json`, JSON.stringify(m)] as [string, string]),
      ['notes.txt', 'not a model'] as [string, string],
    ],
  );
  await expect(page.getByTestId('import-summary')).toHaveText(
    '6 hentet ind · 0 fandtes allerede · 1 afvist',
  );
  await expect(page.locator('[data-testid="import-result"][data-status="rejected"]')).toContainText(
    'navnet skal ende på .json',
  );
  await expect(page.getByTestId('model-row')).toHaveCount(6);

  await page.getByTestId('delete-model').first().click();
  await expect(page.getByTestId('model-row')).toHaveCount(5);
  await page.getByTestId('delete-all-models').click();
  await page.getByTestId('delete-all-dialog').getByTestId('confirm-ok').click();
  await expect(page.getByTestId('model-row')).toHaveCount(0);
  await expect(page.getByTestId('model-count')).toHaveText('(0 modeller)');
  expect(
    (app.db.prepare('SELECT count(*) AS n FROM program_models').get() as { n: number }).n,
  ).toBe(0);
  // And in English: the language is chosen on the home screen (the program screen gives the
  // app's header to its views).
  await expect(page.getByTestId('language')).toBeHidden();
  await page.getByTestId('back-home').click();
  await page.getByTestId('language').selectOption('en');
  await page.getByTestId('open-program').click();
  await expect(page.getByTestId('model-count')).toHaveText('(0 models)');
  await expect(page.getByTestId('program-tab-processMap')).toHaveText('Process map');
});

test("a folder sent in several batches is listed as one import, by its exports' names", async ({
  app,
}) => {
  const folder = join(app.exportDir, 'many');
  mkdirSync(folder, { recursive: true });
  const models = randomModels(BATCH + 5, 41, 3);
  models.forEach((m, i) => writeFileSync(join(folder, `m-${i + 1}.json`), JSON.stringify(m)));
  await app.open('#/program');
  const page = app.page;
  await page.getByTestId('import-folder').setInputFiles(folder);
  await expect(page.getByTestId('import-summary')).toHaveText(
    `${BATCH + 5} hentet ind · 0 fandtes allerede · 0 afvist`,
  );
  // Stored in two batches, moments apart: one import, one time, its files by number.
  const times = app.db.prepare('SELECT DISTINCT imported_at FROM program_models').pluck().all();
  expect(times).toHaveLength(1);
  // Each by the name its export was given, not the file's (m-1.json …), in the order people
  // read numbers.
  const byName = new Intl.Collator('da', { numeric: true });
  const names = models
    .map((m) => `forloeb-${m.exportMonth}-${m.exportId.slice(0, 8)}`)
    .sort(byName.compare);
  const listed = page.getByTestId('model-row').locator('.model-file');
  await expect(listed).toHaveCount(50);
  await expect(listed).toHaveText(names.slice(0, 50));
  expect(
    app.db.prepare("SELECT count(*) FROM program_models WHERE file_name LIKE 'm-%'").pluck().get(),
  ).toBe(0);
});

test('refuses hostile files one by one with a reason, stays up, and stores nothing', async ({
  app,
}) => {
  const folder = join(app.exportDir, 'hostile');
  mkdirSync(folder);
  const [good] = randomModels(1, 8, 5);
  const text = JSON.stringify(good);
  const wrongTypes = JSON.parse(text) as { asIs: { touchpoints: { emotion: unknown }[] } };
  wrongTypes.asIs.touchpoints[0]!.emotion = 'very bad';
  const files: Record<string, string> = {
    'empty.json': '   \n',
    'zero.json': '',
    'truncated.json': text.slice(0, text.length - 20),
    'deep.json': '['.repeat(100_000) + ']'.repeat(100_000),
    'proto.json': text.replace('{', '{"__proto__":{"polluted":true},'),
    'version.json': text.replace('"schemaVersion":"1.0.0"', '"schemaVersion":"9.0.0"'),
    'types.json': JSON.stringify(wrongTypes),
    'renamed.txt': text,
  };
  for (const [name, content] of Object.entries(files)) writeFileSync(join(folder, name), content);
  // 200 MB on disk (sparse): the window must not read it, only say it is too large.
  writeFileSync(join(folder, 'huge.json'), '');
  truncateSync(join(folder, 'huge.json'), 200 * 1024 * 1024);

  await app.open('#/program');
  const page = app.page;
  await page.getByTestId('import-folder').setInputFiles(folder);
  await expect(page.getByTestId('import-summary')).toHaveText(
    '0 hentet ind · 0 fandtes allerede · 9 afvist',
  );
  const reason = (file: string) =>
    page.locator('[data-testid="import-result"]').filter({ hasText: file });
  await expect(reason('empty.json')).toContainText('filen er tom');
  await expect(reason('zero.json')).toContainText('filen er tom');
  await expect(reason('truncated.json')).toContainText('ikke gyldig JSON');
  await expect(reason('huge.json')).toContainText('for stor (over 20 MB)');
  await expect(reason('deep.json')).toContainText('indlejret for dybt');
  await expect(reason('proto.json')).toContainText('forbudt nøgle');
  await expect(reason('version.json')).toContainText('version understøttes ikke');
  await expect(reason('types.json')).toContainText('følger ikke skemaet');
  await expect(reason('renamed.txt')).toContainText('navnet skal ende på .json');
  // The files were parsed in this process (the harness's main process): nothing polluted.
  expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  await expect(page.getByTestId('model-count')).toHaveText('(0 modeller)');
  expect(
    (app.db.prepare('SELECT count(*) AS n FROM program_models').get() as { n: number }).n,
  ).toBe(0);
  // Still working: the good file goes in afterwards.
  writeFileSync(join(app.exportDir, 'good.json'), text);
  await page.getByTestId('import-files').setInputFiles(join(app.exportDir, 'good.json'));
  await expect(page.getByTestId('import-summary')).toHaveText(
    '1 hentet ind · 0 fandtes allerede · 0 afvist',
  );
});

test('a file name that turns its text around or holds control characters is shown as it is, and not kept', async ({
  app,
}) => {
  await app.open('#/program');
  const page = app.page;
  // A right-to-left override shows «lolland-model-03.json» written backwards as another name.
  const turned = 'lolland-\u202enosj.30-ledom.json';
  const model = randomModels(1, 7, 4)[0]!;
  await page.getByTestId('import-files').setInputFiles([
    { name: turned, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(model)) },
    { name: 'x\u001b[31m.json', mimeType: 'application/json', buffer: Buffer.from('{') },
  ]);
  await expect(page.getByTestId('import-summary')).toHaveText(
    '1 hentet ind · 0 fandtes allerede · 1 afvist',
  );
  const names = page.getByTestId('import-result').locator('.file-name');
  // (Refused files are listed first.)
  await expect(names).toHaveText(['x\\x1b[31m.json', 'lolland-\\u202enosj.30-ledom.json']);
  // The list of models and its delete button name the model as its export was named: a file's
  // own name is checked by nothing, so it is not kept.
  const listed = page.getByTestId('model-row').locator('.model-file');
  const exported = `forloeb-${model.exportMonth}-${model.exportId.slice(0, 8)}`;
  await expect(listed).toHaveText(exported);
  await expect(page.getByTestId('delete-model')).toHaveAccessibleName(new RegExp(exported));
  expect(app.db.prepare('SELECT file_name FROM program_models').pluck().all()).toEqual([exported]);
});

test('a stopped import keeps every checked file whole and names what was not checked', async ({
  app,
}) => {
  const folder = join(app.exportDir, 'many');
  mkdirSync(folder);
  // Four batches' worth of files.
  randomModels(4 * BATCH, 21, 4).forEach((m, i) =>
    writeFileSync(join(folder, `m${String(i).padStart(3, '0')}.json`), JSON.stringify(m)),
  );
  // Two batches are on their way at once. The second waits, as on a slow disk, until stop has
  // been pressed; the third was sent when the first came back. Those two finish; the fourth is
  // never sent, whatever the machine's speed.
  const real = app.handlers['program:import']!;
  let release = () => {};
  const stopPressed = new Promise<void>((r) => (release = r));
  let calls = 0;
  app.handlers['program:import'] = async (input) => {
    if (++calls === 2) await stopPressed;
    return real(input);
  };
  await app.open('#/program');
  const page = app.page;
  await page.getByTestId('import-folder').setInputFiles(folder);
  await expect(page.getByTestId('import-progress')).toContainText(
    `${BATCH} af ${4 * BATCH} filer tjekket`,
  );
  await page.getByTestId('import-cancel').click();
  release();
  await expect(page.getByTestId('import-cancelled')).toContainText(`${BATCH} filer`);
  await expect(page.getByTestId('import-summary')).toHaveText(
    `${3 * BATCH} hentet ind · 0 fandtes allerede · 0 afvist`,
  );
  // Whole batches stored, nothing of the fourth.
  expect(
    (app.db.prepare('SELECT count(*) AS n FROM program_models').get() as { n: number }).n,
  ).toBe(3 * BATCH);
  expect(calls).toBe(3);
});

test('a batch that fails stops the import, keeps every batch that was stored, and says what happened', async ({
  app,
}) => {
  const folder = join(app.exportDir, 'fails');
  mkdirSync(folder);
  // Three batches and a part of one.
  randomModels(3 * BATCH + 20, 31, 4).forEach((m, i) =>
    writeFileSync(join(folder, `m${String(i).padStart(3, '0')}.json`), JSON.stringify(m)),
  );
  // The second batch meets a full disk. The third was already on its way and is stored; no
  // fourth is sent.
  const real = app.handlers['program:import']!;
  let calls = 0;
  app.handlers['program:import'] = (input) => {
    if (++calls === 2) throw new Error('SQLITE_FULL: database or disk is full');
    return real(input);
  };
  await app.open('#/program');
  const page = app.page;
  await page.getByTestId('import-folder').setInputFiles(folder);
  await expect(page.getByRole('alert')).toContainText('Indlæsningen stoppede');
  await expect(page.getByTestId('import-summary')).toHaveText(
    `${2 * BATCH} hentet ind · 0 fandtes allerede · 0 afvist`,
  );
  await expect(page.getByTestId('import-cancelled')).toContainText(`${BATCH + 20} filer`);
  await expect(page.getByTestId('model-count')).toHaveText(`(${2 * BATCH} modeller)`);
  expect(calls).toBe(3);
  // Another import may start: the panel is not stuck.
  app.handlers['program:import'] = real;
  await page.getByTestId('import-folder').setInputFiles(folder);
  await expect(page.getByTestId('import-summary')).toHaveText(
    `${BATCH + 20} hentet ind · ${2 * BATCH} fandtes allerede · 0 afvist`,
  );
});

test('the program screens have no serious accessibility violations', async ({ app }) => {
  // axe runs five times over screens with long tables: slow on a busy two-core machine.
  test.setTimeout(120_000);
  const folder = join(app.exportDir, 'models');
  writeFolder(folder, cohortModels());
  await app.open('#/program');
  const page = app.page;
  await page.getByTestId('import-folder').setInputFiles(folder);
  await expect(page.getByTestId('import-summary')).toBeVisible();
  const violations = async () =>
    (
      await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
        .analyze()
    ).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) =>
          `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ') + (n.failureSummary ?? '')).join(', ')})`,
      );
  expect(await violations()).toEqual([]);
  for (const tab of ['processMap', 'handovers', 'emotion', 'counts', 'economy']) {
    await page.getByTestId(`program-tab-${tab}`).click();
    await expect(page.getByTestId(`view-${tab}`)).toBeVisible();
    // Checked as it settles: not while dimmed for a recomputation, nor while the map is laid out.
    await expect(page.getByTestId('computing')).toHaveCount(0);
    await expect(page.locator('.pm-status')).toHaveCount(0);
    expect(await violations(), tab).toEqual([]);
  }
  // Keyboard: the tabs move with the arrow keys, from the last one round to the first.
  await page.getByTestId('program-tab-economy').focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('program-tab-models')).toBeFocused();
});
