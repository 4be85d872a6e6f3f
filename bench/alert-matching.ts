// Keyword alerts and mentions on the send path (PROTOCOL §12, DESIGN §4b): how many stored
// messages per second the server's matchers handle with 10,000 alerts and 5,000 users, beside
// the naive way in the same run — a loop over every alert (a whole-word substring search per
// keyword) and, for mentions, a loop over every user (a search for each of their two names). Both sides must find
// the same matches; the run says so. In-process: these are the pieces `AttentionService.stored`
// calls per message, with no socket or store in between.
//
//   npx tsx bench/alert-matching.ts [--quick] [--alerts 10000] [--users 5000] [--seconds 3]
import { MentionMatcher } from '../common/mentions';
import { KeywordIndex } from '../server/services/keyword-index';
import type { AlertRecord } from '../server/storage/attention-storage';
import { describeRun } from './support/machine';
import { deadline, numberOption, parseBenchArgs } from './support/run-guard';
import { table, verdict } from './support/stats';

const options = parseBenchArgs({ alerts: '', users: '', seconds: '' });
const alertCount = numberOption(options, 'alerts', 10_000);
const userCount = numberOption(options, 'users', 5_000);
const seconds = numberOption(options, 'seconds', 3, 0.5);
deadline('alert-matching', 600);

// A deterministic world: words of an invented language, Zipf-like so some are common.
// mulberry32: the low bits of a plain LCG repeat too soon for draws this large.
let seed = 12345;
const random = (n: number) => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return Math.floor((((t ^ (t >>> 14)) >>> 0) / 2 ** 32) * n);
};
const syllables = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'ti', 'vo', 'ze', 'pa', 'do', 'gi', 'hu', 'fe', 'by'];
const vocabulary = Array.from({ length: 200_000 }, (_, i) => {
  let word = '';
  for (let n = i + 1; n > 0; n = Math.floor(n / syllables.length)) word += syllables[n % syllables.length];
  return word;
});
/** Everyday words: the first 2,000, skewed towards the first, as real text is. */
const HEAD = 2_000;
const pick = () => vocabulary[Math.floor(HEAD * (random(10_000) / 10_000) ** 3)]!;
/** Rarer words (names, products, tickers): what people set alerts on, and one word in ten of text. */
const anyWord = () => vocabulary[HEAD + random(vocabulary.length - HEAD)]!;

function makeAlerts(count: number): AlertRecord[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `a${i}`,
    userId: `u${i % Math.max(1, Math.floor(count / 10))}`,
    name: `alert ${i}`,
    keywords: Array.from({ length: 1 + random(4) }, () => {
      const shape = random(10);
      if (shape === 0) return `${anyWord()} ${pick()}`; // multi-word
      if (shape === 1) return `${anyWord()}-${pick()}`; // punctuated
      return random(2) === 0 ? anyWord() : anyWord().toUpperCase();
    }),
    roomIds: null,
  }));
}

function makeMessages(count: number, names: readonly string[]): string[] {
  return Array.from({ length: count }, () => {
    const words = Array.from({ length: 8 + random(30) }, () => (random(10) === 0 ? anyWord() : pick()));
    if (random(4) === 0) words.splice(random(words.length), 0, `@${names[random(names.length)]!}`);
    if (random(20) === 0) words.push('— mail me at someone@example.org, ok?');
    return `${words.join(' ')}.`;
  });
}

const WORD = /[\p{L}\p{N}_]/u;
const wordAt = (text: string, i: number) => i >= 0 && i < text.length && WORD.test(text[i]!);

/** Does `needle` occur in `folded` with no word character glued to its word-character edges? */
function occurs(folded: string, needle: string): boolean {
  const left = WORD.test(needle[0]!);
  const right = WORD.test(needle.at(-1)!);
  for (let at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + 1)) {
    if ((!left || !wordAt(folded, at - 1)) && (!right || !wordAt(folded, at + needle.length))) return true;
  }
  return false;
}

/**
 * The naive way: every keyword of every alert searched in every message (folded once; a
 * substring search with the same whole-word rule — cheaper than a regular expression each,
 * which also costs hundreds of MB of compiled code at this size).
 */
function naiveMatcher(alerts: readonly AlertRecord[]): (text: string) => Set<string> {
  const folded = alerts.map((a) => ({ id: a.id, keywords: a.keywords.map((k) => k.trim().toLowerCase()) }));
  return (text) => {
    const lower = text.toLowerCase();
    const found = new Set<string>();
    for (const alert of folded) if (alert.keywords.some((k) => occurs(lower, k))) found.add(alert.id);
    return found;
  };
}

