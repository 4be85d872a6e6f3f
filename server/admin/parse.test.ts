import { describe, expect, it } from 'vitest';
import { UsageError } from './errors';
import { definedFields, parseChoice, parseInteger, parseIsoDate, parseNameList, parseWebUrl, refuseBoth } from './parse';

describe('parseIsoDate', () => {
  it('reads a date as UTC midnight', () => {
    expect(parseIsoDate('2026-01-01', '--before')).toBe('2026-01-01T00:00:00.000Z');
  });

  it('reads date-times with and without an offset (none = UTC)', () => {
    expect(parseIsoDate('2026-03-04T09:30', '--from')).toBe('2026-03-04T09:30:00.000Z');
    expect(parseIsoDate('2026-03-04T09:30:15.25Z', '--from')).toBe('2026-03-04T09:30:15.250Z');
    expect(parseIsoDate('2026-03-04T09:30:00+02:00', '--from')).toBe('2026-03-04T07:30:00.000Z');
    expect(parseIsoDate('2026-03-04T00:30:00-01:30', '--from')).toBe('2026-03-04T02:00:00.000Z');
  });

  it.each(['2026-02-30', '2026-13-01', '2026-01-01T24:00', '2026-01-01T10:61'])('refuses the impossible date %s', (value) => {
    expect(() => parseIsoDate(value, '--before')).toThrow(/not a real date/);
  });

  it.each(['yesterday', '01/02/2026', '2026-1-1', '', '2026-01-01T9:00'])('refuses the non-ISO value "%s", naming the flag', (value) => {
    expect(() => parseIsoDate(value, '--before')).toThrow(UsageError);
    expect(() => parseIsoDate(value, '--before')).toThrow(/--before expects an ISO date/);
  });
});

describe('parseInteger', () => {
  it('accepts whole numbers in range', () => {
    expect(parseInteger('50', '--n', 1, 500)).toBe(50);
    expect(parseInteger(' 1 ', '--n', 1, 500)).toBe(1);
  });

  it.each(['12abc', '1.5', '', 'ten', '1e3'])('refuses "%s"', (value) => {
    expect(() => parseInteger(value, '--n', 1, 500)).toThrow(/--n expects a whole number/);
  });

  it('names the range when out of it', () => {
    expect(() => parseInteger('0', '--n', 1, 500)).toThrow('--n must be from 1 to 500, got 0');
    expect(() => parseInteger('501', '--n', 1, 500)).toThrow(/from 1 to 500/);
  });
});

describe('small parsers', () => {
  it('splits name lists, dropping blanks; an empty value clears a list', () => {
    expect(parseNameList(' alice, bob ,,carol')).toEqual(['alice', 'bob', 'carol']);
    expect(parseNameList('')).toEqual([]);
  });

  it('accepts only http/https URLs', () => {
    expect(parseWebUrl('https://tickers.example/pane', 'url')).toBe('https://tickers.example/pane');
    expect(() => parseWebUrl('javascript:alert(1)', 'the add-in URL')).toThrow(/the add-in URL must be .*http/);
    expect(() => parseWebUrl('tickers.example', 'url')).toThrow(UsageError);
    expect(() => parseWebUrl('https://user:pw@host/', 'url')).toThrow(UsageError);
  });

  it('accepts a choice case-insensitively and lists the choices otherwise', () => {
    expect(parseChoice('Auditorium', '--type', ['normal', 'auditorium'])).toBe('auditorium');
    expect(() => parseChoice('public', '--privacy', ['open', 'closed', 'secret'])).toThrow(
      '--privacy must be one of open, closed, secret, got "public"',
    );
  });

  it('keeps false and empty values but drops undefined ones', () => {
    expect(definedFields({ a: undefined, b: false, c: '', d: [] })).toEqual({ b: false, c: '', d: [] });
  });

  it('refuses contradicting flags only when both are on', () => {
    expect(() => refuseBoth(true, true, '--a and --b')).toThrow(/contradict/);
    expect(() => refuseBoth(true, undefined, '--a and --b')).not.toThrow();
  });
});
