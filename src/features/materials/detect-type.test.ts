// File types by content: every accepted kind is recognised from its bytes whatever its
// name; HTML renamed .pdf, SVG, scripts, plain ZIPs and executables are refused.
import { describe, expect, it } from 'vitest';
import { docxBytes, gifBytes, htmlBytes, jpegBytes, odpBytes, odsBytes, odtBytes, oleBytes, pdfBytes, pngBytes, pptxBytes, svgBytes, webpBytes, xlsxBytes, zipBytes } from '../../../tests/factories/files.ts';
import { detectType, downloadName, zipEntryNames } from './detect-type.ts';

describe('detecting the type by content', () => {
  it.each([
    ['ohje.pdf', pdfBytes(), 'application/pdf'],
    ['kuva.png', pngBytes(), 'image/png'],
    ['kuva.jpg', jpegBytes(), 'image/jpeg'],
    ['kuva.gif', gifBytes(), 'image/gif'],
    ['kuva.webp', webpBytes(), 'image/webp'],
    ['muistio.docx', docxBytes(), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['laskelma.xlsx', xlsxBytes(), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['esitys.pptx', pptxBytes(), 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
    ['muistio.odt', odtBytes(), 'application/vnd.oasis.opendocument.text'],
    ['laskelma.ods', odsBytes(), 'application/vnd.oasis.opendocument.spreadsheet'],
    ['esitys.odp', odpBytes(), 'application/vnd.oasis.opendocument.presentation'],
    ['vanha.doc', oleBytes(), 'application/msword'],
    ['vanha.xls', oleBytes(), 'application/vnd.ms-excel'],
    ['vanha.ppt', oleBytes(), 'application/vnd.ms-powerpoint'],
  ])('%s is %s', (name, bytes, mediaType) => {
    expect(detectType(bytes, name)?.mediaType).toBe(mediaType);
  });

  it('goes by the bytes, not the name', () => {
    expect(detectType(pngBytes(), 'kuva.pdf')?.mediaType).toBe('image/png');
    expect(detectType(pdfBytes(), 'ohje')?.mediaType).toBe('application/pdf');
  });

  it.each([
    ['HTML renamed .pdf', htmlBytes(), 'ohje.pdf'],
    ['HTML', htmlBytes(), 'sivu.html'],
    ['SVG', svgBytes(), 'kuva.svg'],
    ['SVG renamed .png', svgBytes(), 'kuva.png'],
    ['JavaScript', Buffer.from('alert(1)'), 'skripti.js'],
    ['plain text', Buffer.from('Hei vaan'), 'teksti.txt'],
    ['HTML after a BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), htmlBytes()]), 'a.pdf'],
    ['PDF signature not at the start', Buffer.concat([Buffer.from('<html>'), pdfBytes()]), 'a.pdf'],
    ['a plain ZIP', zipBytes([['skripti.js', 'alert(1)']]), 'paketti.docx'],
    ['a ZIP with content types but no document part', zipBytes([['[Content_Types].xml', '<Types/>'], ['index.html', '<html>']]), 'a.docx'],
    ['ODF with an unknown mimetype', zipBytes([['mimetype', 'text/html'], ['content.xml', '']]), 'a.odt'],
    ['an OLE file with a strange name', oleBytes(), 'ohjelma.exe'],
    ['a Windows program', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(100)]), 'ohjelma.pdf'],
    ['an empty file', Buffer.alloc(0), 'tyhja.pdf'],
    ['a broken ZIP', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(40)]), 'rikki.docx'],
  ])('refuses %s', (_label, bytes, name) => {
    expect(detectType(bytes, name)).toBeNull();
  });

  it('reads the names of a ZIP', () => {
    expect(zipEntryNames(docxBytes())).toEqual(['[Content_Types].xml', '_rels/.rels', 'word/document.xml']);
    expect(zipEntryNames(Buffer.from('not a zip'))).toBeNull();
  });

  it('gives a download the right extension', () => {
    const pdf = detectType(pdfBytes(), 'x')!;
    expect(downloadName('Ohje.pdf', pdf)).toBe('Ohje.pdf');
    expect(downloadName('Ohje.PDF', pdf)).toBe('Ohje.PDF');
    expect(downloadName('sivu.html', pdf)).toBe('sivu.html.pdf');
    expect(downloadName('ohje', pdf)).toBe('ohje.pdf');
  });
});
