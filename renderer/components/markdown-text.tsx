// Renders the lexer's tokens (lib/markdown.ts) as React elements: bold, italic, strikethrough,
// inline code, code blocks, quotes, lists, links and line breaks. Everything else — raw HTML,
// images, headings, tables, rules, link definitions — shows as the text the user typed. Links
// only for http/https/mailto (the shared URL policy); they open outside the app.
import { Fragment, useMemo, type ReactNode } from 'react';
import type { Token, Tokens } from 'marked';
import { isAllowedLinkUrl } from '../../common/url-policy';
import { lexMarkdown } from '../lib/markdown';

function literal(token: Token): string {
  return token.raw;
}

function renderInline(tokens: readonly Token[] | undefined): ReactNode[] {
  if (!tokens) return [];
  return tokens.map((token, index) => <Fragment key={index}>{inline(token)}</Fragment>);
}

function inline(token: Token): ReactNode {
  switch (token.type) {
    case 'text': {
      // The raw source, not `text`: marked decodes numeric entities there (&#x3C; → <), and what
      // the user typed must show as typed.
      const text = token as Tokens.Text;
      return text.tokens ? renderInline(text.tokens) : text.raw;
    }
    case 'escape':
      return (token as Tokens.Escape).text;
    case 'strong':
      return <strong>{renderInline((token as Tokens.Strong).tokens)}</strong>;
    case 'em':
      return <em>{renderInline((token as Tokens.Em).tokens)}</em>;
    case 'del':
      return <del>{renderInline((token as Tokens.Del).tokens)}</del>;
    case 'codespan':
      return <code>{(token as Tokens.Codespan).text}</code>;
    case 'br':
      return <br />;
    case 'link': {
      const link = token as Tokens.Link;
      // A refused scheme (javascript:, data:, …) is not a link at all: the user's text stays.
      if (!isAllowedLinkUrl(link.href)) return literal(token);
      return (
        <a href={link.href} target="_blank" rel="noopener noreferrer">
          {renderInline(link.tokens)}
        </a>
      );
    }
    default:
      // html, image and anything unknown: literal text.
      return literal(token);
  }
}

function renderBlocks(tokens: readonly Token[]): ReactNode[] {
  return tokens.map((token, index) => <Fragment key={index}>{block(token)}</Fragment>);
}

function block(token: Token): ReactNode {
  switch (token.type) {
    case 'paragraph':
      return <p>{renderInline((token as Tokens.Paragraph).tokens)}</p>;
    case 'text': {
      // Tight list items hold bare text tokens with inline children.
      const text = token as Tokens.Text;
      return text.tokens ? renderInline(text.tokens) : text.text;
    }
    case 'code':
      return (
        <pre>
          <code>{(token as Tokens.Code).text}</code>
        </pre>
      );
    case 'blockquote':
      return <blockquote>{renderBlocks((token as Tokens.Blockquote).tokens)}</blockquote>;
    case 'list': {
      const list = token as Tokens.List;
      const items = list.items.map((item, index) => <li key={index}>{renderBlocks(item.tokens)}</li>);
      if (!list.ordered) return <ul>{items}</ul>;
      const start = typeof list.start === 'number' ? list.start : undefined;
      return <ol start={start}>{items}</ol>;
    }
    case 'space':
      return null;
    default:
      // html, heading, table, hr, def: what was typed, as text.
      return <p>{literal(token).replace(/\n+$/, '')}</p>;
  }
}

export function MarkdownText({ text, className }: { text: string; className?: string }) {
  const tokens = useMemo(() => lexMarkdown(text), [text]);
  return <div className={className}>{tokens ? renderBlocks(tokens) : <p>{text}</p>}</div>;
}
