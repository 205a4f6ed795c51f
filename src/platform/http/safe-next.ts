/** A `next` target for redirects: only local paths, never an open redirect. */
export function safeNext(next: string | undefined | null, fallback: string): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  return next;
}
