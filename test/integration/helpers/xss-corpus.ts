// Hostile strings that would run code, inject markup or mislead a reader if a client rendered
// message text or display names as HTML. Shared by the server-side test (stored and returned
// verbatim) and the browser e2e (shown literally, nothing injected). Each fits a display name
// (≤ 100 characters) except the long word, which is only used as message text.
export const XSS_CORPUS: readonly string[] = [
  '<img src=x onerror="window.__pwned=1">',
  '<script>window.__pwned=2</script>',
  '"><svg onload="window.__pwned=3">',
  "'><iframe src=javascript:window.__pwned=4>",
  '<a href="javascript:window.__pwned=5">click me</a>',
  'javascript:window.__pwned=6',
  '<style>body{display:none}</style>',
  '<b>bold?</b> &lt;b&gt; &amp; &#x3C;i&#x3E;',
  '{{constructor.constructor("window.__pwned=7")()}}',
  '\u202Egnp.exe\u202C evil.png',
  '[link](javascript:window.__pwned=8)',
];

/** A word far wider than any line, to check it wraps instead of breaking the layout. */
export const LONG_WORD = 'W'.repeat(3000);
