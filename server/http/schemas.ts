// Request bodies of the administration and room-management API (PROTOCOL.md §7), validated
// before anything else runs.
import { z } from 'zod';

const name = z.string().trim().min(1).max(100);
const memberList = z.array(z.string().trim().min(1).max(100)).max(10_000);
const description = z.string().max(2000);
const id = z.string().min(1).max(200);

export const createUserBody = z.object({
  name: z.string().trim().min(1).max(100).regex(/^[^\s*]+$/, 'no spaces or "*" in a user name'),
  displayName: name,
  password: z.string().min(1).max(1000),
  roles: z.array(z.enum(['admin', 'user'])).max(2).optional(),
});

const categoryFields = {
  description,
  allowedMembers: memberList,
  deniedMembers: memberList,
  creators: memberList,
  invitations: z.boolean(),
  fileUpload: z.boolean(),
  chatHistory: z.boolean(),
  messageEdits: z.boolean(),
};
export const createCategoryBody = z.object({ name, ...categoryFields }).partial({
  description: true,
  allowedMembers: true,
  deniedMembers: true,
  creators: true,
  invitations: true,
  fileUpload: true,
  chatHistory: true,
  messageEdits: true,
});
export const updateCategoryBody = z.object({ name, ...categoryFields }).partial();

export const createAddinBody = z.object({ name, url: z.string().max(2000) });
export const updateAddinBody = createAddinBody.partial();

const roomFields = {
  description,
  type: z.enum(['normal', 'auditorium']),
  privacy: z.enum(['open', 'closed', 'secret']),
  addinId: id.nullable(),
  members: memberList,
  managers: memberList,
  presenters: memberList,
  invitations: z.boolean(),
  disabled: z.boolean(),
};
export const createRoomBody = z.object({ name, categoryId: id, ...z.object(roomFields).partial().shape });
export const updateRoomBody = z.object({ name, categoryId: id, ...roomFields }).partial();

export const roomQuery = z.object({ q: z.string().max(200).optional() });
export const idParams = z.object({ id });

export const clearBody = z.object({ before: z.iso.datetime({ offset: true }).or(z.iso.date()) });
export const removeMessagesBody = z.object({
  userId: id.optional(),
  contains: z.string().min(1).max(1000).optional(),
  from: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  to: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  replaceWith: z.string().max(8000).optional(),
});
export const exportQuery = z.object({
  category: z.string().max(200).optional(),
  from: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
});
