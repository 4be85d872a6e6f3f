// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Message, RoomDetail } from '../../common/protocol';
import { useChat } from '../app/chat-context';
import { alice, message, messages, room, roster } from '../test-support/fixtures';
import { connectedHarness, settle, type Harness } from '../test-support/chat-harness';
import { renderWithChat } from '../test-support/render-with-chat';
import { Composer } from './composer';
import { ErrorAlert } from './error-alert';
import { MessageList } from './message-list';

afterEach(cleanup);

function Room({ roomId }: { roomId: string }) {
  const detail = useChat((s) => s.details[roomId]);
  if (!detail) return null;
  return (
    <>
      <ErrorAlert />
      <MessageList roomId={roomId} />
      <Composer key={roomId} room={detail} />
    </>
  );
}

async function openWith(list: Message[], detail: RoomDetail = room()): Promise<Harness> {
  const h = await connectedHarness({ rooms: [detail] });
  h.socket.answer('room:join', () => ({ ok: true, room: detail, messages: list, hasMore: false, roster: roster() }));
  await h.client.openRoom(detail.id);
  renderWithChat(<Room roomId={detail.id} />, h);
  await settle();
  return h;
}

const own = (seq: number, overrides: Partial<Message> = {}) =>
  message(seq, { senderId: alice.id, senderName: alice.displayName, ...overrides });

function article(text: string): HTMLElement {
  const found = screen.getAllByRole('article').find((node) => node.textContent?.includes(text));
  if (!found) throw new Error(`no article with ${text}`);
  return found;
}

describe('message toolbar', () => {
  it('offers Reply, Add reaction and Copy link everywhere, Edit and Delete on own messages only', async () => {
    await openWith([message(1, { text: 'from bob' }), own(2, { text: 'from me' })]);
    const bobs = within(article('from bob'));
    expect(bobs.getByRole('button', { name: 'Reply' })).toBeTruthy();
    expect(bobs.getByRole('button', { name: 'Add reaction' })).toBeTruthy();
    expect(bobs.getByRole('button', { name: 'Copy link' })).toBeTruthy();
    expect(bobs.queryByRole('button', { name: 'Edit' })).toBeNull();
    expect(bobs.queryByRole('button', { name: 'Delete' })).toBeNull();
    const mine = within(article('from me'));
    expect(mine.getByRole('button', { name: 'Edit' })).toBeTruthy();
    expect(mine.getByRole('button', { name: 'Delete' })).toBeTruthy();
  });

  it('lets managers delete any message, and nobody edit where the category forbids it', async () => {
    await openWith([message(1, { text: 'from bob' }), own(2, { text: 'from me' })], room({ canManage: true, messageEdits: false }));
    expect(within(article('from bob')).getByRole('button', { name: 'Delete' })).toBeTruthy();
    expect(within(article('from me')).queryByRole('button', { name: 'Edit' })).toBeNull();
  });
});

