// The body renderer: ordinary Markdown works, and nothing that could run script survives
// (raw HTML, event attributes, javascript:/data: links, foreign pictures).
import { describe, expect, it } from 'vitest';
import { articlePlainText, renderArticleHtml } from './markdown.ts';

const FILE = '0190f000-0000-7000-8000-000000000001';

describe('renderArticleHtml', () => {
  it('renders paragraphs, lists, emphasis, links and moves headings one level down', () => {
    const html = renderArticleHtml('# Otsikko\n\nKappale **lihava** ja *kursiivi*.\n\n- yksi\n- kaksi\n\n[Yrittäjät](https://www.yrittajat.fi)');
    expect(html).toContain('<h2>Otsikko</h2>');
    expect(html).toContain('<strong>lihava</strong>');
    expect(html).toContain('<em>kursiivi</em>');
    expect(html).toContain('<li>yksi</li>');
    expect(html).toContain('<a href="https://www.yrittajat.fi" rel="nofollow noopener noreferrer">Yrittäjät</a>');
  });
  /** Every tag the output has as markup, with its attributes. */
  function markup(html: string) {
    return [...html.matchAll(/<([a-zA-Z][a-zA-Z0-9]*)([^>]*)>/g)].map((m) => ({
      tag: m[1]!.toLowerCase(),
      attrs: [...m[2]!.matchAll(/([a-zA-Z-]+)\s*=\s*"([^"]*)"/g)].map((a) => [a[1]!.toLowerCase(), a[2]!] as const),
    }));
  }
  it.each([
    '<script>alert(1)</script>',
    '<img src=x onerror="alert(1)">',
    '<a href="javascript:alert(1)">x</a>',
    '[klikkaa](javascript:alert(1))',
    '[klikkaa](JaVaScRiPt:alert(1))',
    '[klikkaa](&#106;avascript:alert(1))',
    '[klikkaa](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
    '[klikkaa](vbscript:msgbox(1))',
    '![kuva](https://evil.example/x.png)',
    '![kuva](javascript:alert(1))',
    '<iframe src="https://evil.example"></iframe>',
    '<svg onload=alert(1)>',
    '<style>body{display:none}</style>',
    '[a](https://x.fi "title" onmouseover="alert(1)")',
  ])('leaves nothing runnable of %s', (source) => {
    for (const { tag, attrs } of markup(renderArticleHtml(source))) {
      expect(['p', 'a', 'img', 'strong', 'em', 'code']).toContain(tag);
      for (const [name, value] of attrs) {
        expect(name).not.toMatch(/^on/);
        expect(value).not.toMatch(/^\s*(javascript|vbscript|data):/i);
        if (tag === 'img') expect(value).toMatch(/^\/knowledge\/files\//);
      }
    }
  });
  it('keeps the article’s own pictures', () => {
    expect(renderArticleHtml(`![Kaavio](/knowledge/files/${FILE})`)).toContain(`<img src="/knowledge/files/${FILE}" alt="Kaavio" />`);
  });
  it('shows raw HTML as text, not as markup', () => {
    expect(renderArticleHtml('<b>lihava</b>')).toContain('&lt;b&gt;lihava&lt;/b&gt;');
  });
});

describe('articlePlainText', () => {
  it('keeps the words without the marks', () => {
    expect(articlePlainText('## Tuki\n\nHae **yritystukea** [täältä](https://x.fi).')).toBe('Tuki\nHae yritystukea täältä.');
  });
});
