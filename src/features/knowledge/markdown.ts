// Articles are written in Markdown and rendered on the server. Two guards, so a slip in one
// is caught by the other: markdown-it with raw HTML off (it escapes `<script>` and friends and
// refuses javascript:/vbscript:/data: links), then sanitize-html with a short allowlist. Pictures
// come only from the article's own files (/knowledge/files/<id>), whose type was checked by its
// bytes at upload. Headings move one level down: the page's own title is the only h1.
import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false, breaks: false });

const FILE_SRC = /^\/knowledge\/files\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const sanitizeOptions: sanitizeHtml.IOptions = {
  allowedTags: [
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'p',
    'br',
    'hr',
    'ul',
    'ol',
    'li',
    'blockquote',
    'strong',
    'em',
    's',
    'code',
    'pre',
    'a',
    'img',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
  ],
  allowedAttributes: { a: ['href', 'rel'], img: ['src', 'alt'], ol: ['start'], th: ['style'], td: ['style'] },
  allowedStyles: { th: { 'text-align': [/^(left|right|center)$/] }, td: { 'text-align': [/^(left|right|center)$/] } },
  allowedSchemes: ['https', 'http', 'mailto', 'tel'],
  allowedSchemesByTag: { img: [] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    h1: 'h2',
    h2: 'h3',
    h3: 'h4',
    h4: 'h5',
    a: (tagName, attribs) => {
      const href = attribs.href ?? '';
      const out: sanitizeHtml.Attributes = { href };
      if (/^https?:/i.test(href)) out.rel = 'nofollow noopener noreferrer';
      return { tagName, attribs: out };
    },
  },
  exclusiveFilter: (frame) => frame.tag === 'img' && !FILE_SRC.test(frame.attribs.src ?? ''),
};

/** Safe HTML for an article body. */
export function renderArticleHtml(source: string): string {
  return sanitizeHtml(markdown.render(source), sanitizeOptions);
}

/** The readable text of a body (for the search index and the snippets), without Markdown marks. */
export function articlePlainText(source: string): string {
  const parts: string[] = [];
  for (const block of markdown.parse(source, {})) {
    if (block.type === 'inline') {
      for (const child of block.children ?? []) {
        if (child.type === 'text' || child.type === 'code_inline') parts.push(child.content);
        else if (child.type === 'softbreak' || child.type === 'hardbreak') parts.push(' ');
        else if (child.type === 'image') parts.push(child.content);
      }
      parts.push('\n');
    } else if (block.type === 'code_block' || block.type === 'fence') {
      parts.push(block.content, '\n');
    }
  }
  return parts
    .join('')
    .replace(/[ \t]+/g, ' ')
    .replace(/\n{2,}/g, '\n')
    .trim();
}
