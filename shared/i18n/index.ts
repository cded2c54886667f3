import { da, type Translation } from './da';
import { en } from './en';
import type { Language } from '../ipc/contract';

export const resources: Record<Language, Translation> = { da, en };
export const DEFAULT_LANGUAGE: Language = 'da';
export type { Translation };

/**
 * A tiny translator for the main process (menu, startup dialogs), which has no React and needs
 * no plural rules. The renderer uses i18next with the same resources.
 */
export function translate(
  language: Language,
  key: string,
  values: Record<string, string | number> = {},
): string {
  let node: unknown = resources[language];
  for (const part of key.split('.')) {
    node =
      typeof node === 'object' && node !== null
        ? (node as Record<string, unknown>)[part]
        : undefined;
  }
  if (typeof node !== 'string') return key;
  return node.replace(/\{\{(\w+)\}\}/g, (_m, name: string) => String(values[name] ?? ''));
}
