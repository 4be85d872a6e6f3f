// The renderer in Chromium against a real server (issue 8): how long a room switch takes to
// paint, how many rows a 10,000-message room keeps in the DOM after scrolling back, and what
// incoming messages cost the main thread. Baselines from the same run: the same switch into a
// room of 30 messages, a static page painting 30 rows, the same stream into the short room, the
// page sitting idle, and (in Node) the old rebuild-and-sort merge beside the store's append path.
//
//   npm run build   (the server serves out/renderer)
//   npx tsx bench/renderer-room-switch.ts [--quick] [--switches 20] [--pages 10] [--messages 500] [--rate 50]
//
// Loopback only; Chromium is /usr/bin/chromium (or PCHAT_CHROMIUM), never downloaded.
import { existsSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type Page } from '@playwright/test';
import { CHROMIUM, RENDERER_INDEX } from '../test/e2e/fixtures/paths';
import type { ServerProcess } from '../test/support/server-process';
import { installProbes, probe } from './renderer/page-probes';
import { describeRun, ms, percentile, table, us, verdict } from './renderer/report';
import { seedScene, type Scene } from './renderer/seed';
import { measureStoreAppend } from './renderer/store-append';
import { idleCost, staticAppendCost, streamInto, type StreamFigures } from './renderer/live-stream';

const { values } = parseArgs({
  strict: false,
  options: {
    quick: { type: 'boolean', default: false },
    store: { type: 'string', default: 'sqlite' },
    switches: { type: 'string' },
    pages: { type: 'string' },
    messages: { type: 'string' },
    rate: { type: 'string' },
  },
});
const quick = values.quick === true;
const num = (value: unknown, full: number, short: number) => (typeof value === 'string' && value !== '' ? Number(value) : quick ? short : full);
const SWITCHES = num(values.switches, 20, 8);
const PAGES = num(values.pages, 10, 5);
const MESSAGES = num(values.messages, 500, 150);
const RATE = num(values.rate, 50, 50);
const BIG = 10_000;
const SMALL = 30;
const TARGET_SWITCH_MS = 100;
const TARGET_ROWS = 200;

// Hard deadline whatever happens; the server children die with this process.
const DEADLINE_S = quick ? 180 : 420;
const children = new Set<ServerProcess>();
process.on('exit', () => children.forEach((child) => void child.kill('SIGKILL')));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));
setTimeout(() => {
  console.error(`renderer-room-switch: gave up after ${DEADLINE_S} s (machine too busy?)`);
  process.exit(1);
}, DEADLINE_S * 1000).unref();

function checkBuild(): void {
  // Nothing to measure without them: say SKIPPED and why (the bench convention), exit 0.
  if (!existsSync(RENDERER_INDEX)) {
    console.log(`renderer-room-switch: SKIPPED — ${RENDERER_INDEX} is missing; run \`npm run build\` first (the server serves it).`);
    process.exit(0);
  }
  if (!existsSync(CHROMIUM)) {
    console.log(`renderer-room-switch: SKIPPED — no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set PCHAT_CHROMIUM).`);
    process.exit(0);
  }
  const age = (Date.now() - statSync(RENDERER_INDEX).mtimeMs) / 60_000;
  console.log(`web client: ${RENDERER_INDEX} (built ${age.toFixed(0)} min ago; rebuild after renderer changes)`);
}

