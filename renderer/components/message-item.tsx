// One stored message as an article holding the sender's name and the text (DESIGN §1b).
import type { Message } from '../../common/protocol';
import { FileLink } from './file-link';
import { MessageText } from './message-text';

export function MessageItem({ message, locale }: { message: Message; locale: string }) {
  const time = new Date(message.createdAt);
  // A file message's text is the file name; showing it twice would be noise.
  const showText = !(message.file && message.text === message.file.name);
  return (
    <article className="message" data-seq={message.seq}>
      <header className="message-meta">
        <span className="sender">{message.senderName}</span>{' '}
        <time dateTime={message.createdAt}>
          {Number.isNaN(time.getTime()) ? '' : time.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' })}
        </time>
      </header>
      {showText && <MessageText text={message.text} />}
      {message.file && <FileLink file={message.file} />}
    </article>
  );
}
