// CSRF: every state-changing request must show that it comes from our own pages,
// whatever its content type. Browsers send Sec-Fetch-Site and Origin on such
// requests; a request that shows neither is refused. See docs/decisions/.
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isSameOriginRequest(method: string, headers: Headers, allowedOrigins: readonly string[]): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return true;
  const site = headers.get('sec-fetch-site');
  if (site) return site === 'same-origin' || site === 'none';
  const origin = headers.get('origin');
  if (origin) return allowedOrigins.includes(origin);
  return false;
}
