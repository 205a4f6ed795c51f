// The PDF helper: a real PDF (parsed by pdf-parse), tagged (structure tree, marked content,
// language, title shown), with the font embedded and the Finnish text extractable.
import { PDFParse } from 'pdf-parse';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { renderPdf } from './pdf.ts';

describe('renderPdf', () => {
  it('makes a tagged A4 PDF whose text (ä, ö, å) reads back', async () => {
    const pdf = await renderPdf({
      title: 'Oma päiväkirja – Työpeili',
      lang: 'fi-FI',
      blocks: [
        { kind: 'h1', text: 'Oma päiväkirja – Työpeili' },
        { kind: 'h2', text: 'Tiistai 1.12.2026' },
        { kind: 'p', text: 'Tänään uskalsin nostaa hintoja. Åbo, Närpes ja Jyväskylä – öljy ja äänet.' },
      ],
    });
    const raw = pdf.toString('latin1');
    expect(raw.startsWith('%PDF-1.7')).toBe(true);
    expect(raw).toContain('/StructTreeRoot');
    expect(raw).toContain('/MarkInfo');
    expect(raw).toContain('/Marked true');
    expect(raw).toContain('/Lang (fi-FI)');
    expect(raw).toContain('/DisplayDocTitle true');
    expect(raw).toMatch(/\/S \/H1/);
    expect(raw).toMatch(/\/S \/P/);
    expect(raw).toContain('DejaVuSans');
    expect(raw).toMatch(/\/FontFile2/);
    const parser = new PDFParse({ data: new Uint8Array(pdf) });
    try {
      const { text } = await parser.getText();
      expect(text).toContain('Oma päiväkirja – Työpeili');
      expect(text).toContain('Tiistai 1.12.2026');
      expect(text.replace(/\s+/g, ' ')).toContain('Tänään uskalsin nostaa hintoja. Åbo, Närpes ja Jyväskylä – öljy ja äänet.');
      const info = await parser.getInfo();
      expect(info.info?.Title).toBe('Oma päiväkirja – Työpeili');
    } finally {
      await parser.destroy();
    }
  });

  it('tags a picture as a Figure with its text alternative', async () => {
    const png = await QRCode.toBuffer('https://tyopeili.example.fi/verify/7KQ2M9XH4D', { type: 'png', margin: 2, scale: 4 });
    const pdf = await renderPdf({
      title: 'Todistus',
      lang: 'fi-FI',
      blocks: [
        { kind: 'h1', text: 'Todistus' },
        { kind: 'figure', png, alt: 'QR-koodi tarkistussivulle', width: 120 },
        { kind: 'p', text: 'Tarkistuskoodi 7KQ2M-9XH4D' },
      ],
    });
    const raw = pdf.toString('latin1');
    expect(raw).toMatch(/\/S \/Figure/);
    expect(raw).toContain('/Alt (QR-koodi tarkistussivulle)');
    expect(raw).toMatch(/\/Subtype \/Image/);
    const parser = new PDFParse({ data: new Uint8Array(pdf) });
    try {
      expect((await parser.getText()).text).toContain('Tarkistuskoodi 7KQ2M-9XH4D');
    } finally {
      await parser.destroy();
    }
  });
});
