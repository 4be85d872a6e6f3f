// Seed text that indexes like real chat: short sentences of common English words, work words,
// a long tail of rarer made-up words, now and then a ticker, a mention or a link. About 80 % of
// messages contain "the" — the common word the search benchmark looks for, so a search has to
// find its 50 newest hits among hundreds of thousands of matches.
//
// Deterministic (a seeded PRNG), so the same sizes always produce the same data.

/** mulberry32: small, fast and good enough to pick words. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const COMMON_WORD = 'the';
const SHARE_WITH_COMMON_WORD = 0.8;

const COMMON = (
  'a to and of in for is on that with we it this be at i you are have will can not our from by ' +
  'as do so if or all just about what when there up out but one new some more now get been'
).split(' ');
const WORK = (
  'release deploy build review ticket meeting budget quarter client server report invoice ' +
  'roadmap sprint design test branch merge issue customer contract call agenda notes plan ' +
  'figures forecast launch incident fix patch update draft approval team office travel'
).split(' ');
const SYLLABLES = 'ka lo mi ra ten vo su pel dar bri qua nor sil tam ex jun hov ze'.split(' ');
const TICKERS = ['$ACME', '$GLOBX', '$INITECH', '$UMBR', '$HOOLI'];

/** A long tail of rarer words (2,000 made-up ones), so the index is not all stop words. */
const TAIL = Array.from({ length: 2000 }, (_, i) => {
  let word = '';
  for (let n = i + 7; n > 0; n = Math.floor(n / SYLLABLES.length)) word += SYLLABLES[n % SYLLABLES.length];
  return word;
});

function pick<T>(list: readonly T[], random: () => number): T {
  return list[Math.floor(random() * list.length)]!;
}

export function messageText(random: () => number, senderNames: readonly string[]): string {
  const length = 4 + Math.floor(random() * 18);
  const words: string[] = [];
  for (let i = 0; i < length; i += 1) {
    const r = random();
    words.push(r < 0.45 ? pick(COMMON, random) : r < 0.75 ? pick(WORK, random) : pick(TAIL, random));
  }
  if (random() < SHARE_WITH_COMMON_WORD) words.splice(Math.floor(random() * words.length), 0, COMMON_WORD);
  const extra = random();
  if (extra < 0.05) words.push(pick(TICKERS, random));
  else if (extra < 0.08) words.unshift(`@${pick(senderNames, random)}`);
  else if (extra < 0.1) words.push(`https://intranet.example/${pick(WORK, random)}/${Math.floor(random() * 1000)}`);
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1) + (random() < 0.2 ? '?' : '.');
}
