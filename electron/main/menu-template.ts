import type { Language } from '../../shared/ipc/contract';
import { translate } from '../../shared/i18n';

/** Electron's MenuItemConstructorOptions, narrowed to what we use (no electron import here). */
export interface MenuItemSpec {
  label?: string;
  role?: string;
  type?: 'separator';
  accelerator?: string;
  registerAccelerator?: boolean;
  submenu?: MenuItemSpec[];
}

/** The application menu, labelled in the user's language (Danish by default). */
export function buildMenuTemplate(language: Language, isMac: boolean): MenuItemSpec[] {
  const t = (key: string) => translate(language, `menu.${key}`);
  const sep: MenuItemSpec = { type: 'separator' };
  return [
    ...(isMac
      ? [
          {
            label: translate(language, 'app.name'),
            submenu: [
              { role: 'about', label: t('about') },
              sep,
              { role: 'quit', label: t('quit') },
            ],
          },
        ]
      : []),
    {
      label: t('file'),
      submenu: [isMac ? { role: 'close', label: t('close') } : { role: 'quit', label: t('quit') }],
    },
    {
      label: t('edit'),
      submenu: [
        // The keys stay with the page: the map has its own undo history, and text fields keep
        // the browser's. A registered accelerator would take Ctrl/Cmd+Z before the page sees it.
        { role: 'undo', label: t('undo'), registerAccelerator: false },
        { role: 'redo', label: t('redo'), registerAccelerator: false },
        sep,
        { role: 'cut', label: t('cut') },
        { role: 'copy', label: t('copy') },
        { role: 'paste', label: t('paste') },
        { role: 'selectAll', label: t('selectAll') },
      ],
    },
    {
      label: t('view'),
      submenu: [
        { role: 'reload', label: t('reload') },
        sep,
        { role: 'zoomIn', label: t('zoomIn') },
        { role: 'zoomOut', label: t('zoomOut') },
        { role: 'resetZoom', label: t('resetZoom') },
        sep,
        { role: 'togglefullscreen', label: t('fullscreen') },
      ],
    },
    {
      label: t('window'),
      submenu: [
        { role: 'minimize', label: t('minimize') },
        { role: 'close', label: t('close') },
      ],
    },
  ];
}
