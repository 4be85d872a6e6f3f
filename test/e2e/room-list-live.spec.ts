// Issue 11: rooms that arrive live (room:updated) were appended at the end of their category.
// Here the category is known before sign-in, so no rooms:list refresh (which the server answers
// sorted) can put them in order: only the client's own sort does.
import type { Page } from '@playwright/test';
import { unique } from './fixtures/pchat-api';
import { expect, newSignedInPage, test } from './fixtures/test';

const nav = (page: Page) => page.getByRole('navigation', { name: 'Rooms' });

test('rooms added or renamed live take their sorted place in a category already listed', async ({ browser, pchat }) => {
  const tag = unique('live');
  const { category, alice } = await pchat.api.seedRoom({ room: { name: `${tag} m` } });
  const page = await newSignedInPage(browser, pchat.url, alice);
  const group = nav(page).getByRole('group', { name: category.name });
  await expect(group.getByRole('button')).toHaveText([`${tag} m`]);

  const last = await pchat.api.createRoom({ categoryId: category.id, name: `${tag} z` });
  await expect(group.getByRole('button')).toHaveText([`${tag} m`, `${tag} z`]);
  await pchat.api.createRoom({ categoryId: category.id, name: `${tag} a` });
  await expect(group.getByRole('button')).toHaveText([`${tag} a`, `${tag} m`, `${tag} z`]);
  // Numbers in numeric order, case aside ("Room 2" before "room 10").
  await pchat.api.createRoom({ categoryId: category.id, name: `${tag} N10` });
  await pchat.api.createRoom({ categoryId: category.id, name: `${tag} n2` });
  await expect(group.getByRole('button')).toHaveText([`${tag} a`, `${tag} m`, `${tag} n2`, `${tag} N10`, `${tag} z`]);
  // A rename moves the room too.
  await pchat.api.patchRoom(last.id, { name: `${tag} b` });
  await expect(group.getByRole('button')).toHaveText([`${tag} a`, `${tag} b`, `${tag} m`, `${tag} n2`, `${tag} N10`]);
  await expect(nav(page).getByRole('group', { name: 'Other rooms' })).toHaveCount(0);
  await page.context().close();
});
