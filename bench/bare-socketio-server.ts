// The benchmark baseline: a bare socket.io server that acks and broadcasts the same payloads as
// pchat's message path, with no validation, authorization or storage. It prints the same
// `listening on http://HOST:PORT` line as the pchat server so the bench starts both the same way.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';

type Ack = (answer: { ok: true }) => void;

const http = createServer();
const io = new Server(http);
io.on('connection', (socket) => {
  socket.on('room:join', ({ roomId }: { roomId: string }, ack: Ack) => {
    void socket.join(roomId);
    ack({ ok: true });
  });
  socket.on('message:send', (request: { roomId: string; clientId: string; text: string }, ack: Ack) => {
    ack({ ok: true });
    io.to(request.roomId).emit('message:new', { message: { ...request, seq: 0, createdAt: new Date().toISOString() } });
  });
});
http.listen(0, '127.0.0.1', () => {
  const { port } = http.address() as AddressInfo;
  console.log(`listening on http://127.0.0.1:${port}`);
});
process.on('SIGTERM', () => void io.close(() => process.exit(0)));
