// Local checks of command-line values, so a mistyped date or number is caught with a helpful
// message (exit 2) before anything is sent. Each parser throws UsageError.
import { isAllowedWebUrl } from '../../common/url-policy';
import { UsageError } from './errors';

const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/**
 * Parses an ISO-8601 date ("2026-01-01") or date-time ("2026-01-01T09:30", "…Z", "…+02:00") and
 * returns it as a UTC ISO string. A value without an offset is taken as UTC, like every time in the
 * protocol. Impossible dates such as 2026-02-30 are refused rather than rolled over.
 */
export function parseIsoDate(value: string, flag: string): string {
  const match = ISO_DATE.exec(value.trim());
  if (!match) {
    throw new UsageError(`${flag} expects an ISO date such as 2026-01-01 or 2026-01-01T09:30:00Z, got "${value}"`);
  }
  const [, year, month, day, hour = '00', minute = '00', second = '00', fraction = '0', offset = 'Z'] = match;
  const wall = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second)));
  const consistent =
    wall.getUTCFullYear() === Number(year) &&
    wall.getUTCMonth() === Number(month) - 1 &&
    wall.getUTCDate() === Number(day) &&
    wall.getUTCHours() === Number(hour) &&
    wall.getUTCMinutes() === Number(minute) &&
    wall.getUTCSeconds() === Number(second);
  if (!consistent) throw new UsageError(`${flag}: "${value}" is not a real date or time`);
  let offsetMinutes = 0;
  if (offset !== 'Z') {
    const sign = offset.startsWith('-') ? -1 : 1;
    offsetMinutes = sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
  }
  const millis = Math.floor(Number(`0.${fraction}`) * 1000);
  return new Date(wall.getTime() + millis - offsetMinutes * 60_000).toISOString();
}

/** A whole number within [min, max]; refuses "12abc", "1.5" and the like that parseInt would accept. */
export function parseInteger(value: string, flag: string, min: number, max: number): number {
  const trimmed = value.trim();
  if (!/^-?\d+$/.test(trimmed)) throw new UsageError(`${flag} expects a whole number, got "${value}"`);
  const number = Number(trimmed);
  if (!Number.isSafeInteger(number) || number < min || number > max) {
    throw new UsageError(`${flag} must be from ${min} to ${max}, got ${trimmed}`);
  }
  return number;
}

/** "a, b,c" → ["a","b","c"]; an empty string is an empty list, which is how a list is cleared. */
export function parseNameList(value: string): string[] {
  return value
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
}

/** The same URL rule the server applies to add-ins (common/url-policy.ts). */
export function parseWebUrl(value: string, what: string): string {
  const candidate: unknown = value; // checked through a copy so `value` keeps its type for the message
  if (!isAllowedWebUrl(candidate)) {
    throw new UsageError(`${what} must be an absolute http:// or https:// URL without credentials, got "${value}"`);
  }
  return value;
}

/** Accepts one value from a fixed set, naming the set when it is not one of them. */
export function parseChoice<T extends string>(value: string, flag: string, choices: readonly T[]): T {
  const found = choices.find((choice) => choice === value.trim().toLowerCase());
  if (found === undefined) throw new UsageError(`${flag} must be one of ${choices.join(', ')}, got "${value}"`);
  return found;
}

/** Drops undefined fields so a PATCH only carries what the administrator asked to change. */
export function definedFields<T extends object>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/** Fails when two options that contradict each other were both given. */
export function refuseBoth(a: unknown, b: unknown, flags: string): void {
  if (a !== undefined && a !== false && b !== undefined && b !== false) {
    throw new UsageError(`${flags} contradict each other; give one of them`);
  }
}
