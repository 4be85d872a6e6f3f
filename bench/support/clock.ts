// One clock for every process of a benchmark. `process.hrtime` reads CLOCK_MONOTONIC, which on
// Linux is the same clock in every process on the machine, so a time stamped into a message by
// the sender's process can be subtracted from the arrival time in a receiver's process.
export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

const STAMP = / @(\d+(?:\.\d+)?)$/;

/** The label of the messages a fan-out sends before it measures (fanout-run.ts). */
const WARM_UP = 'warm-up ';
export const warmUpLabel = (i: number) => `${WARM_UP}${i}`;
export const isWarmUp = (text: string) => text.startsWith(WARM_UP);

/** The message text a benchmark sends: readable, and carrying its send time at the end. */
export function stampedText(label: string, sentAtMs = nowMs()): string {
  return `${label} @${sentAtMs.toFixed(3)}`;
}

/** The send time stamped into `text`, or undefined for a message that carries none. */
export function stampOf(text: string): number | undefined {
  const match = STAMP.exec(text);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
