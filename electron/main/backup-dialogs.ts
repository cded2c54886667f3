import { BACKUP_FILE_EXTENSION } from '../../shared/domain/backup';
import { translate } from '../../shared/i18n';
import type { Language } from '../../shared/ipc/contract';

/**
 * The options of the backups screen's dialogs (Electron's `dialog`), kept apart from the shell so
 * they are plain data a test can read: the folder (a USB stick) to write a backup to, and the
 * backup file to restore. The open dialog also lets the user pick any file (a file renamed on the
 * way is still read, and refused by its content if it is not a backup).
 */
export function backupFolderDialogOptions(language: Language) {
  return {
    title: translate(language, 'backups.folderDialogTitle'),
    properties: ['openDirectory', 'createDirectory'] as ('openDirectory' | 'createDirectory')[],
  };
}

export function backupFileDialogOptions(language: Language) {
  return {
    title: translate(language, 'backups.fileDialogTitle'),
    filters: [
      { name: translate(language, 'backups.fileKind'), extensions: [BACKUP_FILE_EXTENSION] },
      { name: translate(language, 'backups.allFiles'), extensions: ['*'] },
    ],
    properties: ['openFile'] as 'openFile'[],
  };
}
