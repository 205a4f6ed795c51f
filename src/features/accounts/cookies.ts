import { SESSION_COOKIE } from './sessions.ts';

/** HttpOnly, SameSite=Lax, Secure in production; persistent only for "stay signed in". */
export function sessionCookie(token: string, opts: { isProduction: boolean; maxAgeSeconds?: number }): string {
  const parts = [`${SESSION_COOKIE}=${token}`, 'Path=/', 'HttpOnly', 'SameSite=Lax'];
  if (opts.isProduction) parts.push('Secure');
  if (opts.maxAgeSeconds) parts.push(`Max-Age=${opts.maxAgeSeconds}`);
  return parts.join('; ');
}

export function clearedSessionCookie(isProduction: boolean): string {
  return [`${SESSION_COOKIE}=`, 'Path=/', 'HttpOnly', 'SameSite=Lax', 'Max-Age=0', ...(isProduction ? ['Secure'] : [])].join('; ');
}
