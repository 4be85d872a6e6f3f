// Who may be named in a room's member lists (PROTOCOL §10): only existing users that the room's
// category admits (allowedMembers minus deniedMembers, "*" = everyone, denied wins). Anything else
// is refused with bad_request naming the people at fault, so a manager or a category creator can
// never let in someone the category keeps out. Names are stored as the users spell them.
import type { User } from '../domain';
import { AppError } from '../errors';
import type { UserRepository } from '../storage/repositories';
import { type AuthzCategory, EVERYONE, admits, isAdmin, nameKey } from './authorization';

export const MEMBER_LISTS = ['members', 'managers', 'presenters'] as const;
export type MemberListName = (typeof MEMBER_LISTS)[number];
export type MemberLists = Partial<Record<MemberListName, string[]>>;

/** Past this many distinct names one listing of all users is cheaper than a lookup per name. */
const LOOKUP_ONE_BY_ONE = 50;
/** How many names an error message spells out before saying how many more there are. */
const NAMED_IN_MESSAGE = 20;

/**
 * The managers a new room starts with: the ones asked for plus its creator. An administrator
 * the category does not admit is left out instead of refused: administrators may do everything
 * anyway, and a list naming them would break the rule above.
 */
export function managersWithCreator(creator: Pick<User, 'name' | 'roles'>, category: AuthzCategory, managers: readonly string[] = []): string[] {
  if (isAdmin(creator) && !admits(category, creator.name)) return [...managers];
  return [...managers, creator.name];
}

/**
 * Checks the lists given (lists left out are not looked at) against the category and returns
 * them with every name as the user spells it, each name once. Throws bad_request naming the
 * unknown users and those the category does not admit.
 */
export async function checkMemberLists(users: UserRepository, category: AuthzCategory, lists: MemberLists): Promise<MemberLists> {
  const given = MEMBER_LISTS.filter((list) => lists[list] !== undefined);
  const names = given.flatMap((list) => lists[list]!);
  if (names.length === 0) return Object.fromEntries(given.map((list) => [list, []]));
  const found = await findUsers(users, names);

  const unknown = new Set<string>();
  const outside = new Set<string>();
  const checked: MemberLists = {};
  for (const list of given) {
    const seen = new Set<string>();
    const out: string[] = [];
    for (const raw of lists[list]!) {
      const name = raw.trim();
      // "*" means "everyone the category admits" and is only meaningful as members: it cannot
      // widen the category, and nobody manages or presents by wildcard.
      if (name === EVERYONE && list === 'members') {
        if (!seen.has(EVERYONE)) out.push(EVERYONE);
        seen.add(EVERYONE);
        continue;
      }
      const canonical = found.get(nameKey(name));
      if (canonical === undefined) {
        unknown.add(name);
        continue;
      }
      if (!admits(category, canonical)) outside.add(canonical);
      if (!seen.has(nameKey(canonical))) out.push(canonical);
      seen.add(nameKey(canonical));
    }
    checked[list] = out;
  }
  const problems = [
    unknown.size > 0 ? `no such user: ${listed(unknown)}` : '',
    outside.size > 0 ? `not allowed in this room's category: ${listed(outside)}` : '',
  ].filter((p) => p !== '');
  if (problems.length > 0) throw new AppError('bad_request', problems.join('; '));
  return checked;
}

/** Existing users among `names`, keyed by their folded name, valued by their own spelling. */
async function findUsers(users: UserRepository, names: readonly string[]): Promise<Map<string, string>> {
  // One spelling per folded name; the repository compares names case-insensitively.
  const wanted = new Map<string, string>();
  for (const raw of names) {
    const name = raw.trim();
    if (name !== EVERYONE && !wanted.has(nameKey(name))) wanted.set(nameKey(name), name);
  }
  const found = new Map<string, string>();
  const keep = (user: { name: string } | undefined) => {
    if (user && wanted.has(nameKey(user.name))) found.set(nameKey(user.name), user.name);
  };
  if (wanted.size > LOOKUP_ONE_BY_ONE) (await users.list()).forEach(keep);
  else (await Promise.all([...wanted.values()].map((name) => users.findByName(name)))).forEach(keep);
  return found;
}

function listed(names: ReadonlySet<string>): string {
  const all = [...names];
  const shown = all.slice(0, NAMED_IN_MESSAGE).join(', ');
  return all.length > NAMED_IN_MESSAGE ? `${shown} and ${all.length - NAMED_IN_MESSAGE} more` : shown;
}
