// One stored message as an article holding the sender's name and the text (DESIGN §1b), with
// its reply quote, "(edited)", attachment (images as thumbnails), reactions and the toolbar.
// Consecutive messages of one sender are grouped: no avatar or visible header, the name stays
// for assistive tech. The day's first message is preceded by its separator.
import { memo } from 'react';
import type { Message } from '../../common/protocol';
import { useChat } from '../app/chat-context';
import { mentions } from '../lib/mentions';
import { canPreview } from '../store/file-preview';
import { DaySeparator } from './day-separator';
import { FileLink } from './file-link';
import { ImageThumbnail } from './image-thumbnail';
import { MessageAvatar } from './message-avatar';
import { MessageEditBox } from './message-edit-box';
import { MessageReactions } from './message-reactions';
import { useMessageRow } from './message-row-context';
import { MessageText } from './message-text';
import { MessageToolbar } from './message-toolbar';
import { ReplyQuote } from './reply-quote';

// Date formatters are costly to build; one per locale serves every row.
const timeFormats = new Map<string, Intl.DateTimeFormat>();
export function timeFormat(locale: string): Intl.DateTimeFormat {
  let format = timeFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
    timeFormats.set(locale, format);
  }
  return format;
}

function formatTime(iso: string, locale: string): string {
  const time = new Date(iso);
  return Number.isNaN(time.getTime()) ? '' : timeFormat(locale).format(time);
}

interface MessageItemProps {
  message: Message;
  /** Same sender as the row above, within a few minutes. */
  grouped?: boolean;
  /** The day's name when this is the day's first message. */
  dayLabel?: string | null;
}

// Memoised: the list re-renders on every arrival, and a stored message object only changes when
// the message itself does, so the rows already shown skip their render.
export const MessageItem = memo(function MessageItem({ message, grouped = false, dayLabel = null }: MessageItemProps) {
  const { t, locale, user } = useMessageRow();
  const { roomId, seq } = message;
  const editing = useChat((s) => s.editing?.roomId === roomId && s.editing.seq === seq);
  const targeted = useChat((s) => s.target?.roomId === roomId && s.target.seq === seq);
  const mentionsMe = user !== null && message.senderId !== user.id && mentions(message.text, user);
  // A file message's text is the file name; showing it twice would be noise.
  const showText = !(message.file && message.text === message.file.name);
  const classes = ['message', grouped ? 'grouped' : '', mentionsMe ? 'mentions-me' : '', targeted ? 'targeted' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <>
      {dayLabel && <DaySeparator label={dayLabel} />}
      <article className={classes} data-seq={seq} tabIndex={0} aria-current={targeted ? 'true' : undefined}>
        {grouped ? <span className="avatar-gap" /> : <MessageAvatar name={message.senderName} />}
        <div className="message-body">
          <header className={grouped ? 'message-meta visually-hidden' : 'message-meta'}>
            <span className="sender">{message.senderName}</span>{' '}
            <time dateTime={message.createdAt}>{formatTime(message.createdAt, locale)}</time>
            {mentionsMe && <span className="mention-tag">{t('message.mentionsYou')}</span>}
          </header>
          {message.replyTo && <ReplyQuote roomId={roomId} reply={message.replyTo} />}
          {editing ? <MessageEditBox message={message} /> : showText && <MessageText text={message.text} />}
          {message.editedAt && !editing && (
            <span className="edited-tag" title={t('messageActions.editedAt', { time: formatTime(message.editedAt, locale) })}>
              {t('messageActions.edited')}
            </span>
          )}
          {message.file && (canPreview(message.file) ? <ImageThumbnail file={message.file} /> : <FileLink file={message.file} />)}
          <MessageReactions message={message} />
        </div>
        <MessageToolbar message={message} />
      </article>
    </>
  );
});
