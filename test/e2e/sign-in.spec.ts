// Sign-in against the real server: wrong password, staying signed in across a reload, sign-out.
import { expect, signInThroughUi, test } from './fixtures/test';

test('a wrong password is refused with an alert', async ({ page, pchat }) => {
  const alice = await pchat.api.createUser();
  await page.goto(pchat.url);
  await expect(page.getByRole('textbox', { name: 'Server' })).toHaveValue(pchat.url);
  await page.getByRole('textbox', { name: 'User name' }).fill(alice.name);
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText('Wrong user name or password.');
  await expect(page.getByRole('navigation', { name: 'Rooms' })).toHaveCount(0);
});

test('an unreachable server is reported', async ({ page, pchat }) => {
  await page.goto(pchat.url);
  await page.getByRole('textbox', { name: 'Server' }).fill('http://127.0.0.1:9');
  await page.getByRole('textbox', { name: 'User name' }).fill('someone');
  await page.getByLabel('Password').fill('x');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText('Could not reach the server at http://127.0.0.1:9.');
});

test('the session and the open room survive a reload; Sign out revokes the token', async ({ page, pchat }) => {
  const { room, alice } = await pchat.api.seedRoom();
  await signInThroughUi(page, pchat.url, alice);
  await page.getByRole('navigation', { name: 'Rooms' }).getByRole('button', { name: room.name }).click();
  await expect(page.getByRole('heading', { name: room.name })).toBeVisible();
  await page.reload();
  // Still signed in, and back in the room that was open.
  await expect(page.getByRole('navigation', { name: 'Rooms' }).getByRole('button', { name: room.name })).toBeVisible();
  await expect(page.getByRole('heading', { name: room.name })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign in' })).toHaveCount(0);
  const token = await page.evaluate((url) => localStorage.getItem(`pchat.token:${url}`), pchat.url);
  expect(token).toBeTruthy();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  // The token was revoked on the server (DELETE /api/session), not just forgotten here.
  const probe = await fetch(`${pchat.url}/api/session/handoff`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
  });
  expect(probe.status).toBe(401);
});

test('a session revoked elsewhere returns to the sign-in form with an explanation', async ({ page, pchat }) => {
  const { alice } = await pchat.api.seedRoom();
  await signInThroughUi(page, pchat.url, alice);
  const token = await page.evaluate((url) => localStorage.getItem(`pchat.token:${url}`), pchat.url);
  await pchat.api.request('DELETE', '/api/session', undefined, token);
  await expect(page.getByRole('alert')).toHaveText('Your session has ended. Sign in again.');
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
});

test('an administrator disabling the account ends the session on screen; enabled again, it signs in', async ({ page, pchat }) => {
  const { room, alice } = await pchat.api.seedRoom();
  await signInThroughUi(page, pchat.url, alice);
  await expect(page.getByRole('navigation', { name: 'Rooms' }).getByRole('button', { name: room.name })).toBeVisible();
  await pchat.api.request('PATCH', `/api/admin/users/${encodeURIComponent(alice.name)}`, { disabled: true });
  await expect(page.getByRole('alert')).toHaveText('Your session has ended. Sign in again.');
  await page.getByRole('textbox', { name: 'User name' }).fill(alice.name);
  await page.getByLabel('Password').fill(alice.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText('Wrong user name or password.');
  await pchat.api.request('PATCH', `/api/admin/users/${encodeURIComponent(alice.name)}`, { disabled: false });
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('navigation', { name: 'Rooms' }).getByRole('button', { name: room.name })).toBeVisible();
});

test('a French browser gets the French interface', async ({ browser, pchat }) => {
  const { room, alice } = await pchat.api.seedRoom({ messages: 1 });
  const context = await browser.newContext({ locale: 'fr-FR' });
  const page = await context.newPage();
  await page.goto(pchat.url);
  await page.getByRole('textbox', { name: 'Serveur' }).fill(pchat.url);
  await page.getByRole('textbox', { name: "Nom d'utilisateur" }).fill(alice.name);
  await page.getByLabel('Mot de passe').fill(alice.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('navigation', { name: 'Salons' }).getByRole('button', { name: room.name }).click();
  await expect(page.getByRole('textbox', { name: 'Message' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Envoyer' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await context.close();
});
