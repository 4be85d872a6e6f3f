// Invitations (PROTOCOL §12): when a room's `invitations` switch is on and its category allows
// invitations, people newly named in its members, managers or presenters are invited — stored,
// and told at once with `room:invited` on every socket. The invitation shows in their room list
// (`invited: true`) until they join the room once or decline it.
import type { ClientRequest } from '../../common/protocol';
import type { User } from '../domain';
import type { RoomRecord, Storage } from '../storage/repositories';
import { can, nameKey } from './authorization';
import type { DomainEventBus } from './events';
import { findRoom, requireRoom } from './room-access';
import type { RoomDirectory } from './room-directory';
import { PendingWrites } from './pending-writes';
import { MEMBER_LISTS } from './room-member-policy';
import { toSummary } from './room-views';
import type { UserDirectory } from './user-directory';

/** Every name in the room's lists, folded ("*" is nobody in particular). */
function named(room: Pick<RoomRecord, 'members' | 'managers' | 'presenters'> | null): Set<string> {
  const names = new Set<string>();
  if (room) for (const list of MEMBER_LISTS) for (const name of room[list]) if (name !== '*') names.add(nameKey(name));
  return names;
}

export class InvitationService {
  /** Invitations a join is answering, by user: a room list asked meanwhile waits for them. */
  private readonly answering = new PendingWrites();

  constructor(
    private readonly storage: Storage,
    private readonly directory: RoomDirectory,
    private readonly users: UserDirectory,
    private readonly events: DomainEventBus,
    private readonly onError: (what: string, error: unknown) => void,
  ) {}

  /**
   * A room was created (`before` null) or changed by `actor`, and the directory holds `after`:
   * invites whoever its lists name now and did not before — never the actor. The room change
   * is stored already, so a failure here is reported, not thrown at the one who made it.
   */
  async membersChanged(actor: User, before: RoomRecord | null, after: RoomRecord): Promise<void> {
    try {
      await this.invite(actor, before, after);
    } catch (error) {
      this.onError('invitations after a room change', error);
    }
  }

  private async invite(actor: User, before: RoomRecord | null, after: RoomRecord): Promise<void> {
    const context = this.directory.context(after.id);
    if (!context || !after.invitations || !context.category.invitations) return;
    const already = named(before);
    const invitees: User[] = [];
    for (const name of named(after)) {
      if (already.has(name)) continue;
      const user = this.users.findByName(name);
      if (!user || user.disabled || user.id === actor.id || !can(user, 'join', context.room, context.category)) continue;
      invitees.push(user);
    }
    if (invitees.length === 0) return;
    await this.storage.attention.invite(after.id, invitees.map((u) => ({ userId: u.id, by: actor.displayName })), new Date().toISOString());
    for (const user of invitees) {
      this.events.emit('room:invited', user.id, { room: { ...toSummary(user, context, false), invited: true }, by: actor.displayName });
    }
  }

  /** The rooms the user is invited to and has not answered (counting the joins still answering). */
  async invitedRooms(userId: string): Promise<Set<string>> {
    await this.answering.settled(userId);
    return new Set(await this.storage.attention.invitedRooms(userId));
  }

  /**
   * A successful join answers the invitation. The join's reply does not wait for the write (on
   * PostgreSQL a second round trip, and nearly always one that finds nothing to delete); this
   * server's room lists do (invitedRooms), so no list shows an invitation the user has answered.
   */
  joined(userId: string, roomId: string): void {
    const cleared = this.storage.attention.clearInvitation(userId, roomId);
    cleared.catch((error: unknown) => this.onError('answering an invitation on join', error));
    this.answering.add([userId], cleared);
  }

  /**
   * `room:invitation`: declining forgets the invitation; accepting needs the right to join (the
   * client joins next, which would answer it too) and forgets it as well.
   */
  async answer(user: User, request: ClientRequest<'room:invitation'>): Promise<void> {
    if (request.accept) requireRoom(this.directory, user, request.roomId, 'join');
    else findRoom(this.directory, user, request.roomId);
    await this.storage.attention.clearInvitation(user.id, request.roomId);
  }
}
