// @vitest-environment jsdom
// Issue 11: nothing had the focus on the sign-in page. The first empty field gets it: "Server"
// on a first start (the desktop knows no server), "User name" when the server is known (the web
// client fills in its own origin, covered in the browser by settings-layout.spec.ts).
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../app/app';
import { createHarness } from '../test-support/chat-harness';
import { renderWithChat } from '../test-support/render-with-chat';

afterEach(cleanup);

describe('sign-in focus', () => {
  it('goes to "Server" when no server is known', async () => {
    const h = createHarness({ token: null });
    await h.client.start();
    h.store.setState({ serverUrl: '' });
    renderWithChat(<App />, h);
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Server' }));
  });

  it('goes to "User name" when the server is filled in', async () => {
    const h = createHarness({ token: null });
    await h.client.start();
    renderWithChat(<App />, h);
    expect(screen.getByRole('textbox', { name: 'Server' })).toHaveProperty('value', 'http://pchat.test');
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'User name' }));
  });
});
