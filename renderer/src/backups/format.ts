/** A file's size as people read it: "840 kB", "2,4 MB". */
export function formatBytes(bytes: number, language: string): string {
  const locale = language === 'en' ? 'en-GB' : 'da-DK';
  const [value, unit] =
    bytes >= 1024 * 1024 * 1024
      ? [bytes / 1024 ** 3, 'gigabyte']
      : bytes >= 1024 * 1024
        ? [bytes / 1024 ** 2, 'megabyte']
        : [Math.max(bytes / 1024, 1), 'kilobyte'];
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit,
    unitDisplay: 'short',
    maximumFractionDigits: value < 10 ? 1 : 0,
  }).format(value);
}
