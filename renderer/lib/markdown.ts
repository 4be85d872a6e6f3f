// Message Markdown: marked's lexer (a well-kept CommonMark/GFM tokenizer) turns text into
// tokens; components/markdown-text.tsx renders the subset we support as React elements. Nothing
// is ever turned into HTML, so raw HTML in a message stays literal text.
import { Lexer, type Token } from 'marked';

// Characters that can start Markdown syntax or a GFM autolink. Text without any of them is
// rendered as one plain run without lexing (most chat lines): the lexer is cheap but not free,
// and a room switch renders every row of the window.
const MAYBE_MARKDOWN = /[*_~`>#|[\]<\\!\n@:]|^\s*(?:[-+]|\d+[.)])\s|www\./;

export function mayHaveMarkdown(text: string): boolean {
  return MAYBE_MARKDOWN.test(text);
}

// One lexer configuration for every message: GFM (strikethrough, autolinks), a single newline is
// a line break as people expect in chat.
const options = { gfm: true, breaks: true } as const;

/** The block tokens of `text`, or null when the text is plain (render it as it is). */
export function lexMarkdown(text: string): Token[] | null {
  if (!mayHaveMarkdown(text)) return null;
  return new Lexer(options).lex(text);
}
