import { describe, expect, it } from 'vitest';
import { moveOpenDialogOptions, moveSaveDialogOptions } from './move-dialogs';

describe('the file dialogs of a journey move', () => {
  it('save where asked, offering .forloeb files, in the chosen language', () => {
    const save = moveSaveDialogOptions('da', '/home/k/Dokumenter/forloeb-2026-12-3f9a1c2e.forloeb');
    expect(save.title).toBe('Gem det flyttede forløb');
    expect(save.defaultPath).toBe('/home/k/Dokumenter/forloeb-2026-12-3f9a1c2e.forloeb');
    expect(save.filters).toEqual([{ name: 'Flyttet forløb', extensions: ['forloeb'] }]);
    expect(save.properties).toContain('showOverwriteConfirmation');
    expect(moveSaveDialogOptions('en', '/x').title).toBe('Save the moved journey');
  });

  it('open one file, .forloeb first, any file if it was renamed on the way', () => {
    const open = moveOpenDialogOptions('da');
    expect(open.title).toBe('Vælg et flyttet forløb');
    expect(open.properties).toEqual(['openFile']);
    expect(open.filters.map((f) => f.extensions)).toEqual([['forloeb'], ['*']]);
  });
});
