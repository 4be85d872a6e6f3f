import { describe, expect, it } from 'vitest';
import { DomainEventBus } from './events';

describe('DomainEventBus.subscribe', () => {
  it('adds every handler and the returned function removes exactly those', () => {
    const bus = new DomainEventBus();
    const heard: string[] = [];
    const other = (roomId: string) => heard.push(`other ${roomId}`);
    bus.on('room:deleted', other);

    const unsubscribe = bus.subscribe({
      'room:changed': (roomId) => heard.push(`changed ${roomId}`),
      'room:deleted': (roomId) => heard.push(`deleted ${roomId}`),
    });
    bus.emit('room:changed', 'r1', undefined);
    bus.emit('room:deleted', 'r1', undefined);
    expect(heard).toEqual(['changed r1', 'other r1', 'deleted r1']);

    unsubscribe();
    heard.length = 0;
    bus.emit('room:changed', 'r2', undefined);
    bus.emit('room:deleted', 'r2', undefined);
    expect(heard).toEqual(['other r2']);
    expect(bus.listenerCount('room:changed')).toBe(0);
  });
});
