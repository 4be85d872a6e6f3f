// The one place that writes to the chat store: sign-in, the socket's events and every
// request the UI makes. Components call these methods and read the store through selectors.
import type { FileRef, Message } from '../../common/protocol';
import type { Platform } from '../platform/platform';
import type { ChatSocket, SocketFactory } from './chat-socket';
import type { ChatStore } from './chat-store';
import { FileTransfers } from './file-transfers';
import { xhrUploader, type Uploader } from './file-upload';
import { deleteSession, fileDownloadUrl, normaliseServerUrl, postSession, type FetchFn } from './http-api';
import { fetchFileBlob } from './file-preview';
import { Drafts } from './drafts';
import { MessageActions, parsePermalinkPath } from './message-actions';
import type { MessageRef } from './message-ui-slice';
import { AccountApi } from './account-api';
import { Attention } from './attention';
import { initialAttentionState } from './attention-slice';
import { applyMessageUpdated } from './message-action-reducers';
import { MessageSender } from './message-sender';
import { searchMessages } from './message-search';
import { initialMessagesState } from './messages-slice';
import { initialMessageUiState } from './message-ui-slice';
import { Outbox } from './outbox';
import { ReadMarkers } from './read-markers';
import { GapRepair } from './seq-gap';
import { initialRoom } from './initial-room';
import * as reduce from './reducers';
import { errorOf, type Requester } from './requester';
import { initialRoomsState } from './rooms-slice';
import { initialRosterState } from './roster-slice';
import { initialSearchState } from './search-slice';
import { initialUploadsState } from './uploads-slice';
import type { UiError } from './ui-slice';

export interface ChatClientDeps {
  store: ChatStore;
  platform: Platform;
  connect: SocketFactory;
  fetch?: FetchFn;
  upload?: Uploader;
  newClientId?: () => string;
  /** Whether the window has the focus (tests pass their own). */
  isFocused?: () => boolean;
}

/** Catch-up after a reconnect is bounded so a long outage cannot loop forever. */
const MAX_CATCH_UP_PAGES = 20;

export { errorOf } from './requester';

export class ChatClient {
  private socket: ChatSocket | null = null;
  private connectedBefore = false;
  private joinCounter = 0;
  /** A permalink asked for before the first connection: opened instead of the last room. */
  private pendingPermalink: MessageRef | null = null;
  /** The last room the server remembers from any device (rooms:list `lastRoomId`). */
  private serverLastRoomId: string | null = null;
  private readonly fetchFn: FetchFn;
  private readonly files: FileTransfers;
  private readonly sender: MessageSender;
  private readonly outbox: Outbox;
  private readonly gaps = new GapRepair((roomId, afterSeq) => this.catchUp(roomId, afterSeq));
  /** Unread counts, follows and mention notifications (components call follow()/focused()). */
  readonly reads: ReadMarkers;
  /** Edit, delete, react, reply, jump to a message or a date (§11). */
  readonly actions: MessageActions;
  /** Composer drafts per room, kept across room switches and restarts. */
  readonly drafts: Drafts;
  /** Mentions, keyword alerts, invitations, notification levels, views, Settings (§12). */
  readonly attention: Attention;

  constructor(private readonly deps: ChatClientDeps) {
    this.fetchFn = deps.fetch ?? ((input, init) => fetch(input, init));
    this.outbox = new Outbox(deps.store, deps.platform, this.request);
    this.reads = new ReadMarkers(deps.store, this.request, {
      isFocused: deps.isFocused ?? (() => typeof document !== 'undefined' && document.hasFocus()),
    });
    this.drafts = new Drafts(deps.store, deps.platform);
    deps.platform.onPermalink((path) => this.openPermalink(path));
    this.actions = new MessageActions(deps.store, this.request, { openRoom: (roomId) => this.openRoom(roomId) });
    this.attention = new Attention(deps.store, this.request, deps.platform, this.reads, {
      openAt: (roomId, seq) => this.actions.jumpTo(roomId, seq),
      openRoom: (roomId) => this.openRoom(roomId),
    });
    this.sender = new MessageSender(
      deps.store,
      (roomId, clientId) => void this.outbox.submit(roomId, clientId),
      deps.newClientId ?? (() => crypto.randomUUID()),
    );
    this.files = new FileTransfers(
      deps.store,
      deps.upload ?? xhrUploader,
      (roomId, file) => this.send(roomId, '', file),
      () => this.sessionEnded(),
    );
  }

  private get store(): ChatStore {
    return this.deps.store;
  }

  private fail(error: UiError): void {
    this.store.setState({ error });
  }

  dismissError(): void {
    this.store.setState({ error: null });
  }

