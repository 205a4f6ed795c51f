// The QR code of a TOTP key URI, drawn on the server as SVG by the `qrcode` library (no script or
// image request on the page): an authenticator app on a phone scans it instead of typing the key.
import QRCode from 'qrcode';

/** An `<svg>` element (a string) for the URI, labelled for assistive technology. */
export async function totpQrSvg(uri: string, label: string): Promise<string> {
  const svg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2, color: { dark: '#000000', light: '#ffffff' } });
  const escaped = label.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  return svg.replace('<svg ', `<svg role="img" aria-label="${escaped}" class="totp-qr" `);
}
