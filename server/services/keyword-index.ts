// The inverted index of keyword alerts (PROTOCOL §12): keyword → alerts, kept in memory so that
// matching a stored message costs one pass over its words and one map lookup per word, whatever
// the number of alerts. A keyword is filed under its first word; multi-word keywords (and those
// with punctuation, "c++", "e-mail") are verified where that word occurs. A keyword matches as
// a whole word, case-insensitively: no letter, digit or "_" right before or after it where its
// own first or last character is one (the `\b` rule). Keywords without any word character
// ("!!!") cannot be filed by a word; the few there are get a substring test.
import type { AlertRecord } from '../storage/attention-storage';

const WORD_RUN = /[\p{L}\p{N}_]+/gu;
const WORD = /^[\p{L}\p{N}_]$/u;

export const foldKeyword = (keyword: string): string => keyword.trim().toLowerCase();

interface Entry {
  alert: AlertRecord;
  /** The folded keyword. */
  keyword: string;
  /** Where its first word starts inside it (0 unless it starts with punctuation). */
  offset: number;
  /** The keyword is exactly its first word: finding the word is the match. */
  exact: boolean;
  /** Its last character is a word character, so the text must not go on with one. */
  endsInWord: boolean;
}

function isWordAt(text: string, index: number): boolean {
  const cp = text.codePointAt(index);
  return cp !== undefined && WORD.test(String.fromCodePoint(cp));
}

function lastIsWord(text: string): boolean {
  const last = [...text].at(-1);
  return last !== undefined && WORD.test(last);
}

export class KeywordIndex {
  private readonly byWord = new Map<string, Set<Entry>>();
  private readonly wordless = new Set<Entry>();
  private readonly byUser = new Map<string, Entry[]>();
  private readonly alertsPerUser = new Map<string, number>();

  /** Replaces everything filed for the user by these alerts (none = the user has no alerts). */
  setUser(userId: string, alerts: readonly AlertRecord[]): void {
    for (const entry of this.byUser.get(userId) ?? []) this.unfile(entry);
    const entries = alerts.flatMap((alert) => [...new Set(alert.keywords.map(foldKeyword))].filter((k) => k !== '').map((k) => entryFor(alert, k)));
    for (const entry of entries) this.file(entry);
    if (entries.length > 0) this.byUser.set(userId, entries);
    else this.byUser.delete(userId);
    if (alerts.length > 0) this.alertsPerUser.set(userId, alerts.length);
    else this.alertsPerUser.delete(userId);
  }

  /** Replaces the whole index (at start). */
  load(alerts: readonly AlertRecord[]): void {
    const byUser = new Map<string, AlertRecord[]>();
    for (const alert of alerts) byUser.set(alert.userId, [...(byUser.get(alert.userId) ?? []), alert]);
    for (const userId of [...this.alertsPerUser.keys()]) if (!byUser.has(userId)) this.setUser(userId, []);
    for (const [userId, list] of byUser) this.setUser(userId, list);
  }

  /** How many alerts are filed. */
  get size(): number {
    let total = 0;
    for (const count of this.alertsPerUser.values()) total += count;
    return total;
  }

  /** The alerts whose keywords the text contains, each once, keyed by alert id. */
  match(text: string): Map<string, AlertRecord> {
    const matched = new Map<string, AlertRecord>();
    if (this.byWord.size === 0 && this.wordless.size === 0) return matched;
    const folded = text.toLowerCase();
    for (const found of folded.matchAll(WORD_RUN)) {
      const entries = this.byWord.get(found[0]);
      if (!entries) continue;
      for (const entry of entries) {
        if (matched.has(entry.alert.id)) continue;
        if (entry.exact || verify(folded, found.index, entry)) matched.set(entry.alert.id, entry.alert);
      }
    }
    for (const entry of this.wordless) if (!matched.has(entry.alert.id) && folded.includes(entry.keyword)) matched.set(entry.alert.id, entry.alert);
    return matched;
  }

  private file(entry: Entry): void {
    const word = firstWord(entry.keyword);
    if (word === undefined) {
      this.wordless.add(entry);
      return;
    }
    let set = this.byWord.get(word);
    if (!set) {
      set = new Set();
      this.byWord.set(word, set);
    }
    set.add(entry);
  }

  private unfile(entry: Entry): void {
    const word = firstWord(entry.keyword);
    if (word === undefined) {
      this.wordless.delete(entry);
      return;
    }
    const set = this.byWord.get(word);
    set?.delete(entry);
    if (set?.size === 0) this.byWord.delete(word);
  }
}

function firstWord(keyword: string): string | undefined {
  return keyword.match(new RegExp(WORD_RUN.source, 'u'))?.[0];
}

function entryFor(alert: AlertRecord, keyword: string): Entry {
  const word = keyword.match(new RegExp(WORD_RUN.source, 'u'));
  return {
    alert,
    keyword,
    offset: word?.index ?? 0,
    exact: word?.[0] === keyword,
    endsInWord: lastIsWord(keyword),
  };
}

/** The keyword stands in the text where its first word was found at `wordStart`. */
function verify(folded: string, wordStart: number, entry: Entry): boolean {
  const start = wordStart - entry.offset;
  if (start < 0 || !folded.startsWith(entry.keyword, start)) return false;
  // The first word starts a run of word characters, so nothing sticks to its left.
  return !entry.endsInWord || !isWordAt(folded, start + entry.keyword.length);
}