async function signIn(page: Page, scene: Scene): Promise<void> {
  await page.goto(scene.url);
  await page.getByRole('textbox', { name: 'Server' }).fill(scene.url);
  await page.getByRole('textbox', { name: 'User name' }).fill(scene.reader.name);
  await page.getByLabel('Password').fill(scene.reader.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Rooms' }).getByRole('button', { name: scene.small.name }).waitFor();
}

const lastText = (prefix: string, count: number) => `${prefix} ${count}:`;
const settle = (page: Page) => page.waitForTimeout(250);

interface SwitchTime {
  total: number;
  /** Click → the join answer in (the server's part and the socket); NaN when not seen. */
  ack: number;
}

async function switches(page: Page, scene: Scene): Promise<{ big: SwitchTime[]; small: SwitchTime[] }> {
  const big: SwitchTime[] = [];
  const small: SwitchTime[] = [];
  // One unmeasured round first: the first paint of each room loads fonts and compiles code.
  await probe(page, 'timeSwitch', scene.big.name, lastText('long room', BIG), 10_000);
  await settle(page);
  await probe(page, 'timeSwitch', scene.small.name, lastText('short room', SMALL), 10_000);
  await settle(page);
  for (let i = 0; i < SWITCHES; i += 1) {
    big.push(await probe<SwitchTime>(page, 'timeSwitch', scene.big.name, lastText('long room', BIG), 10_000));
    await settle(page);
    small.push(await probe<SwitchTime>(page, 'timeSwitch', scene.small.name, lastText('short room', SMALL), 10_000));
    await settle(page);
  }
  return { big, small };
}

async function staticBaseline(page: Page): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < SWITCHES; i += 1) {
    times.push(await probe<number>(page, 'staticRows', SMALL));
    await page.waitForTimeout(50);
  }
  return times;
}

async function scrollBack(page: Page, scene: Scene): Promise<{ pages: number; loaded: number; mounted: string; rowsTop: number; rowsBottom: number }> {
  await probe(page, 'timeSwitch', scene.big.name, lastText('long room', BIG), 10_000);
  await settle(page);
  let pages = 0;
  for (let i = 0; i < PAGES; i += 1) {
    if (!(await probe<boolean>(page, 'scrollUpOnePage', 10_000))) break;
    pages += 1;
    await page.waitForTimeout(150);
  }
  const rowsTop = await probe<number>(page, 'rowCount');
  const range = await probe<{ min: number; max: number }>(page, 'loadedRange');
  await probe(page, 'scrollToBottom');
  await page.waitForTimeout(500);
  const rowsBottom = await probe<number>(page, 'rowCount');
  // The join window, then one page of min(200, defaultChatHistory) = 30 per scroll.
  const loaded = Math.min(BIG, SMALL + pages * SMALL);
  return { pages, loaded, mounted: `seq ${range.min}–${range.max}`, rowsTop, rowsBottom };
}

function streamRow(name: string, f: StreamFigures): string[] {
  return [
    name,
    `${f.shown}/${f.sent}`,
    ms(f.mainThreadMsPerMessage),
    ms(f.scriptMsPerMessage),
    ms(f.layoutMsPerMessage),
    `${f.longTasks} (max ${ms(f.longestTaskMs)})`,
    `${ms(f.arrivalP50Ms)} / ${ms(f.arrivalP99Ms)}`,
  ];
}

