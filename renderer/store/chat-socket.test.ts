import { describe, expect, it, vi } from 'vitest';

const io = vi.hoisted(() => vi.fn(() => ({ on: vi.fn(), connect: vi.fn(), disconnect: vi.fn() })));
vi.mock('socket.io-client', () => ({ io }));

import { connectSocketIo, RECONNECT_OPTIONS } from './chat-socket';

describe('connectSocketIo', () => {
  it('reconnects forever with exponential backoff and jitter, under the server path', () => {
    connectSocketIo('https://chat.example.com/pchat/', 'tok');
    expect(io).toHaveBeenCalledWith('https://chat.example.com', {
      auth: { token: 'tok' },
      path: '/pchat/socket.io',
      ...RECONNECT_OPTIONS,
    });
    expect(RECONNECT_OPTIONS.randomizationFactor).toBeGreaterThan(0);
    expect(RECONNECT_OPTIONS.reconnectionDelayMax).toBeGreaterThan(RECONNECT_OPTIONS.reconnectionDelay);
  });
});
