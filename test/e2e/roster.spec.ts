// Issue 4b: the participant list is live up to participantUpdateLimit; above it the client shows
// the count and the paused state (never a stale list), and resumes by itself.
import { expect, newSignedInPage, openRoom, test } from './fixtures/test';

test('participants: live list, paused above the limit with the count, resumes below it', async ({ browser, pchat }) => {
  await pchat.api.setConfig({ participantUpdateLimit: 2 });
  const { room, alice, bob } = await pchat.api.seedRoom();
  const carol = await pchat.api.createUser();
  const page = await newSignedInPage(browser, pchat.url, alice);
  await openRoom(page, room.name);
  const region = page.getByRole('region', { name: 'Participants' });
  await expect(region.getByRole('listitem')).toHaveText([alice.user.displayName]);

  const bobSocket = await pchat.api.joinAs(bob.token, room.id);
  await expect(region.getByRole('listitem')).toHaveCount(2);
  await expect(region).toContainText(bob.user.displayName);

  const carolSocket = await pchat.api.joinAs(carol.token, room.id);
  await expect(region.getByRole('status')).toContainText('3 participants');
  await expect(region.getByRole('status')).toContainText('paused above 2 participants');
  await expect(region.getByRole('listitem')).toHaveCount(0);

  carolSocket.disconnect();
  await expect(region.getByRole('listitem')).toHaveCount(2);
  await expect(region.getByRole('status')).toHaveCount(0);
  bobSocket.disconnect();
  await expect(region.getByRole('listitem')).toHaveText([alice.user.displayName]);
  await page.context().close();
});
