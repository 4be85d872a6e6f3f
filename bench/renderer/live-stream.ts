// Incoming messages at a fixed rate into the room the page has open, sent by another user over
// real sockets (several, so no connection exceeds the per-connection rate limit), while the page
// notes when each row shows and Chromium counts main-thread time and long tasks.
import { randomBytes } from 'node:crypto';
import type { CDPSession, Page } from '@playwright/test';
import type { Ack, ClientEventResults } from '../../common/protocol';
import type { ChatSocket, PchatApi } from '../../test/e2e/fixtures/pchat-api';
import { probe } from './page-probes';
import { percentile } from './report';
import { benchText } from './seed';

/** Under the server's 20 sends per second per connection (PROTOCOL §9.12). */
const PER_SOCKET_RATE = 15;

export interface StreamFigures {
  sent: number;
  shown: number;
  /** Chromium's main-thread task time over the run, per message. */
  mainThreadMsPerMessage: number;
  scriptMsPerMessage: number;
  layoutMsPerMessage: number;
  longTasks: number;
  longestTaskMs: number;
  /** Send (Node clock) → row first in the DOM (page clock, same machine). */
  arrivalP50Ms: number;
  arrivalP99Ms: number;
}

type Metrics = Record<string, number>;

// One DevTools session per page: the counters run from Performance.enable on that session.
const sessions = new WeakMap<Page, Promise<CDPSession>>();

function session(page: Page): Promise<CDPSession> {
  let cdp = sessions.get(page);
  if (!cdp) {
    cdp = page
      .context()
      .newCDPSession(page)
      .then(async (s) => {
        await s.send('Performance.enable');
        return s;
      });
    sessions.set(page, cdp);
  }
  return cdp;
}

async function metrics(page: Page): Promise<Metrics> {
  const { metrics: list } = await (await session(page)).send('Performance.getMetrics');
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

const delta = (after: Metrics, before: Metrics, name: string) => ((after[name] ?? 0) - (before[name] ?? 0)) * 1000;

function send(socket: ChatSocket, roomId: string, text: string): Promise<Ack<ClientEventResults['message:send']>> {
  return new Promise((resolve, reject) => {
    socket.timeout(15_000).emit('message:send', { roomId, clientId: randomBytes(8).toString('hex'), text }, (error, ack) =>
      error ? reject(error) : resolve(ack),
    );
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** Main-thread time with nothing arriving, over `seconds`: what the page costs on its own. */
export async function idleCost(page: Page, seconds: number): Promise<{ mainThreadMsPerSecond: number }> {
  const before = await metrics(page);
  await sleep(seconds * 1000);
  const after = await metrics(page);
  return { mainThreadMsPerSecond: delta(after, before, 'TaskDuration') / seconds };
}

/** Main-thread time per row of a static list gaining rows at the same rate (the browser's floor). */
export async function staticAppendCost(page: Page, count: number, rate: number, rows: number): Promise<{ mainThreadMsPerMessage: number; layoutMsPerMessage: number }> {
  const before = await metrics(page);
  await probe(page, 'staticAppend', count, rate, rows);
  const after = await metrics(page);
  return {
    mainThreadMsPerMessage: delta(after, before, 'TaskDuration') / count,
    layoutMsPerMessage: (delta(after, before, 'LayoutDuration') + delta(after, before, 'RecalcStyleDuration')) / count,
  };
}

export async function streamInto(
  page: Page,
  api: PchatApi,
  senderToken: string,
  roomId: string,
  prefix: string,
  count: number,
  rate: number,
): Promise<StreamFigures> {
  const sockets = await Promise.all(Array.from({ length: Math.ceil(rate / PER_SOCKET_RATE) }, () => api.socketFor(senderToken)));
  const sentAt = new Map<string, number>();
  try {
    await probe(page, 'observe', prefix);
    const before = await metrics(page);
    const start = Date.now();
    const acks: Promise<unknown>[] = [];
    for (let i = 1; i <= count; i += 1) {
      await sleep(start + ((i - 1) * 1000) / rate - Date.now());
      const socket = sockets[i % sockets.length];
      if (!socket) throw new Error('no sender socket');
      sentAt.set(String(i), Date.now());
      acks.push(send(socket, roomId, benchText(prefix, i)).catch(() => null));
    }
    await Promise.all(acks);
    // Let the last rows arrive and render.
    const settleUntil = Date.now() + 5_000;
    while (Date.now() < settleUntil) {
      const rows = await probe<number>(page, 'rowCount');
      const last = await page.evaluate(`document.querySelector('[role="log"]')?.textContent.includes(${JSON.stringify(`${prefix} ${count}:`)})`);
      if (last === true && rows > 0) break;
      await sleep(100);
    }
    await sleep(300);
    const after = await metrics(page);
    const observed = await probe<{ seen: [string, number][]; longTasks: number[] }>(page, 'stopObserving');
    const arrivals = observed.seen.flatMap(([index, at]) => {
      const sent = sentAt.get(index);
      return sent === undefined ? [] : [at - sent];
    });
    return {
      sent: count,
      shown: observed.seen.length,
      mainThreadMsPerMessage: delta(after, before, 'TaskDuration') / count,
      scriptMsPerMessage: delta(after, before, 'ScriptDuration') / count,
      layoutMsPerMessage: (delta(after, before, 'LayoutDuration') + delta(after, before, 'RecalcStyleDuration')) / count,
      longTasks: observed.longTasks.length,
      longestTaskMs: observed.longTasks.length === 0 ? 0 : Math.max(...observed.longTasks),
      arrivalP50Ms: percentile(arrivals, 50),
      arrivalP99Ms: percentile(arrivals, 99),
    };
  } finally {
    for (const socket of sockets) socket.disconnect();
  }
}
