// The conversation: role="log" named "Messages", one article per message (DESIGN §1b).
// Virtualised with @tanstack/react-virtual, except that the newest rows up to a floor stay
// mounted: the whole join window (≤ 500) and, at the default window of 30, four pages of
// scroll-back. Keeping them lets assistive tech and "find in page" see what the server sent;
// the floor stays small so a long scroll-back keeps the DOM small too (issue 8: ≤ 200 rows at the
// default window, however long the room).
import { defaultRangeExtractor, observeElementRect, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useChat, useChatClient } from '../app/chat-context';
import { continuesGroup, dayKey, dayLabel } from '../lib/day-label';
import { lowerBound } from '../store/messages-slice';
import { selectConfig, selectServerUrl, selectTimeline, selectUser } from '../store/selectors';
import { JumpToDate } from './jump-to-date';
import { MessageItem } from './message-item';
import { MessageRowContext, type MessageRowContextValue } from './message-row-context';
import { useScrollAnchor } from '../lib/use-scroll-anchor';
import { DaySeparator } from './day-separator';
import { PendingMessageItem } from './pending-message-item';
import { mountedIndexes, timelineRows } from './timeline-rows';
import './message-timeline.css';

const ESTIMATED_ROW_PX = 56;
/** Newest rows that always stay mounted (at least the join window). */
const MOUNTED_FLOOR = 150;
const OVERSCAN_ROWS = 8;
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
  const previous = useRef<{ first?: string; last?: string; firstSeq: number | null; count: number }>({ count: 0, firstSeq: null });
  const [newBelow, setNewBelow] = useState(0);
  const lastScrollTop = useRef(0);
  const anchor = useScrollAnchor(scrollRef);
  const room = useChat((s) => s.details[roomId] ?? null);
  const serverUrl = useChat(selectServerUrl);
  const target = useChat((s) => (s.target?.roomId === roomId ? s.target.seq : null));
  const roster = useChat((s) => s.rosters[roomId] ?? null);

  // A view over the timeline, not a copy: a new message does not rebuild a row per message.
  const { messages, pending } = timeline;
  const rows = useMemo(() => timelineRows({ messages, pending }), [messages, pending]);

  // Reaction titles name who reacted: the roster, else a sender seen in the timeline. Read
  // through refs so the rows' context stays the same object while messages arrive.
  const namesFrom = useRef({ messages, roster });
  namesFrom.current = { messages, roster };
  const nameOf = useCallback((userId: string) => {
    const { messages: list, roster: current } = namesFrom.current;
    const participant = current?.participants?.find((p) => p.userId === userId);
    if (participant) return participant.displayName;
    return list.findLast((m) => m.senderId === userId)?.senderName ?? null;
  }, []);
  const locale = i18n.language;
  const rowContext = useMemo<MessageRowContextValue>(
    () => ({ t, locale, room, user, serverUrl, nameOf }),
    [t, locale, room, user, serverUrl, nameOf],
  );
  const days = useMemo(() => ({ today: t('messageActions.today'), yesterday: t('messageActions.yesterday') }), [t]);
  const mountedFloor = Math.max(MOUNTED_FLOOR, defaultChatHistory);
  const getItemKey = useCallback((index: number) => rows.key(index), [rows]);

  const rangeExtractor = useCallback(
    (range: Range) => mountedIndexes(defaultRangeExtractor(range), range.count, mountedFloor),
    [mountedFloor],
  );

  // The project does not use the React Compiler; this component memoises by hand.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer<HTMLDivElement, HTMLDivElement>({
    count: rows.count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_ROW_PX,
    getItemKey,
    overscan: OVERSCAN_ROWS,
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
    const count = rows.count;
    const first = count > 0 ? rows.key(0) : undefined;
    const last = count > 0 ? rows.key(count - 1) : undefined;
    previous.current = { first, last, firstSeq: rows.firstSeq, count };
    const element = scrollRef.current;
    if (!element || count === 0 || (first === before.first && last === before.last)) return;
    // Stored rows are sorted by seq, so a lower first seq means older rows went in above.
    if (before.firstSeq !== null && rows.firstSeq !== null && rows.firstSeq < before.firstSeq) {
      // Keep the message the reader was looking at where it was.
      anchor.hold();
      return;
    }
    const ownSend = rows.at(count - 1)?.pending !== undefined && last !== before.last;
    if (before.count === 0 || atBottom.current || ownSend) {
      scrollToBottom();
    } else if (count > before.count) {
      setNewBelow((n) => n + (count - before.count));
    }
  }, [rows, anchor, scrollToBottom]);

  // Rows measured taller than estimated grow the list after the fact: stay pinned to the bottom.
  const totalSize = virtualizer.getTotalSize();
  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (element && atBottom.current) element.scrollTop = element.scrollHeight;
  }, [totalSize]);

  // A permalink, search hit, reply quote or date jump: bring the message to the middle once the
  // timeline holds it, and stop following the bottom until the reader goes back there.
  const shownTarget = useRef<number | null>(null);
  useLayoutEffect(() => {
    if (target === null) {
      shownTarget.current = null;
      return;
    }
    if (shownTarget.current === target) return;
    const index = lowerBound(messages, target);
    if (messages[index]?.seq !== target) return;
    shownTarget.current = target;
    atBottom.current = false;
    virtualizer.scrollToIndex(index, { align: 'center' });
  }, [target, messages, virtualizer]);
  const moveOn = useCallback(() => {
    anchor.release();
    client.actions.clearTarget();
  }, [anchor, client]);

  const loadOlder = useCallback(() => {
    anchor.capture();
    void client.loadOlder(roomId);
  }, [anchor, client, roomId]);

  const onScroll = () => {
    const element = scrollRef.current;
    if (!element) return;
    atBottom.current = element.scrollHeight - element.scrollTop - element.clientHeight < BOTTOM_SLACK_PX;
    // Remember what the reader looks at only when scrolled up: pinned to the bottom, every
    // arrival scrolls, and reading every row's position each time costs more than the row itself
    // (a load of older rows captures again when it starts).
    if (!atBottom.current) anchor.capture();
    if (atBottom.current && newBelow > 0) setNewBelow(0);
    // Only a move upwards near the top loads more: pinning to the bottom after a join also fires
    // scroll events, and a short window must not pull in a second page by itself.
    const movedUp = element.scrollTop < lastScrollTop.current;
    lastScrollTop.current = element.scrollTop;
    if (movedUp && element.scrollTop < TOP_LOAD_PX && timeline.hasMore && !timeline.loadingOlder) loadOlder();
  };

  const senderName = user?.displayName ?? '';
  return (
    <MessageRowContext.Provider value={rowContext}>
    <div className="message-list">
      <div className="message-list-bar">
        {timeline.hasMore && (
          <button type="button" className="load-older" onClick={loadOlder} disabled={timeline.loadingOlder}>
            {t('room.loadOlder')}
          </button>
        )}
        {room?.chatHistory !== false && messages.length > 0 && <JumpToDate roomId={roomId} />}
      </div>
      {timeline.loadingOlder && <p role="status">{t('room.loadingOlder')}</p>}
      <div
        ref={scrollRef}
        className="message-scroller"
        role="log"
        aria-label={t('room.messages')}
        tabIndex={0}
        onScroll={onScroll}
        onWheel={moveOn}
        onTouchStart={moveOn}
        onKeyDown={moveOn}
      >
        {!timeline.hasMore && !timeline.loadingOlder && messages.length > 0 && room?.chatHistory !== false && (
          <p className="room-beginning">{t('room.beginning')}</p>
        )}
        <div className="message-canvas" style={{ height: totalSize }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows.at(item.index);
            if (!row) return null;
            const above = item.index > 0 ? rows.at(item.index - 1) : undefined;
            const aboveTime = above?.message?.createdAt ?? (above?.pending ? new Date().toISOString() : undefined);
            const ownTime = row.message?.createdAt ?? new Date().toISOString();
            const newDay = aboveTime === undefined || dayKey(aboveTime) !== dayKey(ownTime);
            const label = newDay ? dayLabel(ownTime, locale, days) : null;
            return (
              <div
                key={item.key}
                data-index={item.index}
                data-row-key={rows.key(item.index)}
                ref={virtualizer.measureElement}
                className="message-row"
                style={{ transform: `translateY(${item.start}px)` }}
              >
                {row.message ? (
                  <MessageItem
                    message={row.message}
                    dayLabel={label}
                    grouped={!newDay && !row.message.replyTo && continuesGroup(above?.message, row.message)}
                  />
                ) : (
                  <>
                    {label && <DaySeparator label={label} />}
                    <PendingMessageItem pending={row.pending} senderName={senderName} />
                  </>
                )}
              </div>
            );
          })}
        </div>
      </div>
      {rows.count === 0 && <p className="empty-log">{t('room.noMessages')}</p>}
      {newBelow > 0 && (
        <div className="jump-latest">
          <span role="status">{t('room.newBelow', { count: newBelow })}</span>
          <button type="button" onClick={scrollToBottom}>
            {t('room.jumpToLatest')}
          </button>
        </div>
      )}
    </div>
    </MessageRowContext.Provider>
  );
}
