// Sending: local text checks and the pending entry (keyed by a fresh clientId). Delivery, retry
// and discard belong to the outbox (./outbox.ts), which saves the entry before it is emitted.
import type { FileRef } from '../../common/protocol';
import { checkMessageText } from '../../common/text';
import type { ChatStore } from './chat-store';
import type { PendingMessage } from './messages-slice';
import { applyPending } from './reducers';

export class MessageSender {
  constructor(
    private readonly store: ChatStore,
    /** Hands the new pending entry to the outbox (save, then send). */
    private readonly submit: (roomId: string, clientId: string) => void,
    private readonly newClientId: () => string,
  ) {}

  /** Queues a message; false when the text was refused locally (the composer keeps it then). */
  send(roomId: string, rawText: string, attachment?: FileRef): boolean {
    const { config } = this.store.getState();
    const check = checkMessageText(rawText, config.maxMessageChars);
    if (!check.ok && !(attachment && check.reason === 'blank')) {
      if (check.reason === 'too_long') {
        const count = [...rawText.trim()].length;
        this.store.setState({ error: { key: 'composer.tooLong', params: { count, limit: config.maxMessageChars } } });
      }
      return false;
    }
    // A file message needs text too (1..max characters): its name.
    const text = check.ok ? check.text : (attachment?.name ?? '');
    const clientId = this.newClientId();
    // A reply in progress goes with this message (a file sent meanwhile does not take it).
    const replyTo = attachment ? undefined : this.store.getState().replyTo[roomId];
    const pending: PendingMessage = { clientId, roomId, text, fileId: attachment?.fileId, file: attachment ?? null, status: 'sending' };
    if (replyTo) pending.replyTo = replyTo;
    this.store.setState((s) => {
      const patch = applyPending(s, pending);
      if (!replyTo) return patch;
      const rest = { ...s.replyTo };
      delete rest[roomId];
      return { ...patch, replyTo: rest };
    });
    this.deliverLater(roomId, clientId);
    return true;
  }

  deliverLater(roomId: string, clientId: string): void {
    this.submit(roomId, clientId);
  }
}
