// The one mention rule (PROTOCOL §12), for the client and the server alike: "@name",
// "@Display Name" or '@"Display Name"', case-insensitive, not as part of a longer word — the "@"
// does not follow a letter, digit or "_" (so "bob@alice.org" mentions nobody) and an unquoted
// name is not followed by one (so "@al" does not mention "alice", nor "@alicex").
//
// The server resolves every name of a message against thousands of users, so names are kept in a
// trie of their lower-cased letters: each "@" of a message walks it only as far as some name
// still fits, whatever the number of users. The client builds one for a single user.
import type { User } from './protocol';

const WORD = /[\p{L}\p{N}_]/u;

/** Is the code point that starts at `index` a word character? (false past the end) */
function wordAt(text: string, index: number): boolean {
  const cp = text.codePointAt(index);
  if (cp === undefined) return false;
  // ASCII without the regular expression: most text is, and every "@" asks twice.
  if (cp < 0x80) return (cp >= 0x30 && cp <= 0x39) || (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a) || cp === 0x5f;
  return WORD.test(String.fromCodePoint(cp));
}

/** Is the code point that ends just before `index` a word character? (false at the start) */
function wordBefore(text: string, index: number): boolean {
  if (index <= 0) return false;
  const low = text.charCodeAt(index - 1);
  const start = low >= 0xdc00 && low <= 0xdfff && index >= 2 ? index - 2 : index - 1;
  return wordAt(text, start);
}

interface TrieNode<T> {
  next: Map<string, TrieNode<T>>;
  values: T[];
}

const node = <T>(): TrieNode<T> => ({ next: new Map(), values: [] });

/** The form names are compared in. Both sides fold the whole string the same way. */
export const foldName = (name: string): string => name.trim().toLowerCase();

export class MentionMatcher<T> {
  private readonly root: TrieNode<T> = node();

  /** `entries`: each name (a user name or display name) with what a mention of it means. */
  constructor(entries: Iterable<readonly [name: string, value: T]> = []) {
    for (const [name, value] of entries) this.add(name, value);
  }

  add(name: string, value: T): void {
    const folded = foldName(name);
    if (folded === '') return;
    let at = this.root;
    for (const char of folded) {
      let child = at.next.get(char);
      if (!child) {
        child = node();
        at.next.set(char, child);
      }
      at = child;
    }
    if (!at.values.includes(value)) at.values.push(value);
  }

  /** Everything the text mentions, each once. */
  find(text: string): Set<T> {
    const found = new Set<T>();
    const folded = text.toLowerCase();
    for (let at = folded.indexOf('@'); at >= 0; at = folded.indexOf('@', at + 1)) {
      if (wordBefore(folded, at)) continue;
      if (folded[at + 1] === '"') this.walk(folded, at + 2, (end) => folded[end] === '"', found);
      else this.walk(folded, at + 1, (end) => !wordAt(folded, end), found);
    }
    return found;
  }

  /** Follows the trie from `start`; every name that ends where `ends` agrees is a mention. */
  private walk(folded: string, start: number, ends: (end: number) => boolean, found: Set<T>): void {
    let at: TrieNode<T> | undefined = this.root;
    let index = start;
    while (index < folded.length) {
      const cp = folded.codePointAt(index)!;
      const unit = String.fromCodePoint(cp);
      at = at.next.get(unit);
      if (!at) return;
      index += unit.length;
      if (at.values.length > 0 && ends(index)) for (const value of at.values) found.add(value);
    }
  }
}

/** Whether the text mentions this user (by name or display name). */
export function mentions(text: string, user: Pick<User, 'name' | 'displayName'> | null): boolean {
  if (!user) return false;
  return new MentionMatcher([[user.name, true] as const, [user.displayName, true] as const]).find(text).size > 0;
}
