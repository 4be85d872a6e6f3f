// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../app/app';
import { createHarness, settle } from '../test-support/chat-harness';
import { renderWithChat } from '../test-support/render-with-chat';

afterEach(cleanup);

function fill(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

describe('sign-in form', () => {
  it('has the contract labels and shows a wrong password in role=alert', async () => {
    const h = createHarness({
      token: null,
      fetch: () => Promise.resolve(Response.json({ error: { code: 'bad_credentials' } }, { status: 401 })),
    });
    await h.client.start();
    renderWithChat(<App />, h);
    expect(screen.getByRole('textbox', { name: 'Server' })).toHaveProperty('value', 'http://pchat.test');
    fill('User name', 'alice');
    fill('Password', 'wrong');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await settle();
    expect(screen.getByRole('alert').textContent).toBe('Wrong user name or password.');
    expect(h.sockets).toHaveLength(0);
  });

  it('is in French for French users', async () => {
    const h = createHarness({ token: null });
    await h.client.start();
    renderWithChat(<App />, h, 'fr');
    expect(screen.getByRole('textbox', { name: 'Serveur' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Se connecter' })).toBeTruthy();
  });
});
