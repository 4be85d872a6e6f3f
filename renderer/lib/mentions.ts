// Whether a message mentions the user: "@name" or "@Display Name", case-insensitive, not as
// part of a longer word (so "@al" does not mention "alice").
import type { User } from '../../common/protocol';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function mentions(text: string, user: Pick<User, 'name' | 'displayName'> | null): boolean {
  if (!user) return false;
  const names = [user.name, user.displayName].filter((name) => name.trim() !== '').map(escapeRegExp);
  if (names.length === 0) return false;
  return new RegExp(`(^|[^\\p{L}\\p{N}_])@(${names.join('|')})(?![\\p{L}\\p{N}_])`, 'iu').test(text);
}