  /** Reopens the stored session, if any, so a reload keeps the user signed in. */
  async start(): Promise<void> {
    const settings = await this.deps.platform.loadSettings();
    const token = settings.serverUrl ? await this.deps.platform.loadToken(settings.serverUrl) : null;
    const { theme, language, notifyMentions, notifyAlerts } = settings;
    this.store.setState({ serverUrl: settings.serverUrl, preferences: { theme, language, notifyMentions, notifyAlerts } });
    if (token) this.open(settings.serverUrl, token);
    else this.store.setState({ status: 'signed-out' });
  }

  async signIn(serverInput: string, user: string, password: string): Promise<void> {
    const serverUrl = normaliseServerUrl(serverInput);
    if (!serverUrl) return this.fail({ key: 'errors.bad_server_url' });
    this.store.setState({ status: 'signing-in', error: null });
    const result = await postSession(this.fetchFn, serverUrl, user, password);
    if (!result.ok) {
      this.store.setState({ status: 'signed-out', error: result.error });
      return;
    }
    await this.deps.platform.saveToken(serverUrl, result.value.token);
    await this.deps.platform.saveSettings({ serverUrl });
    this.store.setState({ serverUrl, user: result.value.user });
    this.open(serverUrl, result.value.token);
  }

  async signOut(): Promise<void> {
    const { serverUrl, token } = this.store.getState();
    // Markers still waiting for their interval go out while the socket is open.
    this.reads.flush();
    // Forget the token locally first, so a reload right now cannot bring the session back;
    // then revoke it on the server before the UI moves on (bounded, and keepalive lets the
    // request finish even if the page goes away).
    await this.deps.platform.saveToken(serverUrl, null);
    // Our own socket goes first, so the server closing it on revocation reads as nothing.
    this.socket?.close();
    this.socket = null;
    if (token) await deleteSession(this.fetchFn, serverUrl, token);
    // Signing out on purpose also drops the unsent messages from storage (an ended session keeps them).
    await this.outbox.forget(serverUrl, this.store.getState().user?.id);
    await this.forgetLastRoom();
    this.teardown();
  }

  /**
   * The device's last room belongs to whoever was signed in: the next person on this browser must
   * not land in it. The same user loses nothing, the server remembers it (rooms:list `lastRoomId`).
   */
  private forgetLastRoom(): Promise<void> {
    return this.deps.platform.saveSettings({ lastRoomId: null });
  }

  /**
   * The server no longer takes the token (it expired, or was revoked: PROTOCOL §10), seen as the
   * socket's connect_error or an HTTP 401 `unauthorized`: back to the sign-in form, saying why.
   */
  sessionEnded(): void {
    void this.deps.platform.saveToken(this.store.getState().serverUrl, null);
    void this.forgetLastRoom();
    this.teardown({ key: 'errors.session_ended' });
  }

  /** Drops the socket and all chat data; the server URL stays for the next sign-in. */
  private teardown(error: UiError | null = null): void {
    // Unsent messages stay saved for this account's next sign-in; only memory is cleared.
    this.outbox.detach();
    this.drafts.detach();
    this.reads.reset();
    this.socket?.close();
    this.socket = null;
    this.connectedBefore = false;
    this.serverLastRoomId = null;
    this.files.cancel();
    this.store.setState({
      status: 'signed-out',
      token: null,
      user: null,
      error,
      ...initialRoomsState,
      ...initialMessagesState,
      ...initialMessageUiState,
      ...initialRosterState,
      ...initialUploadsState,
      ...initialSearchState,
      // The Settings choices belong to this device, not to the account: they stay.
      ...initialAttentionState,
      preferences: this.store.getState().preferences,
    });
  }

