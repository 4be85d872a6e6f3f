// Sending: local text checks, the pending entry (keyed by a fresh clientId), delivery and
// retry. A resend reuses the clientId, which the server stores once however often it arrives.
import type { FileRef } from '../../common/protocol';
import { checkMessageText } from '../../common/text';
import type { ChatStore } from './chat-store';
import { applyNewMessages, applyPending, applyPendingFailed } from './reducers';
import { errorOf, type Requester } from './requester';

export class MessageSender {
  constructor(
    private readonly store: ChatStore,
    private readonly request: Requester,
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
    const pending = { clientId, roomId, text, fileId: attachment?.fileId, file: attachment ?? null, status: 'sending' as const };
    this.store.setState((s) => applyPending(s, pending));
    this.deliverLater(roomId, clientId);
    return true;
  }

  retry(roomId: string, clientId: string): void {
    const entry = this.store.getState().timelines[roomId]?.pending.find((p) => p.clientId === clientId);
    if (!entry) return;
    this.store.setState((s) => applyPending(s, { ...entry, status: 'sending' }));
    this.deliverLater(roomId, clientId);
  }

  deliverLater(roomId: string, clientId: string): void {
    void this.deliver(roomId, clientId);
  }

  private async deliver(roomId: string, clientId: string): Promise<void> {
    const entry = this.store.getState().timelines[roomId]?.pending.find((p) => p.clientId === clientId);
    if (!entry) return;
    const body = entry.fileId
      ? { roomId, clientId, text: entry.text, fileId: entry.fileId }
      : { roomId, clientId, text: entry.text };
    const ack = await this.request('message:send', body);
    if (ack?.ok) {
      this.store.setState((s) => applyNewMessages(s, roomId, [ack.message]));
      return;
    }
    this.store.setState((s) => applyPendingFailed(s, roomId, clientId));
    if (ack) this.store.setState({ error: errorOf(ack.error) });
  }
}
