// Message actions (PROTOCOL §11) for the UI: edit, delete, react, reply, jump to a message (a
// permalink, a search hit, a reply quote) and jump to a date. A helper of the socket bridge:
// it writes the store only through pure transitions, as the bridge does.
import type { Message, ReplyRef } from '../../common/protocol';
import { checkMessageText } from '../../common/text';
import { canEditMessage } from '../lib/message-permissions';
import type { ChatStore } from './chat-store';
import { applyMessageUpdated } from './message-action-reducers';
import type { MessageRef } from './message-ui-slice';
import { lowerBound } from './messages-slice';
import { applyMessageRemoved, applyOlder } from './reducers';
import { errorOf, type Requester } from './requester';

/** A page of history while paging back to a message (the protocol's maximum). */
const JUMP_PAGE = 200;
/** Bounds a jump to 20,000 messages back, so a bad seq cannot page forever. */
const MAX_JUMP_PAGES = 100;
/** ReplyRef.text: the first 200 code points, as the server stores it. */
const REPLY_EXCERPT = 200;

export interface MessageActionsHost {
  /** Opens (joins) a room unless it is already open; resolves when its window is shown. */
  openRoom(roomId: string): Promise<void>;
}

export function permalinkOf(serverUrl: string, roomId: string, seq: number): string {
  return `${serverUrl.replace(/\/+$/, '')}/r/${encodeURIComponent(roomId)}/${seq}`;
}

/** `/r/<roomId>/<seq>` of a web path or a pchat:// URL's path; null when it is not one. */
export function parsePermalinkPath(path: string): MessageRef | null {
  const match = /^\/r\/([^/]+)\/(\d{1,15})\/?$/.exec(path);
  if (!match?.[1] || !match[2]) return null;
  const seq = Number(match[2]);
  if (!Number.isSafeInteger(seq) || seq < 1) return null;
  try {
    return { roomId: decodeURIComponent(match[1]), seq };
  } catch {
    return null;
  }
}

export function replyRefOf(message: Message): ReplyRef {
  return { seq: message.seq, senderName: message.senderName, text: [...message.text].slice(0, REPLY_EXCERPT).join('') };
}

export class MessageActions {
  constructor(
    private readonly store: ChatStore,
    private readonly request: Requester,
    private readonly host: MessageActionsHost,
  ) {}

  startEdit(roomId: string, seq: number): void {
    this.store.setState({ editing: { roomId, seq } });
  }

  cancelEdit(): void {
    this.store.setState({ editing: null });
  }

  /** Up-arrow in an empty composer: edits the user's last stored message in the room. */
  editLast(roomId: string): boolean {
    const { user, timelines, details } = this.store.getState();
    const messages = timelines[roomId]?.messages ?? [];
    const room = details[roomId] ?? null;
    for (let i = messages.length - 1; i >= 0; i -= 1) {
      const message = messages[i];
      if (message && message.senderId === user?.id && !message.file) {
        // Where the user may not edit, Up-arrow does what it always did.
        if (!canEditMessage(message, user, room)) return false;
        this.startEdit(roomId, message.seq);
        return true;
      }
    }
    return false;
  }

  /** True when saved; on a refusal the alert says why and the edit box keeps the text. */
  async saveEdit(roomId: string, seq: number, raw: string): Promise<boolean> {
    const { config } = this.store.getState();
    const check = checkMessageText(raw, config.maxMessageChars);
    if (!check.ok) {
      if (check.reason === 'too_long') {
        this.store.setState({ error: { key: 'composer.tooLong', params: { count: [...raw.trim()].length, limit: config.maxMessageChars } } });
      }
      return false;
    }
    const ack = await this.request('message:edit', { roomId, seq, text: check.text });
    if (!ack) return false;
    if (!ack.ok) {
      this.store.setState({ error: errorOf(ack.error) });
      return false;
    }
    this.store.setState((s) => ({ ...applyMessageUpdated(s, ack.message), editing: null, error: null }));
    return true;
  }

  async remove(roomId: string, seq: number): Promise<boolean> {
    const ack = await this.request('message:delete', { roomId, seq });
    if (!ack) return false;
    if (!ack.ok) {
      this.store.setState({ error: errorOf(ack.error) });
      return false;
    }
    this.store.setState((s) => applyMessageRemoved(s, roomId, seq));
    return true;
  }

  /** Adds or takes back the user's reaction; the server decides what counts as one emoji. */
  async react(roomId: string, seq: number, emoji: string, on: boolean): Promise<boolean> {
    const ack = await this.request('message:react', { roomId, seq, emoji, on });
    if (!ack) return false;
    if (!ack.ok) {
      this.store.setState({ error: errorOf(ack.error) });
      return false;
    }
    this.store.setState((s) => applyMessageUpdated(s, ack.message));
    return true;
  }

  startReply(message: Message): void {
    this.store.setState((s) => ({ replyTo: { ...s.replyTo, [message.roomId]: replyRefOf(message) } }));
  }

  cancelReply(roomId: string): void {
    this.store.setState((s) => {
      if (!s.replyTo[roomId]) return {};
      const replyTo = { ...s.replyTo };
      delete replyTo[roomId];
      return { replyTo };
    });
  }

  /**
   * Opens the room scrolled to the message, however old: pages of history are loaded back from
   * the oldest one shown until it is there (the timeline stays one unbroken run of seqs).
   */
  async jumpTo(roomId: string, seq: number): Promise<boolean> {
    await this.host.openRoom(roomId);
    if (this.store.getState().activeRoomId !== roomId) return false;
    for (let page = 0; page <= MAX_JUMP_PAGES; page += 1) {
      const timeline = this.store.getState().timelines[roomId];
      if (!timeline) return false;
      const oldest = timeline.messages[0];
      if (!oldest || oldest.seq <= seq) break;
      if (!timeline.hasMore) break;
      const ack = await this.request('room:history', { roomId, beforeSeq: oldest.seq, limit: JUMP_PAGE });
      if (!ack?.ok) {
        if (ack) this.store.setState({ error: errorOf(ack.error) });
        return false;
      }
      this.store.setState((s) => applyOlder(s, roomId, ack.messages, ack.hasMore));
    }
    const messages = this.store.getState().timelines[roomId]?.messages ?? [];
    const index = lowerBound(messages, seq);
    const found = messages[index];
    if (!found) return false;
    // A removed message: the nearest later one stands in, and the alert says the message is gone.
    if (found.seq !== seq) this.store.setState({ error: { key: 'errors.message_gone' } });
    this.store.setState({ target: { roomId, seq: found.seq } });
    return true;
  }

  /** "Jump to date": the first message at or after the day (messages:seek), then jumpTo. */
  async jumpToDate(roomId: string, date: string): Promise<boolean> {
    const ack = await this.request('messages:seek', { roomId, date });
    if (!ack) return false;
    if (!ack.ok) {
      this.store.setState({ error: errorOf(ack.error) });
      return false;
    }
    if (ack.seq === 0) return false;
    return this.jumpTo(roomId, ack.seq);
  }

  /** The user moved on (scrolled, typed, opened another room): the mark goes. */
  clearTarget(): void {
    if (this.store.getState().target) this.store.setState({ target: null });
  }
}