describe('editing', () => {
  it('swaps the text for "Edit message", saves on Enter and shows (edited)', async () => {
    const h = await openWith([own(1, { text: 'tpyo' })]);
    h.socket.answer('message:edit', (body) => ({ ok: true, message: own(body.seq, { text: body.text, editedAt: new Date().toISOString() }) }));
    fireEvent.click(within(article('tpyo')).getByRole('button', { name: 'Edit' }));
    const box = screen.getByRole('textbox', { name: 'Edit message' });
    expect(screen.getByRole('button', { name: 'Save' })).toBeTruthy();
    fireEvent.change(box, { target: { value: 'typo' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    await settle();
    expect(h.socket.sent.at(-1)).toEqual({ event: 'message:edit', body: { roomId: 'r1', seq: 1, text: 'typo' } });
    expect(screen.queryByRole('textbox', { name: 'Edit message' })).toBeNull();
    expect(article('typo').textContent).toContain('(edited)');
  });

  it('Escape cancels; a refusal keeps the box and the text, with the reason in the alert', async () => {
    const h = await openWith([own(1, { text: 'original' })]);
    h.socket.answer('message:edit', () => ({ ok: false, error: { code: 'forbidden', message: 'no' } }));
    fireEvent.click(within(article('original')).getByRole('button', { name: 'Edit' }));
    fireEvent.keyDown(screen.getByRole('textbox', { name: 'Edit message' }), { key: 'Escape' });
    expect(screen.queryByRole('textbox', { name: 'Edit message' })).toBeNull();
    fireEvent.click(within(article('original')).getByRole('button', { name: 'Edit' }));
    const box = screen.getByRole('textbox', { name: 'Edit message' });
    fireEvent.change(box, { target: { value: 'changed' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await settle();
    expect(screen.getByRole('alert').textContent).toBe('You are not allowed to do that in this room.');
    expect(screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Edit message' }).value).toBe('changed');
  });

  it('Up-arrow in the empty composer edits the last own message', async () => {
    await openWith([own(1, { text: 'first' }), own(2, { text: 'second' }), message(3, { text: 'bob' })]);
    fireEvent.keyDown(screen.getByRole('textbox', { name: 'Message' }), { key: 'ArrowUp' });
    expect(screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Edit message' }).value).toBe('second');
  });
});

describe('deleting', () => {
  it('asks in a dialog whose confirm button is Delete, then removes the message', async () => {
    const h = await openWith([own(1, { text: 'oops' }), own(2, { text: 'stays' })]);
    h.socket.answer('message:delete', () => ({ ok: true }));
    fireEvent.click(within(article('oops')).getByRole('button', { name: 'Delete' }));
    const dialog = screen.getByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await settle();
    expect(h.socket.sent.at(-1)).toEqual({ event: 'message:delete', body: { roomId: 'r1', seq: 1 } });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getAllByRole('article').map((a) => a.textContent).join()).not.toContain('oops');
  });
});

describe('reactions', () => {
  it('picks from the common emoji, shows "<emoji> <count>" pressed with who reacted, and toggles', async () => {
    const h = await openWith([message(1, { text: 'nice' })]);
    h.socket.answer('message:react', (body) => ({
      ok: true,
      message: message(1, { text: 'nice', reactions: body.on ? [{ emoji: body.emoji, userIds: [alice.id, 'u-bob'] }] : [{ emoji: body.emoji, userIds: ['u-bob'] }] }),
    }));
    fireEvent.click(within(article('nice')).getByRole('button', { name: 'Add reaction' }));
    const picker = screen.getByRole('dialog');
    for (const emoji of ['👍', '❤️', '😄', '🎉', '😮', '😢']) expect(within(picker).getByRole('button', { name: emoji })).toBeTruthy();
    expect(within(picker).getByRole('searchbox', { name: 'Search emoji' })).toBeTruthy();
    fireEvent.click(within(picker).getByRole('button', { name: '🎉' }));
    await settle();
    expect(h.socket.sent.at(-1)).toEqual({ event: 'message:react', body: { roomId: 'r1', seq: 1, emoji: '🎉', on: true } });
    const reaction = within(article('nice')).getByRole('button', { name: '🎉 2' });
    expect(reaction.getAttribute('aria-pressed')).toBe('true');
    expect(reaction.title).toBe('Alice Martin, Bob Stone reacted with 🎉');
    fireEvent.click(reaction);
    await settle();
    expect(h.socket.sent.at(-1)?.body).toMatchObject({ emoji: '🎉', on: false });
    expect(within(article('nice')).getByRole('button', { name: '🎉 1' }).getAttribute('aria-pressed')).toBe('false');
  });

  it('searches, and sends typed text as is so the server refuses it', async () => {
    const h = await openWith([message(1, { text: 'nice' })]);
    h.socket.answer('message:react', () => ({ ok: false, error: { code: 'bad_request', message: 'emoji' } }));
    fireEvent.click(within(article('nice')).getByRole('button', { name: 'Add reaction' }));
    const search = screen.getByRole('searchbox', { name: 'Search emoji' });
    fireEvent.change(search, { target: { value: 'party' } });
    expect(within(screen.getByRole('dialog')).getAllByRole('button').map((b) => b.textContent)).toEqual(['🎉']);
    fireEvent.change(search, { target: { value: 'lol text' } });
    fireEvent.keyDown(search, { key: 'Enter' });
    await settle();
    expect(h.socket.sent.at(-1)?.body).toMatchObject({ emoji: 'lol text' });
    expect(screen.getByRole('alert').textContent).toBe('The server did not accept that request.');
  });
});

describe('replies', () => {
  it('puts the composer in reply mode and sends replyToSeq; the reply quotes the original', async () => {
    const h = await openWith([message(1, { text: 'question?' })]);
    h.socket.answer('message:send', (body) =>
      ({ ok: true, message: own(2, { text: body.text, clientId: body.clientId, replyTo: { seq: 1, senderName: 'Bob Stone', text: 'question?' } }) }),
    );
    fireEvent.click(within(article('question?')).getByRole('button', { name: 'Reply' }));
    expect(screen.getByText('Replying to Bob Stone')).toBeTruthy();
    const composer = screen.getByRole('textbox', { name: 'Message' });
    fireEvent.change(composer, { target: { value: 'answer' } });
    fireEvent.keyDown(composer, { key: 'Enter' });
    await settle();
    expect(h.socket.sent.find((s) => s.event === 'message:send')?.body).toMatchObject({ text: 'answer', replyToSeq: 1 });
    expect(screen.queryByRole('button', { name: 'Cancel reply' })).toBeNull();
    const quote = within(article('answer')).getByRole('link', { name: /In reply to Bob Stone/ });
    expect(quote.getAttribute('href')).toBe('http://pchat.test/r/r1/1');
    expect(quote.textContent).toContain('question?');
  });

  it('Cancel reply leaves reply mode', async () => {
    await openWith([message(1, { text: 'question?' })]);
    fireEvent.click(within(article('question?')).getByRole('button', { name: 'Reply' }));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel reply' }));
    expect(screen.queryByText('Replying to Bob Stone')).toBeNull();
  });
});

describe('timeline', () => {
  it('starts each day with a separator, groups one sender, and marks the beginning of the room', async () => {
    const now = Date.now();
    const yesterday = new Date(now - 86_400_000).toISOString();
    const today = new Date(now - 60_000).toISOString();
    await openWith([
      message(1, { text: 'old one', createdAt: '2025-03-04T10:00:00.000Z' }),
      message(2, { text: 'y one', createdAt: yesterday }),
      message(3, { text: 't one', createdAt: today }),
      message(4, { text: 't two', createdAt: new Date(now - 30_000).toISOString() }),
    ]);
    const separators = screen.getAllByRole('separator').map((s) => s.textContent);
    expect(separators).toHaveLength(3);
    expect(separators.slice(1)).toEqual(['Yesterday', 'Today']);
    expect(separators[0]).toContain('2025');
    expect(article('t two').className).toContain('grouped');
    expect(article('t one').className).not.toContain('grouped');
    expect(within(article('t two')).getByText('Bob Stone')).toBeTruthy();
    expect(screen.getByText('This is the beginning of the room.')).toBeTruthy();
    expect(within(article('t one')).getByText('Bob Stone')).toBeTruthy();
  });

  it('renders Markdown in messages', async () => {
    await openWith([message(1, { text: 'a **bold** move with `code`' })]);
    expect(article('bold').querySelector('strong')?.textContent).toBe('bold');
    expect(article('bold').querySelector('code')?.textContent).toBe('code');
  });

  it('marks the message a permalink opened with aria-current', async () => {
    const h = await openWith(messages(1, 20));
    await act(() => h.client.actions.jumpTo('r1', 7));
    const current = screen.getAllByRole('article').filter((a) => a.getAttribute('aria-current') === 'true');
    expect(current.map((a) => a.dataset.seq)).toEqual(['7']);
    fireEvent.wheel(screen.getByRole('log', { name: 'Messages' }));
    expect(screen.getAllByRole('article').some((a) => a.getAttribute('aria-current') === 'true')).toBe(false);
  });
});

describe('drafts', () => {
  it('keeps each room’s draft across room switches and saves it for the next start', async () => {
    const other = room({ id: 'r2', name: 'Other' });
    const h = await connectedHarness({ rooms: [room(), other] });
    h.socket.answer('room:join', ({ roomId }) => ({ ok: true, room: roomId === 'r2' ? other : room(), messages: [], hasMore: false, roster: roster({ roomId }) }));
    await h.client.openRoom('r1');
    function Active() {
      const id = useChat((s) => s.activeRoomId);
      return id ? <Room key={id} roomId={id} /> : null;
    }
    renderWithChat(<Active />, h);
    await settle();
    fireEvent.change(screen.getByRole('textbox', { name: 'Message' }), { target: { value: 'half a thought' } });
    await act(() => h.client.openRoom('r2'));
    expect(screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Message' }).value).toBe('');
    await act(() => h.client.openRoom('r1'));
    expect(screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Message' }).value).toBe('half a thought');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(h.platform.drafts.saved.get('http://pchat.test|u-alice')).toEqual({ r1: 'half a thought' });
  });
});
