// Who may edit or delete a message (PROTOCOL §11), as the client offers it. The server decides;
// this only keeps the buttons honest. RoomDetail.messageEdits is absent on older servers: the
// category default (on) applies then.
import type { Message, RoomDetail, User } from '../../common/protocol';

export function canEditMessage(message: Message, user: User | null, room: RoomDetail | null): boolean {
  // An edit also needs the right to post (an auditorium attendee cannot rewrite what they said).
  return user !== null && message.senderId === user.id && room?.messageEdits !== false && room?.canPost !== false && !message.file;
}

export function canDeleteMessage(message: Message, user: User | null, room: RoomDetail | null): boolean {
  if (user === null) return false;
  if (user.roles.includes('admin') || room?.canManage === true) return true;
  return message.senderId === user.id && room?.messageEdits !== false;
}
