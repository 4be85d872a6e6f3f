// One simulated person of the capacity model: a simulated client (bench/support/client-behaviour.ts:
// the real client's join, read markers, follows, reconnect and catch-up; the build named by
// PCHAT_BENCH_CLIENT, wire-level by default, see client-kind.ts) driven by the model's
// timers — post, switch room, drop the connection — and the bookkeeping needed afterwards to
// say which deliveries it should have had.
import type { Message, SessionResponse } from '../../common/protocol';
import { nowMs, stampedText } from '../support/clock';
import type { SimulatedClient } from '../support/client-behaviour';
import { clientKindFromEnv, createClient } from '../support/client-kind';
import { type CapacityModel, exponentialMs, pickOpenRoom, userName } from './capacity-model';
import type { SentMessage, UserSpec } from './capacity-messages';
import { messageText } from './message-text';

export interface SimHooks {
  /** False while the coordinator has paused the load (between windows' accounting). */
  active(): boolean;
  random: () => number;
  live(message: Message, own: boolean): void;
  sent(message: SentMessage, ackMs: number): void;
  sendFailed(reason: string): void;
  joined(ms: number | 'failed'): void;
  reconnected(ok: boolean): void;
  /** In-flight sends, so a pause can wait for their acks. */
  sending(delta: 1 | -1): void;
}

interface OpenInterval {
  roomId: string;
  /** When the join was answered: from then on every message of the room must reach us. */
  from: number;
  /** When we left it (or lost the connection for good). */
  to?: number;
}

type Action = 'post' | 'switch' | 'reconnect';

/** Deliveries arriving this long after the send still count; later than that is lost. */
export const DRAIN_MS = 2000;

export class SimUser {
  readonly client: SimulatedClient;
  private openIndex = -1;
  private intervals: OpenInterval[] = [];
  private busy = false;
  private closed = false;
  private readonly timers = new Set<NodeJS.Timeout>();
  private counter = 0;
  /** Whom an occasional @mention names: the neighbours, who share a small room. */
  private readonly mentionable: string[];

  constructor(
    private readonly spec: UserSpec,
    url: string,
    private readonly model: CapacityModel,
    private readonly hooks: SimHooks,
  ) {
    this.mentionable = [userName(spec.index + 1), userName(Math.max(0, spec.index - 1))];
    const session: SessionResponse = {
      token: spec.token,
      user: { id: spec.id, name: spec.name, displayName: spec.name, roles: ['user'] },
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    };
    this.client = createClient(clientKindFromEnv(), {
      url,
      session,
      focused: spec.focused,
      onMessage: (message, via) => via === 'live' && hooks.live(message, message.senderId === spec.id),
    });
  }

  async start(): Promise<void> {
    await this.client.connect();
    for (const [k, follow] of this.spec.follows.entries()) if (follow) await this.client.follow(this.spec.rooms[k]!);
    await this.switchRoom(pickOpenRoom(this.hooks.random));
    // Start each timer at a random phase, so users do not act in lockstep.
    this.schedule('post', this.model.postEveryS);
    this.schedule('switch', this.model.switchEveryS);
    this.schedule('reconnect', this.model.reconnectEveryS);
  }

  close(): void {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.client.close();
  }

  /** Forget intervals that ended before `since`: they cannot matter for a later window. */
  prune(since: number): void {
    this.intervals = this.intervals.filter((interval) => interval.to === undefined || interval.to > since);
  }

  /**
   * Of `sent` (grouped by room), how many this user should have received — it had the room open
   * from before the send until DRAIN_MS after — and how many of those it never saw. Undefined
   * while it is reconnecting or switching, when the answer is not settled.
   */
  losses(sentByRoom: ReadonlyMap<string, readonly SentMessage[]>): { expected: number; lost: number } | undefined {
    if (this.busy || this.closed) return undefined;
    let expected = 0;
    let lost = 0;
    for (const interval of this.intervals) {
      const seen = this.client.seenSeqs(interval.roomId);
      for (const message of sentByRoom.get(interval.roomId) ?? []) {
        if (message.senderId === this.spec.id || message.sentAt <= interval.from) continue;
        if (interval.to !== undefined && message.sentAt >= interval.to - DRAIN_MS) continue;
        expected += 1;
        if (!seen.has(message.seq)) lost += 1;
      }
    }
    return { expected, lost };
  }

  private schedule(action: Action, meanS: number): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.act(action).finally(() => !this.closed && this.schedule(action, meanS));
    }, exponentialMs(this.hooks.random, meanS));
    this.timers.add(timer);
  }

  private async act(action: Action): Promise<void> {
    if (!this.hooks.active() || this.busy || this.closed || this.openIndex < 0) return;
    if (action === 'post') return this.post();
    this.busy = true;
    try {
      if (action === 'switch') await this.switchRoom(pickOpenRoom(this.hooks.random, this.openIndex));
      else await this.reconnect();
    } finally {
      this.busy = false;
    }
  }

  private async post(): Promise<void> {
    const roomId = this.spec.rooms[this.openIndex]!;
    const sentAt = nowMs();
    this.hooks.sending(1);
    try {
      const ack = await this.client.send(roomId, stampedText(messageText(this.hooks.random, this.mentionable), sentAt), `${this.spec.name}-${++this.counter}`);
      this.hooks.sent({ roomId, seq: ack.message.seq, sentAt, senderId: this.spec.id }, nowMs() - sentAt);
    } catch (error) {
      this.hooks.sendFailed(error instanceof Error ? error.message.replace(/^message:send: /, '') : String(error));
    } finally {
      this.hooks.sending(-1);
    }
  }

  private closeInterval(): void {
    const current = this.intervals.at(-1);
    if (current && current.to === undefined) current.to = nowMs();
  }

  private async switchRoom(index: number): Promise<void> {
    const roomId = this.spec.rooms[index]!;
    this.closeInterval();
    this.openIndex = index;
    const started = nowMs();
    try {
      await this.client.open(roomId);
      this.hooks.joined(nowMs() - started);
      this.intervals.push({ roomId, from: nowMs() });
    } catch {
      this.hooks.joined('failed');
    }
  }

  private async reconnect(): Promise<void> {
    const current = this.intervals.at(-1);
    try {
      // The open room stays open across the cut: the catch-up must fill what was missed.
      await this.client.reconnect(1000);
      this.hooks.reconnected(true);
      if (!current || current.to !== undefined) this.intervals.push({ roomId: this.spec.rooms[this.openIndex]!, from: nowMs() });
    } catch {
      this.hooks.reconnected(false);
      this.closeInterval();
    }
  }
}
