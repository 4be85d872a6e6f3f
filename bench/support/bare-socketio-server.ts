// The benchmarks' baseline: a bare socket.io server that answers the same client behaviour as
// pchat (sign-in, rooms:list, room:join, message:send, room:read, room:follow, messages:since,
// room:history, room:leave) from plain in-memory maps, with no validation, authorization,
// storage or roster. It is the ceiling pchat's own work is paid out of: a figure beside it says
// what pchat's rules and durability cost. Prints the same `listening on http://HOST:PORT` line
// as pchat so both start the same way. Arguments (e.g. `--tag`, used to find the pid) are ignored.
//
// BARE_ROOMS_LIST=<file>: rooms:list answers with the answer recorded in that file (scale-1m.ts
// records pchat's own), so both servers send the same bytes and the baseline's only work is
// socket.io's encode and write.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';

interface StoredMessage {
  roomId: string;
  seq: number;
  id: string;
  clientId: string;
  senderId: string;
  senderName: string;
  text: string;
  createdAt: string;
  file: null;
}
type Answer = Record<string, unknown>;
type Ack = (answer: Answer) => void;

const HISTORY = 30; // pchat's default defaultChatHistory
const SINCE_PAGE = 500; // PROTOCOL: messages:since answers at most 500 a call
const rooms = new Map<string, StoredMessage[]>();
const markers = new Map<string, number>(); // `${userId}\n${roomId}` → last read seq
const follows = new Map<string, Set<string>>(); // userId → followed room ids

const messagesOf = (roomId: string) => rooms.get(roomId) ?? (rooms.set(roomId, []), rooms.get(roomId)!);
const lastSeq = (roomId: string) => messagesOf(roomId).at(-1)?.seq ?? 0;
const followRoom = (roomId: string) => `follow:${roomId}`;
const recordedRoomsList = process.env.BARE_ROOMS_LIST ? (JSON.parse(readFileSync(process.env.BARE_ROOMS_LIST, 'utf8')) as Answer) : undefined;

function summary(roomId: string, userId: string, joined: boolean) {
  return {
    id: roomId,
    name: roomId,
    description: '',
    categoryId: 'bare',
    type: 'normal',
    privacy: 'open',
    disabled: false,
    joined,
    isMember: true,
    canManage: false,
    followed: follows.get(userId)?.has(roomId) ?? false,
    lastSeq: lastSeq(roomId),
    lastReadSeq: markers.get(`${userId}\n${roomId}`) ?? 0,
  };
}

const http = createServer((request, response) => {
  // POST /api/session: any name signs in; the token names the user.
  if (request.method !== 'POST' || request.url !== '/api/session') {
    response.writeHead(404).end();
    return;
  }
  let body = '';
  request.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
  request.on('end', () => {
    const { user } = JSON.parse(body) as { user: string };
    const answer = { token: `bare:${user}`, user: { id: user, name: user, displayName: user, roles: ['user'] }, expiresAt: new Date(Date.now() + 86_400_000).toISOString() };
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
  });
});

const io = new Server(http);
io.on('connection', (socket) => {
  const token = (socket.handshake.auth as { token?: unknown }).token;
  const userId = typeof token === 'string' ? token.replace(/^bare:/, '') : 'anonymous';
  void socket.join(`user:${userId}`);
  for (const roomId of follows.get(userId) ?? []) void socket.join(followRoom(roomId));
  socket.emit('session', { user: { id: userId, name: userId, displayName: userId, roles: ['user'] }, config: {}, serverVersion: 'bare' });

  const handlers: Record<string, (request: Answer) => Answer> = {
    'rooms:list': () => recordedRoomsList ?? { rooms: [...rooms.keys()].map((roomId) => summary(roomId, userId, socket.rooms.has(roomId))), categories: [] },
    'room:join': ({ roomId }) => {
      const id = String(roomId);
      void socket.join(id);
      const messages = messagesOf(id);
      const count = io.sockets.adapter.rooms.get(id)?.size ?? 0;
      return {
        room: { ...summary(id, userId, true), addin: null, canPost: true, fileUpload: true, chatHistory: true, managers: [], presenters: [] },
        messages: messages.slice(-HISTORY),
        hasMore: messages.length > HISTORY,
        roster: { roomId: id, count, truncated: true, participants: null },
      };
    },
    'room:leave': ({ roomId }) => (void socket.leave(String(roomId)), {}),
    'message:send': ({ roomId, clientId, text }) => {
      const id = String(roomId);
      const messages = messagesOf(id);
      const seq = lastSeq(id) + 1;
      const message: StoredMessage = {
        roomId: id,
        seq,
        id: `${id}:${seq}`,
        clientId: String(clientId),
        senderId: userId,
        senderName: userId,
        text: String(text),
        createdAt: new Date().toISOString(),
        file: null,
      };
      messages.push(message);
      io.to(id).emit('message:new', { message });
      io.to(followRoom(id)).emit('room:activity', { roomId: id, lastSeq: seq });
      return { message };
    },
    'messages:since': ({ roomId, afterSeq }) => {
      const after = messagesOf(String(roomId)).filter((message) => message.seq > Number(afterSeq));
      return { messages: after.slice(0, SINCE_PAGE), hasMore: after.length > SINCE_PAGE };
    },
    'room:history': ({ roomId, beforeSeq, limit }) => {
      const before = messagesOf(String(roomId)).filter((message) => message.seq < Number(beforeSeq));
      return { messages: before.slice(-Number(limit)), hasMore: before.length > Number(limit) };
    },
    'room:read': ({ roomId, seq }) => {
      const key = `${userId}\n${String(roomId)}`;
      const read = Math.max(markers.get(key) ?? 0, Math.min(Number(seq), lastSeq(String(roomId))));
      markers.set(key, read);
      return { lastReadSeq: read };
    },
    'room:follow': ({ roomId, follow }) => {
      const id = String(roomId);
      const mine = follows.get(userId) ?? (follows.set(userId, new Set()), follows.get(userId)!);
      if (follow === true) mine.add(id);
      else mine.delete(id);
      const everySocket = io.in(`user:${userId}`);
      if (follow === true) everySocket.socketsJoin(followRoom(id));
      else everySocket.socketsLeave(followRoom(id));
      return {};
    },
  };

  socket.onAny((event: string, ...args: unknown[]) => {
    const ack = args.at(-1);
    if (typeof ack !== 'function') return;
    const handler = handlers[event];
    const answer = handler
      ? { ok: true, ...handler((args[0] ?? {}) as Answer) }
      : { ok: false, error: { code: 'bad_request', message: `${event} is not part of the baseline` } };
    (ack as Ack)(answer);
  });
});

http.listen(0, '127.0.0.1', () => {
  const { port } = http.address() as AddressInfo;
  console.log(`listening on http://127.0.0.1:${port}`);
});
process.on('SIGTERM', () => void io.close(() => process.exit(0)));
