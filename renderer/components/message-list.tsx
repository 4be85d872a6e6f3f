// The conversation: role="log" named "Messages", one article per message (DESIGN §1b).
// Virtualised with @tanstack/react-virtual, except that the newest rows up to a floor stay
// mounted: a join window (≤ 500) and a few pages of scroll-back are cheap to keep in the DOM,
// and keeping them lets assistive tech and "find in page" see the whole window the server sent.
// Only long scroll-back sessions actually get windowed.
import { defaultRangeExtractor, observeElementRect, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message } from '../../common/protocol';
import { useChat, useChatClient } from '../app/chat-context';
import type { PendingMessage } from '../store/messages-slice';
import { selectConfig, selectTimeline, selectUser } from '../store/selectors';
import { MessageItem } from './message-item';
import { useScrollAnchor } from '../lib/use-scroll-anchor';
import { PendingMessageItem } from './pending-message-item';

type Row = { key: string; message: Message; pending?: undefined } | { key: string; pending: PendingMessage; message?: undefined };

const ESTIMATED_ROW_PX = 56;
const BOTTOM_SLACK_PX = 48;
const TOP_LOAD_PX = 120;
/** Fallback viewport when layout is unavailable (hidden pane, jsdom) so rows still render. */
const FALLBACK_VIEWPORT_PX = 800;

export function MessageList({ roomId }: { roomId: string }) {
  const { t, i18n } = useTranslation();
  const client = useChatClient();
  const timeline = useChat(selectTimeline(roomId));
  const user = useChat(selectUser);
  const { defaultChatHistory } = useChat(selectConfig);
  const scrollRef = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const previous = useRef<{ first?: string; last?: string; count: number }>({ count: 0 });
  const [newBelow, setNewBelow] = useState(0);
  const lastScrollTop = useRef(0);
  const anchor = useScrollAnchor(scrollRef);

  const rows = useMemo<Row[]>(
    () => [
      ...timeline.messages.map((message) => ({ key: `m:${message.roomId}:${message.seq}`, message })),
      ...timeline.pending.map((pending) => ({ key: `p:${pending.clientId}`, pending })),
    ],
    [timeline.messages, timeline.pending],
  );
  const mountedFloor = Math.max(300, defaultChatHistory + 200);

  const rangeExtractor = useCallback(
    (range: Range) => {
      const visible = defaultRangeExtractor(range);
      const floorStart = Math.max(0, range.count - mountedFloor);
      const first = visible[0] ?? floorStart;
      if (first >= floorStart) return Array.from({ length: range.count - floorStart }, (_, i) => floorStart + i);
      const tail = Array.from({ length: range.count - floorStart }, (_, i) => floorStart + i);
      return [...visible.filter((index) => index < floorStart), ...tail];
    },
    [mountedFloor],
  );

  // The project does not use the React Compiler; this component memoises by hand.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer<HTMLDivElement, HTMLDivElement>({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_ROW_PX,
    getItemKey: (index) => rows[index]?.key ?? index,
    overscan: 10,
    rangeExtractor,
    useFlushSync: false,
    observeElementRect: (instance, cb) =>
      observeElementRect(instance, (rect) =>
        cb(rect.height > 0 ? rect : { width: rect.width, height: FALLBACK_VIEWPORT_PX }),
      ),
  });

  const scrollToBottom = useCallback(() => {
    const element = scrollRef.current;
    if (element) element.scrollTop = element.scrollHeight;
    atBottom.current = true;
    setNewBelow(0);
  }, []);

  // After each change of the rows: keep the reader's place when older rows were prepended,
  // follow the conversation when the reader was at the bottom (or just sent something),
  // otherwise count what arrived below for "Jump to latest".
  useLayoutEffect(() => {
    const before = previous.current;
    const first = rows[0]?.key;
    const last = rows.at(-1)?.key;
    previous.current = { first, last, count: rows.length };
    const element = scrollRef.current;
    if (!element || rows.length === 0 || (first === before.first && last === before.last)) return;
    const anchorIndex = before.first === undefined ? -1 : rows.findIndex((row) => row.key === before.first);
    if (anchorIndex > 0) {
      // Older rows went in above: keep the message the reader was looking at where it was.
      anchor.hold();
      return;
    }
    const ownSend = rows.at(-1)?.pending !== undefined && last !== before.last;
    if (before.count === 0 || atBottom.current || ownSend) {
      scrollToBottom();
    } else if (rows.length > before.count) {
      setNewBelow((count) => count + (rows.length - before.count));
    }
  }, [rows, anchor, scrollToBottom]);

  // Rows measured taller than estimated grow the list after the fact: stay pinned to the bottom.
  const totalSize = virtualizer.getTotalSize();
  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (element && atBottom.current) element.scrollTop = element.scrollHeight;
  }, [totalSize]);

  const loadOlder = useCallback(() => {
    anchor.capture();
    void client.loadOlder(roomId);
  }, [anchor, client, roomId]);

  const onScroll = () => {
    const element = scrollRef.current;
    if (!element) return;
    anchor.capture();
    atBottom.current = element.scrollHeight - element.scrollTop - element.clientHeight < BOTTOM_SLACK_PX;
    if (atBottom.current && newBelow > 0) setNewBelow(0);
    // Only a move upwards near the top loads more: pinning to the bottom after a join also fires
    // scroll events, and a short window must not pull in a second page by itself.
    const movedUp = element.scrollTop < lastScrollTop.current;
    lastScrollTop.current = element.scrollTop;
    if (movedUp && element.scrollTop < TOP_LOAD_PX && timeline.hasMore && !timeline.loadingOlder) loadOlder();
  };

  const senderName = user?.displayName ?? '';
  return (
    <div className="message-list">
      {timeline.hasMore && (
        <button type="button" className="load-older" onClick={loadOlder} disabled={timeline.loadingOlder}>
          {t('room.loadOlder')}
        </button>
      )}
      {timeline.loadingOlder && <p role="status">{t('room.loadingOlder')}</p>}
      <div
        ref={scrollRef}
        className="message-scroller"
        role="log"
        aria-label={t('room.messages')}
        tabIndex={0}
        onScroll={onScroll}
        onWheel={anchor.release}
        onTouchStart={anchor.release}
        onKeyDown={anchor.release}
      >
        <div className="message-canvas" style={{ height: totalSize }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            return (
              <div
                key={item.key}
                data-index={item.index}
                data-row-key={row.key}
                ref={virtualizer.measureElement}
                className="message-row"
                style={{ transform: `translateY(${item.start}px)` }}
              >
                {row.message ? (
                  <MessageItem message={row.message} locale={i18n.language} />
                ) : (
                  <PendingMessageItem pending={row.pending} senderName={senderName} />
                )}
              </div>
            );
          })}
        </div>
      </div>
      {rows.length === 0 && <p className="empty-log">{t('room.noMessages')}</p>}
      {newBelow > 0 && (
        <div className="jump-latest">
          <span role="status">{t('room.newBelow', { count: newBelow })}</span>
          <button type="button" onClick={scrollToBottom}>
            {t('room.jumpToLatest')}
          </button>
        </div>
      )}
    </div>
  );
}
