import { LIMITS, aliasSchema } from '../../shared/domain/journey';

/** Checks an alias with the same schema the main process uses; returns a translation key. */
export function aliasProblem(
  alias: string,
): { key: string; values?: Record<string, number> } | null {
  const r = aliasSchema.safeParse(alias);
  if (r.success) return null;
  const tooLong = r.error.issues.some((i) => i.code === 'too_big');
  return tooLong
    ? { key: 'validation.aliasTooLong', values: { max: LIMITS.aliasMax } }
    : { key: 'validation.aliasRequired' };
}
