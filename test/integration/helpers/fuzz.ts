// Shared pieces of the fuzz tests: hostile value generators and a watch on the process for
// errors that escaped every handler (the server runs in this process during the fuzz runs).
import fc from 'fast-check';
import { ERROR_CODES } from '../../../common/protocol';

/** Codes bad input may earn: every protocol code except `internal`, which would mean a bug. */
export const INPUT_ERROR_CODES: readonly string[] = ERROR_CODES.filter((code) => code !== 'internal');

/** Collects unhandledRejection / uncaughtException while started; `stop()` returns them. */
export function watchProcessErrors(): { stop(): unknown[] } {
  const seen: unknown[] = [];
  const onError = (error: unknown) => seen.push(error);
  process.on('unhandledRejection', onError);
  process.on('uncaughtException', onError);
  return {
    stop() {
      process.off('unhandledRejection', onError);
      process.off('uncaughtException', onError);
      return seen;
    },
  };
}

const POLLUTING_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__'];

/** Objects whose keys try to reach Object.prototype once parsed from JSON. */
export const pollutingObject: fc.Arbitrary<unknown> = fc
  .array(fc.tuple(fc.constantFrom(...POLLUTING_KEYS), fc.jsonValue({ maxDepth: 2 })), { maxLength: 4 })
  .map((entries) => JSON.parse(`{${entries.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v) ?? 'null'}`).join(',')}}`) as unknown);

/** Numbers a validator must not trust: huge, fractional, negative zero, non-finite (JSON → null). */
export const nastyNumber = fc.oneof(
  fc.constantFrom(0, -0, -1, 1.5, 2 ** 53, 2 ** 53 + 2, 1e308, -1e308, Number.MAX_VALUE, Number.MIN_VALUE, NaN, Infinity, -Infinity),
  fc.double(),
  fc.integer(),
);

const nested = (depth: number, leaf: unknown): unknown => {
  let value: unknown = leaf;
  for (let i = 0; i < depth; i += 1) value = i % 2 === 0 ? [value] : { a: value };
  return value;
};

/** Big or deep things, cheap to build: long strings, deep nesting, long arrays, odd unicode. */
export const oversized = fc.oneof(
  fc.constantFrom(2_000, 100_001, 300_000).map((n) => 'x'.repeat(n)),
  fc.constantFrom(50, 500).map((depth) => nested(depth, 'deep')),
  fc.constant(Array.from({ length: 20_000 }, (_, i) => i)),
  fc.constantFrom('\u202Eevil\u202C', '\uD800', '\u0000', '\uFFFF'.repeat(1000), '🙂'.repeat(10_000)),
);

/** Anything at all a JSON-speaking client can put on the wire. */
export function hostileValue(fieldNames: readonly string[]): fc.Arbitrary<unknown> {
  const wrongTypes = fc.oneof(fc.anything({ maxDepth: 3 }), nastyNumber, oversized, pollutingObject);
  const shaped = fc.dictionary(fc.constantFrom(...fieldNames, ...POLLUTING_KEYS), wrongTypes, { maxKeys: 6 });
  return fc.oneof(fc.jsonValue({ maxDepth: 4 }), fc.anything({ maxDepth: 3, withTypedArray: true }), wrongTypes, shaped);
}
