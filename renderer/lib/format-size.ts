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

export function formatLimitKB(t: TFunction, kilobytes: number): string {
  return t('units.KB', { value: kilobytes });
}