  private open(serverUrl: string, token: string): void {
    this.socket?.close();
    this.store.setState({ serverUrl, token, status: 'connecting' });
    const socket = this.deps.connect(serverUrl, token);
    this.socket = socket;
    socket.on('session', ({ user, config, serverVersion }) => {
      this.store.setState({ user, config, serverVersion });
      void this.outbox.attach(serverUrl, user.id);
      void this.drafts.attach(serverUrl, user.id);
    });
    socket.on('config:updated', ({ config }) => this.store.setState({ config }));
    socket.on('message:new', ({ message }) => {
      this.gaps.check(this.store.getState(), message);
      this.receive([message]);
    });
    socket.on('message:updated', ({ message }) => this.store.setState((s) => applyMessageUpdated(s, message)));
    socket.on('message:removed', ({ roomId, seq }) =>
      this.store.setState((s) => reduce.applyMessageRemoved(s, roomId, seq)),
    );
    socket.on('roster:update', (roster) =>
      this.store.setState((s) => ({ rosters: { ...s.rosters, [roster.roomId]: roster } })),
    );
    socket.on('room:updated', ({ room }) => {
      // A room filed under a category created since rooms:list: fetch the list again so it goes
      // under its category's name rather than "Other rooms" until a reload (issue 11).
      const unknownCategory = !this.store.getState().categories.some((category) => category.id === room.categoryId);
      this.store.setState((s) => reduce.applyRoomUpdated(s, room));
      if (unknownCategory) void this.refreshRooms();
    });
    socket.on('room:removed', ({ roomId }) => this.store.setState((s) => reduce.applyRoomRemoved(s, roomId)));
    socket.on('room:activity', (activity) => this.reads.activity(activity));
    socket.on('mention:new', (payload) => this.attention.mention(payload));
    socket.on('alert:match', (payload) => this.attention.alertMatch(payload));
    socket.on('room:invited', (payload) => this.attention.invited(payload));
    socket.onConnection({
      connect: () => void this.onConnected(socket),
      disconnect: (reason) => {
        if (this.socket !== socket) return;
        this.store.setState({ status: 'reconnecting' });
        // socket.io retries by itself except when the server closed the connection (e.g. the
        // token was revoked); try once more so an invalid token surfaces as connect_error.
        if (reason === 'io server disconnect') socket.reconnect();
      },
      connectError: (message) => {
        if (this.socket !== socket) return;
        if (message === 'unauthorized') this.sessionEnded();
      },
    });
  }

  private async onConnected(socket: ChatSocket): Promise<void> {
    if (this.socket !== socket) return;
    const rejoin = this.connectedBefore;
    this.connectedBefore = true;
    this.store.setState({ status: 'connected' });
    this.outbox.flush();
    await this.refreshRooms();
    void this.attention.loadAlerts();
    const { activeRoomId } = this.store.getState();
    if (rejoin && activeRoomId) {
      await this.join(activeRoomId, 'rejoin');
      return;
    }
    if (!rejoin) {
      const permalink = this.pendingPermalink;
      this.pendingPermalink = null;
      if (permalink) {
        await this.actions.jumpTo(permalink.roomId, permalink.seq);
        return;
      }
      const { lastRoomId } = await this.deps.platform.loadSettings();
      const roomId = initialRoom(this.store.getState().rooms, lastRoomId, this.serverLastRoomId);
      if (roomId && this.store.getState().activeRoomId === null) await this.openRoom(roomId);
    }
  }

  /** A permalink's path (`/r/<roomId>/<seq>`): its room opened at its message, once connected. */
  openPermalink(path: string): void {
    const target = parsePermalinkPath(path);
    if (!target) return;
    const { status, roomsLoaded } = this.store.getState();
    if (status === 'connected' && roomsLoaded) void this.actions.jumpTo(target.roomId, target.seq);
    else this.pendingPermalink = target;
  }

  async refreshRooms(): Promise<void> {
    const ack = await this.request('rooms:list', {});
    if (!ack?.ok) return;
    this.serverLastRoomId = ack.lastRoomId ?? null;
    this.store.setState({ rooms: ack.rooms, categories: ack.categories, roomsLoaded: true });
  }

  /** Sends a request; a timeout or a dropped connection becomes an alert and `null`. */
  // An arrow property, so helpers can be handed `this.request` directly.
  private readonly request: Requester = async (event, body) => {
    const socket = this.socket;
    if (!socket) return null;
    try {
      return await socket.request(event, body);
    } catch {
      if (this.socket === socket) this.fail({ key: 'errors.timeout' });
      return null;
    }
  };

  /** Searches one room or every readable room; a newer query replaces an older one's answer. */
  search(query: string, roomId: string | null): Promise<void> {
    return searchMessages(this.store, this.request, query, roomId);
  }

  closeSearch(): void {
    this.store.setState({ search: null });
  }

  async openRoom(roomId: string): Promise<void> {
    const previous = this.store.getState().activeRoomId;
    this.store.setState({ search: null, view: 'room' });
    if (previous === roomId) return;
    this.store.setState({ activeRoomId: roomId, closedNotice: null, error: null, editing: null, target: null });
    // Leaving keeps the roster honest: a user counts as a participant only where they look.
    // The read marker that waits for the room goes first, so other devices see it at once.
    if (previous) {
      this.reads.flush(previous);
      void this.request('room:leave', { roomId: previous });
    }
    void this.deps.platform.saveSettings({ lastRoomId: roomId });
    await this.join(roomId, 'fresh');
  }

