// The two-step verification set-up's QR code (an SVG drawn on the server by src/features/accounts/
// totp-qr.ts) beside the key, with the otpauth: link for a phone that has the app on it.
import { useT } from '../lib/i18n';

export function TotpQr({ svg, uri }: { svg: string; uri: string }) {
  const t = useT();
  return (
    <div className="totp-qr-block">
      <p>{t('everyday.totp.scan')}</p>
      {/* the markup is the qrcode library's SVG (paths only), made on our server from our own URI */}
      <div className="totp-qr-image" dangerouslySetInnerHTML={{ __html: svg }} />
      <p>
        <a href={uri}>{t('everyday.totp.openApp')}</a>
      </p>
      <p className="muted totp-uri">
        <code>{uri}</code>
      </p>
    </div>
  );
}