async function main(): Promise<void> {
  checkBuild();
  if (values.store !== 'sqlite') console.log(`--store ${String(values.store)}: this benchmark measures the client; it runs on SQLite only.`);
  console.log(`renderer benchmark${quick ? ' (--quick)' : ''}: ${SWITCHES} switches each way, ${PAGES} pages of scroll-back, ${MESSAGES} messages at ${RATE}/s`);

  const store = measureStoreAppend(BIG, quick ? 300 : 1_000);
  const scene = await seedScene(BIG, SMALL, (server) => children.add(server));
  let browser: Browser | null = null;
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
    });
    console.log(describeRun(browser.version()));
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    const page = await context.newPage();
    await installProbes(page);
    await signIn(page, scene);

    const switched = await switches(page, scene);
    const staticRows = await staticBaseline(page);
    const rows = await scrollBack(page, scene);
    const intoBig = await streamInto(page, scene.api, scene.sender.token, scene.big.id, 'live long', MESSAGES, RATE);
    await probe(page, 'timeSwitch', scene.small.name, lastText('short room', SMALL), 10_000);
    await settle(page);
    const intoSmall = await streamInto(page, scene.api, scene.sender.token, scene.small.id, 'live short', MESSAGES, RATE);
    const idle = await idleCost(page, quick ? 2 : 5);
    const staticAppend = await staticAppendCost(page, MESSAGES, RATE, 150);

    const p = (values: number[], q: number) => ms(percentile(values, q));
    const totals = (list: SwitchTime[]) => list.map((s) => s.total);
    const renderer = (list: SwitchTime[]) => list.filter((s) => Number.isFinite(s.ack)).map((s) => s.total - s.ack);
    const acks = (list: SwitchTime[]) => list.map((s) => s.ack).filter(Number.isFinite);
    const bigP95 = percentile(totals(switched.big), 95);
    console.log('\nRoom switch: click → the room’s last message painted (split: until the join answer / after it)');
    console.log(
      table(
        ['switch into', 'n', 'p50', 'p95', 'max', 'join answer p50', 'answer→paint p50 / p95', 'target', ''],
        [
          [`long room (${BIG} messages)`, String(switched.big.length), p(totals(switched.big), 50), p(totals(switched.big), 95), p(totals(switched.big), 100), p(acks(switched.big), 50), `${p(renderer(switched.big), 50)} / ${p(renderer(switched.big), 95)}`, `p95 ≤ ${TARGET_SWITCH_MS} ms`, verdict(bigP95 <= TARGET_SWITCH_MS)],
          [`baseline: short room (${SMALL} messages)`, String(switched.small.length), p(totals(switched.small), 50), p(totals(switched.small), 95), p(totals(switched.small), 100), p(acks(switched.small), 50), `${p(renderer(switched.small), 50)} / ${p(renderer(switched.small), 95)}`, '', ''],
          [`baseline: static page, ${SMALL} rows`, String(staticRows.length), p(staticRows, 50), p(staticRows, 95), p(staticRows, 100), '', '', '', ''],
        ],
      ),
    );
    const mostRows = Math.max(rows.rowsTop, rows.rowsBottom);
    console.log(`\nDOM rows in the long room after ${rows.pages} pages of scroll-back (${rows.loaded} messages loaded; mounted at the top: ${rows.mounted})`);
    console.log(
      table(
        ['where', 'rows in the DOM', 'target', ''],
        [
          // One verdict for the target (the larger of the two counts), so a summary counts it once.
          ['scrolled back (viewport among the older pages)', String(rows.rowsTop), `≤ ${TARGET_ROWS} (larger count)`, verdict(mostRows <= TARGET_ROWS)],
          ['back at the newest', String(rows.rowsBottom), '', ''],
          [`baseline: messages loaded`, String(rows.loaded), '', ''],
        ],
      ),
    );
    console.log(`\nIncoming: ${MESSAGES} messages at ${RATE}/s into the open room (another user sends; page focused)`);
    console.log(
      table(
        ['room', 'shown', 'main thread/msg', 'script/msg', 'style+layout/msg', 'long tasks', 'send→row p50 / p99'],
        [
          streamRow(`long room (${rows.loaded} loaded)`, intoBig),
          streamRow(`baseline: short room`, intoSmall),
          ['baseline: static page, 150 rows, one added per arrival', '—', ms(staticAppend.mainThreadMsPerMessage), '', ms(staticAppend.layoutMsPerMessage), '', ''],
          ['baseline: idle page', '—', `${ms(idle.mainThreadMsPerSecond / RATE)} (idle ms/s ÷ ${RATE})`, '', '', '', ''],
        ],
      ),
    );
    console.log(`\nStore (Node): appending one live message to a timeline of ${store.size} messages, ${store.appends} times`);
    console.log(
      table(
        ['merge', 'p50', 'p99'],
        [
          ['mergeMessages (append fast path)', us(store.fastP50Us), us(store.fastP99Us)],
          ['baseline: rebuild map + sort per arrival', us(store.rebuildP50Us), us(store.rebuildP99Us)],
        ],
      ),
    );
  } finally {
    await browser?.close().catch(() => undefined);
    await scene.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error('renderer-room-switch failed:', error);
    process.exit(1);
  },
);
