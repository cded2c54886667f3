import { describe, expect, it } from 'vitest';
import { buildMenuTemplate, type MenuItemSpec } from './menu-template';

const labels = (items: MenuItemSpec[]): string[] =>
  items.flatMap((i) => [...(i.label ? [i.label] : []), ...labels(i.submenu ?? [])]);

describe('application menu', () => {
  it('is in Danish by default wording, with standard roles', () => {
    const menu = buildMenuTemplate('da', false);
    expect(menu.map((m) => m.label)).toEqual(['Filer', 'Rediger', 'Vis', 'Vindue']);
    expect(labels(menu)).toEqual(
      expect.arrayContaining(['Afslut', 'Fortryd', 'Kopiér', 'Sæt ind', 'Zoom ind']),
    );
    expect(labels(menu).every((l) => !l.includes('.'))).toBe(true); // no untranslated keys
  });

  it('leaves Ctrl/Cmd+Z to the page, where the map keeps its own undo history', () => {
    const edit = buildMenuTemplate('da', false).find((m) => m.label === 'Rediger')!;
    for (const role of ['undo', 'redo']) {
      expect(edit.submenu!.find((i) => i.role === role)).toMatchObject({
        registerAccelerator: false,
      });
    }
  });

  it('is in English when chosen, and has the app menu on macOS', () => {
    const menu = buildMenuTemplate('en', true);
    expect(menu[0]!.label).toBe('Pathway Workshop');
    expect(labels(menu)).toEqual(expect.arrayContaining(['Quit', 'Undo', 'Copy']));
  });
});
