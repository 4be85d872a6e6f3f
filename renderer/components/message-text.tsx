// Message text: the Markdown subset as React elements (./markdown-text.tsx), never HTML.
import { MarkdownText } from './markdown-text';

export function MessageText({ text }: { text: string }) {
  return <MarkdownText text={text} className="message-text" />;
}