/** Mentions the naive way: each user's two names looked for after an "@" at a word start. */
function naiveMentions(people: readonly { id: string; name: string; displayName: string }[]): (text: string) => Set<string> {
  const folded = people.map((u) => ({ id: u.id, names: [u.name, u.displayName].map((n) => `@${n.toLowerCase()}`) }));
  return (text) => {
    const lower = text.toLowerCase();
    const found = new Set<string>();
    for (const user of folded) {
      for (const name of user.names) {
        for (let at = lower.indexOf(name); at >= 0; at = lower.indexOf(name, at + 1)) {
          if (!wordAt(lower, at - 1) && !wordAt(lower, at + name.length)) found.add(user.id);
        }
      }
    }
    return found;
  };
}

/** Messages per second through `match` for about `seconds`, cycling over the messages. */
function throughput(messages: readonly string[], match: (text: string) => unknown): number {
  for (let i = 0; i < Math.min(200, messages.length); i += 1) match(messages[i]!); // warm up
  const until = performance.now() + seconds * 1000;
  const started = performance.now();
  let done = 0;
  while (performance.now() < until) {
    for (let i = 0; i < 50; i += 1) match(messages[(done + i) % messages.length]!);
    done += 50;
  }
  return done / ((performance.now() - started) / 1000);
}

function agree(messages: readonly string[], a: (text: string) => Set<string>, b: (text: string) => Set<string>): { same: boolean; matches: number } {
  let matches = 0;
  for (const text of messages) {
    const [x, y] = [a(text), b(text)];
    matches += x.size;
    if (x.size !== y.size || [...x].some((id) => !y.has(id))) return { same: false, matches };
  }
  return { same: true, matches };
}

const rate = (n: number) => `${Math.round(n).toLocaleString('en-US')} msg/s`;

console.log(`alert-matching${options.quick ? ' (--quick)' : ''} · ${describeRun()}`);

// Keyword alerts.
const alerts = makeAlerts(alertCount);
const built = performance.now();
const index = new KeywordIndex();
index.load(alerts);
const buildMs = performance.now() - built;
const users = Array.from({ length: userCount }, (_, i) => ({ id: `u${i}`, name: `user${i}`, displayName: `${anyWord()} ${anyWord()}`.replace(/^./, (c) => c.toUpperCase()) }));
const messages = makeMessages(2_000, users.flatMap((u) => [u.name, u.displayName]));
const naive = naiveMatcher(alerts);
const indexed = (text: string) => new Set(index.match(text).keys());
const check = agree(messages.slice(0, 300), indexed, naive);
const indexRate = throughput(messages, indexed);
const naiveRate = throughput(messages, naive);

// Mentions.
const matcher = new MentionMatcher(users.flatMap((u): [string, string][] => [[u.name, u.id], [u.displayName, u.id]]));
const trie = (text: string) => matcher.find(text);
const perUser = naiveMentions(users);
const mentionCheck = agree(messages.slice(0, 100), trie, perUser);
const trieRate = throughput(messages, trie);
const perUserRate = throughput(messages, perUser);

// What a send may spend here: the send path runs at most a few thousand messages/s on this box.
const TARGET_RATE = 20_000;
console.log(
  table(
    ['matcher', `${alertCount.toLocaleString('en-US')} alerts / ${userCount.toLocaleString('en-US')} users`, 'naive, same run', 'speed-up', 'same matches', `target ≥ ${rate(TARGET_RATE)} and ≥ 10× naive`],
    [
      ['keyword index', rate(indexRate), rate(naiveRate), `${(indexRate / naiveRate).toFixed(0)}×`, check.same ? `yes (${check.matches} in 300 msgs)` : 'NO', verdict(check.same && indexRate >= TARGET_RATE && indexRate >= 10 * naiveRate)],
      ['mention trie', rate(trieRate), rate(perUserRate), `${(trieRate / perUserRate).toFixed(0)}×`, mentionCheck.same ? `yes (${mentionCheck.matches} in 100 msgs)` : 'NO', verdict(mentionCheck.same && trieRate >= TARGET_RATE && trieRate >= 10 * perUserRate)],
    ],
  ),
);
console.log(`index of ${index.size.toLocaleString('en-US')} alerts built in ${buildMs.toFixed(0)} ms; messages of 8–38 words (one in ten a rarer word), a quarter with a mention; ${seconds} s per figure`);
