// The store's share of an arrival, in Node: appending live messages one at a time to a timeline
// of N stored messages with the renderer's own mergeMessages, beside the baseline of rebuilding
// the whole timeline per arrival (a map of every message, then a sort: what the store did before
// issue 8). Pure CPU, no I/O; both run in the same process, same data, same order.
import type { Message } from '../../common/protocol';
import { mergeMessages } from '../../renderer/store/messages-slice';
import { percentile } from './report';

function message(seq: number): Message {
  return {
    roomId: 'bench',
    seq,
    id: `m${seq}`,
    clientId: `c${seq}`,
    senderId: 'u1',
    senderName: 'Bench',
    text: `message ${seq}`,
    createdAt: new Date(1_700_000_000_000 + seq * 1000).toISOString(),
    file: null,
    editedAt: null,
    replyTo: null,
    reactions: [],
  };
}

/** The pre-issue-8 merge, kept only as this benchmark's baseline. */
function rebuildMerge(existing: readonly Message[], incoming: readonly Message[]): Message[] {
  const bySeq = new Map<number, Message>();
  for (const m of existing) bySeq.set(m.seq, m);
  for (const m of incoming) bySeq.set(m.seq, m);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

export interface AppendFigures {
  size: number;
  appends: number;
  fastP50Us: number;
  fastP99Us: number;
  rebuildP50Us: number;
  rebuildP99Us: number;
}

function run(merge: typeof mergeMessages, size: number, appends: number): number[] {
  let timeline = Array.from({ length: size }, (_, i) => message(i + 1));
  const times: number[] = [];
  for (let i = 1; i <= appends; i += 1) {
    const incoming = [message(size + i)];
    const start = process.hrtime.bigint();
    timeline = merge(timeline, incoming);
    times.push(Number(process.hrtime.bigint() - start) / 1000);
  }
  if (timeline.length !== size + appends || timeline.at(-1)?.seq !== size + appends) throw new Error('store-append: merge lost messages');
  return times;
}

export function measureStoreAppend(size: number, appends: number): AppendFigures {
  // Warm both paths up so the JIT compares compiled code with compiled code.
  run(mergeMessages, 1_000, 200);
  run(rebuildMerge, 1_000, 200);
  const fast = run(mergeMessages, size, appends);
  const rebuild = run(rebuildMerge, size, appends);
  return {
    size,
    appends,
    fastP50Us: percentile(fast, 50),
    fastP99Us: percentile(fast, 99),
    rebuildP50Us: percentile(rebuild, 50),
    rebuildP99Us: percentile(rebuild, 99),
  };
}
