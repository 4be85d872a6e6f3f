// A multipart upload written slowly over a raw socket, to see when the server answers and
// whether the connection survives until the client has read that answer.
import net from 'node:net';

export interface SlowUploadResult {
  /** Bytes of file content written when the first response bytes arrived. */
  sentWhenAnswered: number;
  statusLine: string;
  body: string;
  error?: string;
}

export function slowUpload(baseUrl: string, roomId: string, token: string, totalBytes: number, chunk = 64 * 1024): Promise<SlowUploadResult> {
  const { hostname, port } = new URL(baseUrl);
  const boundary = 'pchat-test-boundary';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  const tail = `\r\n--${boundary}--\r\n`;
  return new Promise((resolve) => {
    const socket = net.connect(Number(port), hostname);
    let sent = 0;
    let sentWhenAnswered = -1;
    let response = '';
    let error: string | undefined;
    socket.write(
      `POST /api/rooms/${roomId}/files HTTP/1.1\r\nHost: ${hostname}\r\nAuthorization: Bearer ${token}\r\n` +
        `Content-Type: multipart/form-data; boundary=${boundary}\r\nContent-Length: ${head.length + totalBytes + tail.length}\r\n\r\n${head}`,
    );
    const timer = setInterval(() => {
      if (socket.destroyed) return clearInterval(timer);
      if (sent >= totalBytes) {
        clearInterval(timer);
        socket.end(tail);
        return;
      }
      const n = Math.min(chunk, totalBytes - sent);
      socket.write(Buffer.alloc(n, 0x62));
      sent += n;
    }, 5);
    socket.on('data', (data: Buffer) => {
      if (sentWhenAnswered < 0) sentWhenAnswered = sent;
      response += data.toString('utf8');
    });
    socket.on('error', (e) => (error = e.message));
    socket.on('close', () => {
      clearInterval(timer);
      const [statusLine = '', rest = ''] = response.split('\r\n', 1).concat(response.split('\r\n\r\n').slice(1).join('\r\n\r\n'));
      resolve({ sentWhenAnswered, statusLine, body: rest, error });
    });
  });
}
