// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { LONG_WORD, XSS_CORPUS } from '../../test/integration/helpers/xss-corpus';
import { MarkdownText } from './markdown-text';

afterEach(cleanup);

function html(text: string): string {
  return render(<MarkdownText text={text} />).container.innerHTML;
}

function shown(text: string): HTMLElement {
  return render(<MarkdownText text={text} />).container;
}

describe('MarkdownText', () => {
  it('renders the subset as elements', () => {
    expect(html('a **b** *c* ~~d~~ `e`')).toBe(
      '<div><p>a <strong>b</strong> <em>c</em> <del>d</del> <code>e</code></p></div>',
    );
    expect(html('> quoted')).toBe('<div><blockquote><p>quoted</p></blockquote></div>');
    expect(html('- one\n- two')).toBe('<div><ul><li>one</li><li>two</li></ul></div>');
    expect(html('3. three\n4. four')).toBe('<div><ol start="3"><li>three</li><li>four</li></ol></div>');
    expect(html('```\n<b>x</b>\n```')).toBe('<div><pre><code>&lt;b&gt;x&lt;/b&gt;</code></pre></div>');
    expect(html('line one\nline two')).toBe('<div><p>line one<br>line two</p></div>');
  });

  it('makes http, https and mailto links that open outside, and nothing else', () => {
    const view = shown('see https://example.com/a, [docs](https://example.com/d) and [x](javascript:alert(1))');
    const anchors = [...view.querySelectorAll('a')];
    expect(anchors.map((a) => a.getAttribute('href'))).toEqual(['https://example.com/a', 'https://example.com/d']);
    for (const a of anchors) {
      expect(a.rel).toBe('noopener noreferrer');
      expect(a.target).toBe('_blank');
    }
    expect(view.textContent).toContain('[x](javascript:alert(1))');
    expect(shown('write to a@example.com').querySelector('a')?.getAttribute('href')).toBe('mailto:a@example.com');
    expect(shown('[d](data:text/html,hi) [f](file:///etc/passwd)').querySelectorAll('a')).toHaveLength(0);
  });

  it('keeps headings, images, tables and raw HTML as typed', () => {
    expect(shown('# not a heading').textContent).toBe('# not a heading');
    expect(shown('![i](https://example.com/i.png)').querySelectorAll('img')).toHaveLength(0);
    expect(shown('![i](https://example.com/i.png)').textContent).toBe('![i](https://example.com/i.png)');
    expect(shown('<div>hi</div>').textContent).toBe('<div>hi</div>');
    expect(shown('| a | b |\n|---|---|\n| 1 | 2 |').querySelectorAll('table')).toHaveLength(0);
  });

  it('keeps plain text plain without lexing', () => {
    expect(html('just words, nothing else')).toBe('<div><p>just words, nothing else</p></div>');
  });

  it('leaves the XSS corpus inert and literal', () => {
    for (const text of [...XSS_CORPUS, LONG_WORD]) {
      const view = shown(text);
      expect(view.textContent, text).toBe(text);
      expect(view.querySelectorAll('img, script, svg, iframe, style, object, embed, b, i, a').length, text).toBe(0);
      expect(view.querySelectorAll('[onerror], [onload], [onclick], [style]').length, text).toBe(0);
    }
  });
});
