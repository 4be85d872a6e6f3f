// The capacity model of bench/capacity.ts, after the shape of Skype for Business Persistent Chat's
// capacity planning (many small team rooms, some project rooms, a few very large ones, each user
// in a handful): who is in which room, what each connected user does and how often.
//
// Rooms, for N seeded users (user u = 0…N-1):
//   - small rooms of 30 members: every user is in two, S-a[u/30] and S-b[(u+15)/30] (offset
//     blocks, so neighbourhoods overlap as teams do);
//   - medium rooms of 150: M[u/150];
//   - 3 large rooms of N/3 members each ("a few of thousands"): L[u mod 3]. Far above the
//     participant limit of 75, so their rosters are truncated (PROTOCOL §2).
// Each connected user, like the real client, has ONE room open at a time (joined; the others are
// left) and follows some of its rooms for unread counts (room:activity):
//   - open room: small 60 % (30 % each), medium 25 %, large 15 %; switches every ~switchEveryS;
//   - posts one message every ~postEveryS into the open room;
//   - the window is focused for 70 % of users: each arrival in the open room → one room:read
//     (the worst case the server must stay cheap for);
//   - follows each small room with probability 0.5, the medium 0.3, the large 0.1;
//   - drops its connection every ~reconnectEveryS: 1 s offline, then reconnect, rooms:list,
//     rejoin and catch up with messages:since (bench/support/real-client.ts).
// Intervals are exponential (Poisson arrivals), independent per user.

export type RoomKind = 'small' | 'medium' | 'large';

export const userName = (u: number) => `cap-${String(u).padStart(5, '0')}`;

export interface CapacityModel {
  /** Connected users at each step. */
  steps: number[];
  /** Measured seconds per step. */
  windowS: number;
  postEveryS: number;
  switchEveryS: number;
  reconnectEveryS: number;
  focusedShare: number;
  /** Simulated users per client process. */
  clientsPerWorker: number;
}

export const FULL_MODEL: CapacityModel = {
  steps: [1000, 2000, 3500, 5000, 7500, 10_000],
  windowS: 30,
  postEveryS: 180,
  switchEveryS: 300,
  reconnectEveryS: 1800,
  focusedShare: 0.7,
  clientsPerWorker: 1250,
};

/** Two small steps with time compressed 9×, so a few seconds hold enough traffic to measure. */
export const QUICK_MODEL: CapacityModel = {
  steps: [150, 300],
  windowS: 8,
  postEveryS: 20,
  switchEveryS: 33,
  reconnectEveryS: 200,
  focusedShare: 0.7,
  clientsPerWorker: 150,
};

export const SMALL = 30;
export const MEDIUM = 150;
export const LARGE_ROOMS = 3;
const OPEN_WEIGHTS = [0.3, 0.3, 0.25, 0.15]; // S-a, S-b, M, L
const FOLLOW_CHANCE = [0.5, 0.5, 0.3, 0.1];

/** The four rooms of user u, as keys: [S-a, S-b, M, L]. */
export function roomKeysOf(u: number): [string, string, string, string] {
  return [`s-a-${Math.floor(u / SMALL)}`, `s-b-${Math.floor((u + SMALL / 2) / SMALL)}`, `m-${Math.floor(u / MEDIUM)}`, `l-${u % LARGE_ROOMS}`];
}

export const kindOf = (key: string): RoomKind => (key.startsWith('s-') ? 'small' : key.startsWith('m-') ? 'medium' : 'large');

/** Every room of the model for `users` users, with its members (user indices). */
export function planRooms(users: number): Map<string, number[]> {
  const rooms = new Map<string, number[]>();
  for (let u = 0; u < users; u += 1) {
    for (const key of roomKeysOf(u)) {
      const members = rooms.get(key);
      if (members) members.push(u);
      else rooms.set(key, [u]);
    }
  }
  return rooms;
}

/** A stable pseudo-random number in [0, 1) for (u, salt): the same user behaves the same every run. */
export function hashUnit(u: number, salt: number): number {
  let h = Math.imul(u + 1, 0x9e3779b1) ^ Math.imul(salt + 7, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296;
}

export const isFocused = (u: number, model: CapacityModel) => hashUnit(u, 1) < model.focusedShare;
export const follows = (u: number): boolean[] => FOLLOW_CHANCE.map((chance, k) => hashUnit(u, 10 + k) < chance);

/** Picks which of the user's four rooms to open (index 0…3), never `current`. */
export function pickOpenRoom(random: () => number, current?: number): number {
  const weights = OPEN_WEIGHTS.map((w, i) => (i === current ? 0 : w));
  let x = random() * weights.reduce((a, b) => a + b, 0);
  for (const [i, w] of weights.entries()) {
    if ((x -= w) < 0) return i;
  }
  return weights.findLastIndex((w) => w > 0);
}

/** An exponential interval with the given mean, in ms. */
export const exponentialMs = (random: () => number, meanS: number) => -Math.log(1 - random()) * meanS * 1000;

/** The offered load at `users` connected users, for the report. */
export function describeRates(model: CapacityModel, users: number): string {
  const perS = (everyS: number) => (users / everyS).toFixed(1);
  return (
    `each user posts 1 message / ${model.postEveryS} s (${perS(model.postEveryS)} msg/s at ${users} users), ` +
    `switches room every ${model.switchEveryS} s (${perS(model.switchEveryS)} join+leave/s), ` +
    `reconnects every ${model.reconnectEveryS} s (${perS(model.reconnectEveryS)}/s); ` +
    `${Math.round(model.focusedShare * 100)} % focused (room:read per arrival)`
  );
}
