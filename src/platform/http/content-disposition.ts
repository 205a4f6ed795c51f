// Content-Disposition for downloads (RFC 6266 / RFC 8187): an ASCII fallback name and
// the real UTF-8 name in filename*, always as an attachment.

/** The name without path parts, control characters or quotes; never empty. */
export function safeFileName(name: string, fallback = 'file'): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim().slice(0, 200);
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? fallback : cleaned;
}

export function contentDisposition(fileName: string): string {
  const name = safeFileName(fileName);
  const ascii = name.normalize('NFKD').replace(/[^\x20-\x7e]/g, '').replace(/[\\;%]/g, '_') || 'file';
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
