import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { totpQrSvg } from './totp-qr.ts';

// The key URI format is Google Authenticator's (Key-Uri-Format): otpauth://totp/ISSUER:ACCOUNT?secret=…
const uri = 'otpauth://totp/Ty%C3%B6peili:aino%40example.fi?issuer=Ty%C3%B6peili&secret=JBSWY3DPEHPK3PXP&algorithm=SHA1&digits=6&period=30';

describe('totpQrSvg', () => {
  it('draws the URI as one SVG with a text alternative', async () => {
    const svg = await totpQrSvg(uri, 'QR-koodi "Työpeili" <aino>');
    expect(svg.startsWith('<svg role="img" aria-label="QR-koodi &quot;Työpeili&quot; &lt;aino>" class="totp-qr" ')).toBe(true);
    expect(svg.trim().endsWith('</svg>')).toBe(true);
    expect(svg).not.toContain('<script');
  });

  it('holds the whole URI: the symbol is the size QR needs for it at level M, plus the margin', async () => {
    // 125 bytes in byte mode at level M: version 7 holds 122, version 8 holds 152 (ISO/IEC 18004
    // table 7), so version 8: 4 × 8 + 17 = 49 modules a side, and 2 of margin each side
    expect(Buffer.byteLength(uri)).toBe(125);
    const symbol = QRCode.create(uri, { errorCorrectionLevel: 'M' });
    expect(symbol.version).toBe(8);
    const svg = await totpQrSvg(uri, 'QR');
    expect(svg).toContain('viewBox="0 0 53 53"');
  });
});
