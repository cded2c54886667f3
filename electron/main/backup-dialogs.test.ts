import { describe, expect, it } from 'vitest';
import { backupFileDialogOptions, backupFolderDialogOptions } from './backup-dialogs';

describe('the file dialogs of the backups screen', () => {
  it('choose a folder to write a backup to, in the chosen language', () => {
    const folder = backupFolderDialogOptions('da');
    expect(folder.title).toBe('Vælg, hvor sikkerhedskopien skal gemmes');
    expect(folder.properties).toEqual(['openDirectory', 'createDirectory']);
    expect(backupFolderDialogOptions('en').title).toBe('Choose where to save the backup');
  });

  it('open one backup file, .fvbackup first, any file if it was renamed on the way', () => {
    const file = backupFileDialogOptions('da');
    expect(file.title).toBe('Vælg den sikkerhedskopi, der skal hentes frem');
    expect(file.properties).toEqual(['openFile']);
    expect(file.filters.map((f) => f.extensions)).toEqual([['fvbackup'], ['*']]);
  });
});