  private async join(roomId: string, mode: 'fresh' | 'rejoin'): Promise<void> {
    const attempt = ++this.joinCounter;
    const lastSeq = this.store.getState().timelines[roomId]?.messages.at(-1)?.seq ?? 0;
    this.store.setState({ joining: mode === 'fresh' });
    const ack = await this.request('room:join', { roomId });
    // A later click won: this answer is for a room the user already left.
    if (attempt !== this.joinCounter || this.store.getState().activeRoomId !== roomId) return;
    this.store.setState({ joining: false });
    if (!ack) return;
    if (!ack.ok) {
      const summary = this.store.getState().rooms.find((room) => room.id === roomId);
      // A closed room the user is not a member of explains itself instead (closed-room.tsx).
      if (ack.error.code === 'forbidden' && summary?.privacy === 'closed') return;
      this.store.setState({ activeRoomId: null, error: errorOf(ack.error) });
      return;
    }
    this.store.setState((s) => reduce.applyJoin(s, ack, mode));
    this.reads.joined(roomId);
    const first = ack.messages[0];
    if (mode === 'rejoin' && lastSeq > 0 && ack.room.chatHistory && first && first.seq > lastSeq + 1) {
      await this.catchUp(roomId, lastSeq);
    }
  }

  /** Fills the gap between what was shown before a disconnect and the rejoin window. */
  private async catchUp(roomId: string, afterSeq: number): Promise<void> {
    let cursor = afterSeq;
    for (let page = 0; page < MAX_CATCH_UP_PAGES; page += 1) {
      const ack = await this.request('messages:since', { roomId, afterSeq: cursor });
      if (!ack?.ok) return;
      this.receive(ack.messages);
      const last = ack.messages.at(-1);
      if (!ack.hasMore || !last) return;
      cursor = last.seq;
    }
  }

  private receive(messages: Message[]): void {
    const byRoom = new Map<string, Message[]>();
    for (const message of messages) byRoom.set(message.roomId, [...(byRoom.get(message.roomId) ?? []), message]);
    for (const [roomId, list] of byRoom) {
      this.store.setState((s) => reduce.applyNewMessages(s, roomId, list));
      this.reads.received(roomId, list);
    }
  }

  async loadOlder(roomId: string): Promise<void> {
    const state = this.store.getState();
    const timeline = state.timelines[roomId];
    const oldest = timeline?.messages[0];
    if (!timeline || !oldest || !timeline.hasMore || timeline.loadingOlder) return;
    const limit = Math.min(200, Math.max(1, state.config.defaultChatHistory));
    this.store.setState((s) => reduce.applyLoadingOlder(s, roomId, true));
    const ack = await this.request('room:history', { roomId, beforeSeq: oldest.seq, limit });
    if (ack?.ok) {
      this.store.setState((s) => reduce.applyOlder(s, roomId, ack.messages, ack.hasMore));
      return;
    }
    this.store.setState((s) => reduce.applyLoadingOlder(s, roomId, false));
    if (ack && !ack.ok) {
      if (ack.error.code === 'history_disabled') this.store.setState((s) => reduce.applyOlder(s, roomId, [], false));
      this.fail(errorOf(ack.error));
    }
  }

  /** Queues a message; false when the text was refused locally (the composer keeps it then). */
  send(roomId: string, rawText: string, attachment?: FileRef): boolean {
    return this.sender.send(roomId, rawText, attachment);
  }

  /** Resending reuses the clientId: the server stores it once however often it arrives. */
  retry(roomId: string, clientId: string): void {
    this.outbox.retry(roomId, clientId);
  }

  /** Drops a message that was not sent, from the screen and from storage. */
  discard(roomId: string, clientId: string): void {
    this.outbox.discard(roomId, clientId);
  }

  /** Refuses a file over the limit before any byte leaves; otherwise uploads it, then posts it. */
  attachFile(roomId: string, file: File): Promise<void> {
    return this.files.attach(roomId, file);
  }

  cancelUpload(): void {
    this.files.cancel();
  }

  /** An image attachment's bytes for its thumbnail; null when it is not previewable or failed. */
  fetchFile(file: FileRef): Promise<Blob | null> {
    const { serverUrl, token } = this.store.getState();
    return token ? fetchFileBlob(this.fetchFn, serverUrl, token, file) : Promise.resolve(null);
  }

  /** The signed-in user's sessions and password (Settings → Sessions); null when signed out. */
  account(): AccountApi | null {
    const { serverUrl, token } = this.store.getState();
    return token ? new AccountApi(this.fetchFn, serverUrl, token) : null;
  }

  fileUrl(fileId: string): string {
    const { serverUrl, token } = this.store.getState();
    return fileDownloadUrl(serverUrl, fileId, token ?? '');
  }
}
