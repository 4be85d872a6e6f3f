// One stored message as an article holding the sender's name and the text (DESIGN §1b).
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message } from '../../common/protocol';
import { useChat } from '../app/chat-context';
import { mentions } from '../lib/mentions';
import { selectUser } from '../store/selectors';
import { FileLink } from './file-link';
import { MessageText } from './message-text';

// Date formatters are costly to build; one per locale serves every row.
const timeFormats = new Map<string, Intl.DateTimeFormat>();
function timeFormat(locale: string): Intl.DateTimeFormat {
  let format = timeFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
    timeFormats.set(locale, format);
  }
  return format;
}

// Its own component so only rows that mention the user pay for useTranslation (it is not free,
// and a room switch renders every row of the window).
function MentionTag() {
  const { t } = useTranslation();
  return <span className="mention-tag">{t('message.mentionsYou')}</span>;
}

// Memoised: the list re-renders on every arrival, and a stored message object only changes when
// the message itself does, so the rows already shown skip their render.
export const MessageItem = memo(function MessageItem({ message, locale }: { message: Message; locale: string }) {
  const user = useChat(selectUser);
  const mentionsMe = user !== null && message.senderId !== user.id && mentions(message.text, user);
  const time = new Date(message.createdAt);
  // A file message's text is the file name; showing it twice would be noise.
  const showText = !(message.file && message.text === message.file.name);
  return (
    <article className={mentionsMe ? 'message mentions-me' : 'message'} data-seq={message.seq}>
      <header className="message-meta">
        <span className="sender">{message.senderName}</span>{' '}
        <time dateTime={message.createdAt}>
          {Number.isNaN(time.getTime()) ? '' : timeFormat(locale).format(time)}
        </time>
        {mentionsMe && <MentionTag />}
      </header>
      {showText && <MessageText text={message.text} />}
      {message.file && <FileLink file={message.file} />}
    </article>
  );
});
