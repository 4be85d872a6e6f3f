// Human file sizes for the UI. Limits are named in KB exactly as the administrator sets
// maxFileSizeKB (1 KB = 1024 bytes, as the server counts), so the message matches the setting.
import type { TFunction } from 'i18next';

export function formatBytes(t: TFunction, bytes: number): string {
  if (bytes < 1024) return t('units.B', { value: bytes });
  const units = ['KB', 'MB', 'GB'] as const;
  let value = bytes / 1024;
  let unit: (typeof units)[number] = 'KB';
  for (const next of units.slice(1)) {
    if (value < 1024) break;
    value /= 1024;
    unit = next;
  }
  const rounded = value >= 100 ? Math.round(value) : Math.round(value * 10) / 10;
  return t(`units.${unit}`, { value: rounded });
}

function plainNumber(language: string, value: number): string {
  // No grouping: "20000 KB" reads exactly like the maxFileSizeKB setting.
  return new Intl.NumberFormat(language, { maximumFractionDigits: 2, useGrouping: false }).format(value);
}

export function formatLimitKB(t: TFunction, language: string, kilobytes: number): string {
  return t('units.KB', { value: plainNumber(language, kilobytes) });
}

/** A size in KB rounded up to 1/100, so a file one byte over the limit never reads as equal to it. */
export function formatSizeKB(t: TFunction, language: string, bytes: number): string {
  return t('units.KB', { value: plainNumber(language, Math.ceil((bytes / 1024) * 100) / 100) });
}
