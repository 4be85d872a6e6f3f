// rooms:list's floor on this machine: bare socket.io answering pchat's own rooms:list, recorded
// from a pchat client of the same run, from memory (support/bare-socketio-server.ts with
// BARE_ROOMS_LIST). The same bytes over the same transport to the same kind of client, asked the
// same way (one at a time, round-robin over as many connections), with no work but socket.io's
// encode and write: what is left of pchat's figure above it is pchat's own work.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signIn } from '../support/admin-api';
import { startBare } from '../support/bench-servers';
import { RealClient } from '../support/real-client';
import { type Timed, timeEach } from './latency-probes';

export async function bareRoomsList(answer: object, connections: number, samples: number): Promise<Timed> {
  const dir = await mkdtemp(join(tmpdir(), 'pchat-bare-list-'));
  const file = join(dir, 'rooms-list.json');
  await writeFile(file, JSON.stringify(answer));
  const server = await startBare({ env: { BARE_ROOMS_LIST: file } });
  const clients: RealClient[] = [];
  try {
    for (let i = 0; i < connections; i += 1) {
      const session = await signIn(server.url, { name: `lister-${i}`, password: 'any' });
      clients.push(new RealClient({ url: server.url, session, focused: false }));
    }
    await Promise.all(clients.map((client) => client.connect()));
    let turn = 0;
    const ask = () => clients[turn++ % clients.length]!.request('rooms:list', {});
    await timeEach(5, ask);
    return await timeEach(samples, ask);
  } finally {
    for (const client of clients) client.close();
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
}
