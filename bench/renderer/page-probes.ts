// What the benchmark measures inside the page. Kept as plain JavaScript source installed with
// addInitScript: functions handed to page.evaluate would be serialised after tsx/esbuild
// compiled them, and its name-keeping helpers do not exist in the page.
import type { Page } from '@playwright/test';

const SOURCE = String.raw`
(() => {
  // Notes when the answer to room:join arrives (a socket.io ack frame carrying the roster and
  // hasMore), so a switch splits into waiting for the server and the renderer's own part.
  const NativeWebSocket = window.WebSocket;
  let joinAckAt = 0;
  window.WebSocket = class extends NativeWebSocket {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (event) => {
        if (typeof event.data === 'string' && event.data.includes('"roster"') && event.data.includes('"hasMore"')) joinAckAt = performance.now();
      });
    }
  };
  const ROWS = 'article, [role="article"]';
  const log = () => document.querySelector('[role="log"]');
  // Resolves after the frame that shows the current DOM has been rendered: the message posted
  // from a requestAnimationFrame callback runs once that frame's rendering is done.
  const afterPaint = () => new Promise((resolve) => requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve(performance.now());
    channel.port2.postMessage(0);
  }));
  // Called from inside a requestAnimationFrame callback (or a promise continuation of one): the
  // frame being produced already holds the DOM, so the message runs once it is rendered.
  const afterThisFrame = () => new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve(performance.now());
    channel.port2.postMessage(0);
  });
  const roomButton = (name) => [...document.querySelectorAll('nav button')].find((b) => b.textContent.trim() === name);
  const visibleIn = (element, container) => {
    const r = element.getBoundingClientRect();
    const c = container.getBoundingClientRect();
    return r.height > 0 && r.bottom > c.top && r.top < c.bottom;
  };
  const seqs = () => [...(log()?.querySelectorAll('[data-seq]') ?? [])].map((e) => Number(e.getAttribute('data-seq')));
  const bench = {
    // Click → the room's heading and its last message visible in the log, painted. Returns the
    // total and, within it, when the join answer arrived.
    async timeSwitch(roomName, lastText, timeoutMs) {
      const button = roomButton(roomName);
      if (!button) throw new Error('no room button ' + roomName);
      const start = performance.now();
      joinAckAt = 0;
      button.click();
      for (;;) {
        await new Promise((resolve) => requestAnimationFrame(resolve));
        const heading = document.querySelector('main h1');
        const scroller = log();
        const rows = scroller ? scroller.querySelectorAll(ROWS) : [];
        const last = rows[rows.length - 1];
        if (heading && heading.textContent === roomName && last && last.textContent.includes(lastText) && visibleIn(last, scroller)) {
          const total = (await afterThisFrame()) - start;
          return { total, ack: joinAckAt > start ? joinAckAt - start : NaN };
        }
        if (performance.now() - start > timeoutMs) throw new Error('switch to ' + roomName + ' not painted within ' + timeoutMs + ' ms');
      }
    },
    // Baseline: a static list of n rows of the same shape, inserted and painted.
    async staticRows(n) {
      const box = document.createElement('div');
      box.style.cssText = 'position:fixed;inset:0;overflow:auto;background:#fff;z-index:99';
      const start = performance.now();
      for (let i = 0; i < n; i += 1) {
        const a = document.createElement('article');
        a.className = 'message';
        a.innerHTML = '<header class="message-meta"><span class="sender">Sam Sender</span> <time>12:00</time></header>';
        const p = document.createElement('p');
        p.className = 'message-text';
        p.textContent = 'static row ' + i + ': market open close bid ask spread volume desk trade ticker';
        a.appendChild(p);
        box.appendChild(a);
      }
      document.body.appendChild(box);
      const time = (await afterPaint()) - start;
      box.remove();
      return time;
    },
    // Baseline for arrivals: a static list of \`rows\` rows that gains one row (and drops its
    // oldest) \`rate\` times a second, kept scrolled to the bottom — the browser's own share.
    async staticAppend(count, rate, rows) {
      const box = document.createElement('div');
      box.style.cssText = 'position:fixed;inset:0;overflow:auto;background:#fff;z-index:99';
      const row = (i) => {
        const a = document.createElement('article');
        a.className = 'message';
        a.innerHTML = '<header class="message-meta"><span class="sender">Sam Sender</span> <time>12:00</time></header>';
        const p = document.createElement('p');
        p.className = 'message-text';
        p.textContent = 'static row ' + i + ': market open close bid ask spread volume desk trade ticker';
        a.appendChild(p);
        return a;
      };
      for (let i = 0; i < rows; i += 1) box.appendChild(row(i));
      document.body.appendChild(box);
      box.scrollTop = box.scrollHeight;
      await afterPaint();
      const start = performance.now();
      for (let i = 0; i < count; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, start + (i * 1000) / rate - performance.now())));
        box.appendChild(row(rows + i));
        box.firstChild.remove();
        box.scrollTop = box.scrollHeight;
      }
      await afterPaint();
      box.remove();
    },
    rowCount() {
      return log()?.querySelectorAll(ROWS).length ?? 0;
    },
    loadedRange() {
      const all = seqs();
      return { min: Math.min(...all), max: Math.max(...all) };
    },
    // Scrolls to the top like a reader would (a wheel event lets go of the scroll anchor) and
    // waits until an older page is mounted; false when no older page came.
    async scrollUpOnePage(timeoutMs) {
      const scroller = log();
      if (!scroller) return false;
      const before = Math.min(...seqs());
      scroller.dispatchEvent(new WheelEvent('wheel', { deltaY: -1000, bubbles: true }));
      if (scroller.scrollTop === 0) scroller.scrollTop = 1;
      await new Promise((resolve) => requestAnimationFrame(resolve));
      scroller.scrollTop = 0;
      const start = performance.now();
      while (performance.now() - start < timeoutMs) {
        await new Promise((resolve) => setTimeout(resolve, 25));
        if (Math.min(...seqs()) < before) {
          await afterPaint();
          return true;
        }
      }
      return false;
    },
    scrollToBottom() {
      const scroller = log();
      if (scroller) scroller.scrollTop = scroller.scrollHeight;
    },
    // Arrivals: when each live row (text "<prefix> <i>:") first shows, and the long tasks meanwhile.
    observe(prefix) {
      const seen = new Map();
      const longTasks = [];
      const pattern = new RegExp(prefix + ' (\\d+):');
      // Only added nodes are read, so the probe's own cost does not grow with the list.
      const mutations = new MutationObserver((records) => {
        const now = performance.timeOrigin + performance.now();
        for (const record of records) {
          for (const node of record.addedNodes) {
            const match = pattern.exec(node.textContent ?? '');
            if (match && !seen.has(match[1])) seen.set(match[1], now);
          }
        }
      });
      const scroller = log();
      if (scroller) mutations.observe(scroller, { childList: true, subtree: true });
      const tasks = new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) longTasks.push(entry.duration);
      });
      tasks.observe({ type: 'longtask' });
      bench.stopObserving = () => {
        mutations.disconnect();
        tasks.disconnect();
        return { seen: [...seen.entries()], longTasks };
      };
    },
    stopObserving() {
      return { seen: [], longTasks: [] };
    },
  };
  window.__bench = bench;
})();
`;

export async function installProbes(page: Page): Promise<void> {
  await page.addInitScript(SOURCE);
}

/** Calls window.__bench[name](...args) in the page and returns its (awaited) result. */
export function probe<T>(page: Page, name: string, ...args: unknown[]): Promise<T> {
  return page.evaluate<T>(`window.__bench.${name}(${args.map((arg) => JSON.stringify(arg)).join(', ')})`);
}
