// Attention (PROTOCOL §12) for the UI, a helper of the socket bridge: mentions from any room,
// keyword alerts and their live matches, invitations, the per-room notification level, which
// main view is shown, and the Settings choices. The bridge hands it the three pushes; components
// call its methods through `client.attention`.
import type { Alert, AlertMatch, MentionNew, NotifyLevel, RoomInvited } from '../../common/attention-protocol';
import type { Message, RoomSummary } from '../../common/protocol';
import type { Platform } from '../platform/platform';
import { MAX_ALERT_MATCHES, type MainView, type Preferences } from './attention-slice';
import type { ChatState, ChatStore } from './chat-store';
import type { ReadMarkers } from './read-markers';
import { errorOf, type Requester } from './requester';
import { upsertSummary } from './rooms-slice';
import type { UiError } from './ui-slice';

export interface AttentionHost {
  /** Opens the room scrolled to the message (store/message-actions.ts jumpTo). */
  openAt(roomId: string, seq: number): Promise<unknown>;
  openRoom(roomId: string): Promise<unknown>;
}

export interface AlertInput {
  id?: string;
  name: string;
  keywords: string[];
  /** null = every room the user may read. */
  roomIds: string[] | null;
}

/** Longest body of a notification: an excerpt, not the whole message. */
const NOTIFY_BODY_CHARS = 200;

function patchRoom(state: ChatState, roomId: string, patch: Partial<RoomSummary>): Partial<ChatState> {
  const index = state.rooms.findIndex((room) => room.id === roomId);
  const room = state.rooms[index];
  if (!room) return {};
  const rooms = state.rooms.slice();
  rooms[index] = { ...room, ...patch };
  return { rooms };
}

/** The total the tab title and the dock badge show. */
export function totalMentions(rooms: readonly RoomSummary[]): number {
  let total = 0;
  for (const room of rooms) total += room.mentions ?? 0;
  return total;
}

export class Attention {
  constructor(
    private readonly store: ChatStore,
    private readonly request: Requester,
    private readonly platform: Platform,
    private readonly reads: ReadMarkers,
    private readonly host: AttentionHost,
  ) {}

  private level(roomId: string): NotifyLevel {
    return this.store.getState().rooms.find((room) => room.id === roomId)?.notify ?? 'all';
  }

  private notify(title: string, message: Message): void {
    const body = message.text.length > NOTIFY_BODY_CHARS ? `${message.text.slice(0, NOTIFY_BODY_CHARS)}…` : message.text;
    this.platform.notify(title, body, () => void this.host.openAt(message.roomId, message.seq));
  }

  /** mention:new — counted unless the user is reading the room; notified unless muted. */
  mention({ message, roomName }: MentionNew): void {
    const counted = this.reads.mentioned(message);
    const { preferences } = this.store.getState();
    if (counted && preferences.notifyMentions && this.level(message.roomId) !== 'none') {
      this.notify(`${message.senderName} · ${roomName}`, message);
    }
  }

  /** alert:match — newest first in the "Alerts" view; counted while the view is not shown. */
  alertMatch(match: AlertMatch): void {
    const { message } = match;
    const state = this.store.getState();
    const duplicate = state.alertMatches.some(
      (m) => m.alertId === match.alertId && m.message.roomId === message.roomId && m.message.seq === message.seq,
    );
    if (duplicate) return;
    const looking = state.view === 'alerts';
    this.store.setState((s) => ({
      alertMatches: [match, ...s.alertMatches].slice(0, MAX_ALERT_MATCHES),
      unseenAlertMatches: looking ? 0 : s.unseenAlertMatches + 1,
    }));
    const alert = state.alerts.find((candidate) => candidate.id === match.alertId);
    if (state.preferences.notifyAlerts && this.level(message.roomId) === 'all' && !looking) {
      this.notify(`${alert?.name ?? match.roomName} · ${match.roomName}`, message);
    }
  }

  /** room:invited — the room shows in the list as an invitation until accepted or declined. */
  invited({ room, by }: RoomInvited): void {
    this.store.setState((s) => ({
      rooms: upsertSummary(s.rooms, { ...room, invited: true }),
      invitedBy: { ...s.invitedBy, [room.id]: by },
    }));
  }

  /** Accepting joins the room (which ends the invitation on the server); declining tells it so. */
  async answerInvitation(roomId: string, accept: boolean): Promise<void> {
    if (accept) {
      this.store.setState((s) => patchRoom(s, roomId, { invited: false }));
      await this.host.openRoom(roomId);
      return;
    }
    const ack = await this.request('room:invitation', { roomId, accept: false });
    if (!ack) return;
    if (!ack.ok) {
      this.fail(errorOf(ack.error));
      return;
    }
    this.store.setState((s) => patchRoom(s, roomId, { invited: false }));
  }

  async setNotifyLevel(roomId: string, level: NotifyLevel): Promise<void> {
    const before = this.level(roomId);
    this.store.setState((s) => patchRoom(s, roomId, { notify: level }));
    const ack = await this.request('room:notify', { roomId, level });
    if (ack?.ok) return;
    this.store.setState((s) => patchRoom(s, roomId, { notify: before }));
    if (ack) this.fail(errorOf(ack.error));
  }

  async loadAlerts(): Promise<void> {
    const ack = await this.request('alerts:list', {});
    if (ack?.ok) this.store.setState({ alerts: ack.alerts, alertsLoaded: true });
  }

  /** Creates or edits an alert; answers the stored alert, or null (the alert says why). */
  async saveAlert(input: AlertInput): Promise<Alert | null> {
    const body = { name: input.name, keywords: input.keywords, roomIds: input.roomIds, ...(input.id ? { id: input.id } : {}) };
    const ack = await this.request('alert:save', body);
    if (!ack) return null;
    if (!ack.ok) {
      this.fail(errorOf(ack.error));
      return null;
    }
    const saved = ack.alert;
    this.store.setState((s) => {
      const index = s.alerts.findIndex((alert) => alert.id === saved.id);
      const alerts = index === -1 ? [...s.alerts, saved] : s.alerts.map((alert) => (alert.id === saved.id ? saved : alert));
      return { alerts };
    });
    return saved;
  }

  async deleteAlert(id: string): Promise<boolean> {
    const ack = await this.request('alert:delete', { id });
    if (!ack) return false;
    if (!ack.ok) {
      this.fail(errorOf(ack.error));
      return false;
    }
    this.store.setState((s) => ({
      alerts: s.alerts.filter((alert) => alert.id !== id),
      alertMatches: s.alertMatches.filter((match) => match.alertId !== id),
    }));
    return true;
  }

  /** Shows a main view; looking at "Alerts" sees its matches. */
  show(view: MainView): void {
    this.store.setState(view === 'alerts' ? { view, unseenAlertMatches: 0, search: null } : { view, search: null });
  }

  /** Applies a Settings choice at once and remembers it through the platform. */
  async setPreferences(patch: Partial<Preferences>): Promise<void> {
    this.store.setState((s) => ({ preferences: { ...s.preferences, ...patch } }));
    await this.platform.saveSettings(patch);
  }

  private fail(error: UiError): void {
    this.store.setState({ error });
  }
}
