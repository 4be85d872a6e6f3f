// The PROTOCOL.md §6 postMessage bridge between the app and one add-in frame. Everything goes
// to the add-in's own origin (never "*"); of what comes back, only a `pchat:ready` from that very
// frame and origin is acted on, and its only effect is sending the context again. Frame data is
// never evaluated, navigated to, opened or written to the store.
import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message, RoomDetail } from '../../common/protocol';
import { useChat } from '../app/chat-context';
import { selectTimeline, selectUser } from '../store/selectors';
import { isFromAddin, isReadyRequest } from './addin-policy';

/** Sent on every load of the frame, on `pchat:ready`, and when the room name or language changes. */
export interface AddinContextMessage {
  type: 'pchat:context';
  room: { id: string; name: string };
  user: { displayName: string };
  locale: string;
}

/** Sent once per new message of the room (each seq once; the backlog shown on opening never). */
export interface AddinRoomMessage {
  type: 'pchat:message';
  message: { seq: number; senderName: string; text: string; createdAt: string };
}

export type AddinOutboundMessage = AddinContextMessage | AddinRoomMessage;

/** Only the four documented fields: ids, client ids and file references stay in the app. */
function toAddinMessage(message: Message): AddinRoomMessage {
  const { seq, senderName, text, createdAt } = message;
  return { type: 'pchat:message', message: { seq, senderName, text, createdAt } };
}

/**
 * Wires an add-in frame to the room: give the returned `frame` ref and `onLoad` handler to the
 * iframe. `addinOrigin` null (same-origin or blocked add-in) turns the bridge off entirely.
 */
export function useAddinBridge(
  addinOrigin: string | null,
  room: Pick<RoomDetail, 'id' | 'name'>,
): { frame: RefObject<HTMLIFrameElement | null>; onLoad: () => void } {
  const frame = useRef<HTMLIFrameElement>(null);
  const { i18n } = useTranslation();
  const locale = i18n.language;
  const displayName = useChat(selectUser)?.displayName ?? '';
  const selectMessages = useMemo(() => {
    const timeline = selectTimeline(room.id);
    return (state: Parameters<typeof timeline>[0]) => timeline(state).messages;
  }, [room.id]);
  const messages = useChat(selectMessages);

  // The pane opens on what is already shown: that backlog is history, not news.
  const [baseline] = useState(() => messages.at(-1)?.seq ?? 0);
  // Each seq above the baseline is sent once; bounded by the timeline the store already keeps.
  const sent = useRef(new Set<number>());
  const loaded = useRef(false);
  const latest = useRef({ messages, context: contextOf(room, displayName, locale) });
  useEffect(() => {
    latest.current = { messages, context: contextOf(room, displayName, locale) };
  });

  const post = useCallback((data: AddinOutboundMessage) => postTo(frame.current, addinOrigin, data), [frame, addinOrigin]);

  const flush = useCallback(() => {
    const list = latest.current.messages;
    // The list is sorted by seq, so everything newer than the baseline sits at its end. A gap
    // filled after a reconnect lands below messages already sent: sent by seq, not by "highest".
    const unsent: Message[] = [];
    for (let i = list.length - 1; i >= 0; i -= 1) {
      const message = list[i];
      if (!message || message.seq <= baseline) break;
      if (!sent.current.has(message.seq)) unsent.push(message);
    }
    for (const message of unsent.reverse()) {
      post(toAddinMessage(message));
      sent.current.add(message.seq);
    }
  }, [post, baseline]);

  const onLoad = useCallback(() => {
    if (addinOrigin === null) return;
    loaded.current = true;
    post(latest.current.context);
    // Messages that arrived while the frame was still loading follow the context.
    flush();
  }, [addinOrigin, post, flush]);

  useEffect(() => {
    if (loaded.current) flush();
  }, [messages, flush]);

  // Re-sent when what the context says changes (a rename, a language switch).
  const { id: roomId, name: roomName } = room;
  useEffect(() => {
    if (loaded.current) post(contextOf({ id: roomId, name: roomName }, displayName, locale));
  }, [roomId, roomName, displayName, locale, post]);

  useEffect(() => {
    if (addinOrigin === null) return undefined;
    const onMessage = (event: MessageEvent) => {
      if (!isFromAddin(event, frame.current?.contentWindow, addinOrigin)) return;
      if (isReadyRequest(event.data)) post(latest.current.context);
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, [frame, addinOrigin, post]);

  return { frame, onLoad };
}

/** Always to the add-in's origin: the browser drops it if the frame is not (or no longer) there. */
function postTo(element: HTMLIFrameElement | null, addinOrigin: string | null, data: AddinOutboundMessage): void {
  const target = element?.contentWindow;
  if (target && addinOrigin !== null) target.postMessage(data, addinOrigin);
}

function contextOf(room: Pick<RoomDetail, 'id' | 'name'>, displayName: string, locale: string): AddinContextMessage {
  return { type: 'pchat:context', room: { id: room.id, name: room.name }, user: { displayName }, locale };
}
