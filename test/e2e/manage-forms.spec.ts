// Issue 11, the /manage bugs: an unknown member name ("nosuchuser") is refused by the server
// (400 naming it) and the page shows that; "That name is already taken" does not outlive the
// name it was about, nor a trip to another page.
import { unique } from './fixtures/pchat-api';
import { expect, test } from './fixtures/test';

test('/manage names an unknown member and drops a stale "already taken" after an edit or a page change', async ({ browser, pchat }) => {
  const alice = await pchat.api.createUser({ displayName: unique('Alice') });
  const category = await pchat.api.createCategory({ creators: [alice.name] });
  const taken = await pchat.api.createRoom({ categoryId: category.id });
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${pchat.url}/manage/`);
  await page.getByRole('textbox', { name: 'User name' }).fill(alice.name);
  await page.getByLabel('Password').fill(alice.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation').getByRole('link', { name: 'Create room' }).click();
  await expect(page.getByRole('heading', { name: 'Create a room' })).toBeVisible();

  const name = unique('Desk');
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Category').selectOption({ label: category.name });
  const members = page.getByRole('group', { name: 'Members' });
  await members.getByRole('textbox', { name: 'Add members' }).fill('nosuchuser');
  await members.getByRole('textbox', { name: 'Add members' }).press('Enter');
  await page.getByRole('button', { name: 'Create room' }).click();
  await expect(page.getByRole('alert')).toContainText('nosuchuser');
  await expect(page.getByRole('heading', { name: 'Create a room' })).toBeVisible();
  await members.getByRole('button', { name: 'Remove nosuchuser' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);

  await page.getByLabel('Name').fill(taken.name);
  await page.getByRole('button', { name: 'Create room' }).click();
  await expect(page.getByRole('alert')).toHaveText('That name is already taken.');
  // Editing the name makes the answer old news.
  await page.getByLabel('Name').fill(`${taken.name}-2`);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.getByLabel('Name').fill(taken.name);
  await page.getByRole('button', { name: 'Create room' }).click();
  await expect(page.getByRole('alert')).toHaveText('That name is already taken.');
  // Another page and back: nothing stale.
  await page.getByRole('navigation').getByRole('link', { name: 'My rooms' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.getByRole('navigation').getByRole('link', { name: 'Create room' }).click();
  await expect(page.getByRole('heading', { name: 'Create a room' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.goBack();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await context.close();
});
