import { translate } from '../../shared/i18n';
import type { Language } from '../../shared/ipc/contract';
import { MOVE_FILE_EXTENSION } from '../../shared/transfer/moved-journey';

/**
 * The options of the save and open dialogs of a journey move (Electron's `dialog`), kept apart
 * from the shell so they are plain data a test can read. The file filter offers `.forloeb`
 * files; the open dialog also lets the user pick any file (a file renamed on the way is still
 * read, and refused by its content if it is not one).
 */
export function moveSaveDialogOptions(language: Language, defaultPath: string) {
  return {
    title: translate(language, 'move.saveDialogTitle'),
    defaultPath,
    filters: [{ name: translate(language, 'move.fileKind'), extensions: [MOVE_FILE_EXTENSION] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'] as (
      'createDirectory' | 'showOverwriteConfirmation'
    )[],
  };
}

export function moveOpenDialogOptions(language: Language) {
  return {
    title: translate(language, 'move.openDialogTitle'),
    filters: [
      { name: translate(language, 'move.fileKind'), extensions: [MOVE_FILE_EXTENSION] },
      { name: translate(language, 'move.allFiles'), extensions: ['*'] },
    ],
    properties: ['openFile'] as 'openFile'[],
  };
}
