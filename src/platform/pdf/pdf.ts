// The product's one PDF maker (ADR 019): pdfkit, writing tagged PDF (PDF/UA-minded) —
// a structure tree of headings and paragraphs in reading order, the document's language
// and title (shown in the title bar), and DejaVu Sans embedded (subset) so Finnish,
// Swedish and Sámi letters print everywhere. It knows no feature: callers hand it blocks.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';

/**
 * `check`: a line with an empty box before it to tick by pen (the box is a layout artifact, the text a paragraph).
 * `figure`: a PNG picture (e.g. a QR code), `width` points wide, tagged as a Figure with its text alternative.
 */
export type PdfBlock = { kind: 'h1' | 'h2' | 'p' | 'check'; text: string } | { kind: 'figure'; png: Buffer; alt: string; width: number };

export interface PdfInput {
  /** The document's title (metadata and title bar). */
  title: string;
  /** BCP 47, e.g. 'fi-FI': screen readers pick the voice from it. */
  lang: string;
  author?: string;
  blocks: readonly PdfBlock[];
  /** For reproducible files in tests. */
  createdAt?: Date;
}

const fontDir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const fonts = { regular: join(fontDir, 'DejaVuSans.ttf'), bold: join(fontDir, 'DejaVuSans-Bold.ttf') };
const sizes = { h1: 20, h2: 14, p: 11, check: 12 } as const;
const structureType = { h1: 'H1', h2: 'H2', p: 'P', check: 'P' } as const;
const BOX = 14;

/** Renders the blocks as an A4 tagged PDF. */
export function renderPdf(input: PdfInput): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    pdfVersion: '1.7',
    tagged: true,
    lang: input.lang,
    displayTitle: true,
    info: { Title: input.title, Author: input.author ?? 'Työpeili', Creator: 'Työpeili', CreationDate: input.createdAt ?? new Date() },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  const root = doc.struct('Document');
  doc.addStructure(root);
  for (const block of input.blocks) {
    if (block.kind === 'figure') {
      if (doc.y + block.width > doc.page.height - doc.page.margins.bottom) doc.addPage();
      const top = doc.y;
      const element = doc.struct('Figure', { alt: block.alt }, () => {
        doc.image(block.png, doc.page.margins.left, top, { width: block.width });
      });
      root.add(element);
      doc.x = doc.page.margins.left;
      doc.y = top + block.width + 10;
      continue;
    }
    if (block.kind === 'check') {
      const lineHeight = BOX + 12;
      if (doc.y + lineHeight > doc.page.height - doc.page.margins.bottom) doc.addPage();
      const top = doc.y;
      const left = doc.page.margins.left;
      doc.markContent('Artifact', { type: 'Layout' });
      doc.lineWidth(1).rect(left, top, BOX, BOX).stroke();
      doc.endMarkedContent();
      const element = doc.struct('P', {}, () => {
        doc.font('regular').fontSize(sizes.check);
        doc.text(block.text, left + BOX + 10, top + 1, { lineGap: 2, width: doc.page.width - doc.page.margins.right - left - BOX - 10 });
      });
      root.add(element);
      doc.x = left;
      doc.y = Math.max(doc.y, top + BOX) + 10;
      continue;
    }
    const element = doc.struct(structureType[block.kind], {}, () => {
      doc.font(block.kind === 'p' ? 'regular' : 'bold').fontSize(sizes[block.kind]);
      doc.text(block.text, { paragraphGap: block.kind === 'p' ? 8 : 6, lineGap: 2 });
    });
    root.add(element);
    if (block.kind !== 'p') doc.moveDown(0.3);
  }
  root.end();
  doc.end();
  return done;
}
