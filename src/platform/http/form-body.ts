// The one body check for pages: before any route's action runs, a request that carries a
// body must be a form (urlencoded or multipart), must parse, and may hold no NUL character
// (PostgreSQL text cannot) and files only where a route takes uploads. Query strings get the
// same NUL rule. What fails gets a translated 400/415 and reaches no route and no database.

export type BodyVerdict = { ok: true } | { ok: false; status: 400 | 415 };

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function mediaType(contentType: string | null): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

/** True if the query string (decoded) holds a NUL or a value that is not valid UTF-8 percent-encoding. */
export function badQuery(url: URL): boolean {
  for (const [k, v] of url.searchParams) if (k.includes('\u0000') || v.includes('\u0000')) return true;
  return false;
}

/**
 * Checks the body of a request bound for a page (not the API, which validates its own JSON).
 * `filesAllowed` is true only for the upload routes. The request itself is left readable.
 */
export async function checkFormBody(request: Request, filesAllowed: boolean): Promise<BodyVerdict> {
  if (!BODY_METHODS.has(request.method.toUpperCase())) return { ok: true };
  const type = mediaType(request.headers.get('content-type'));
  const length = request.headers.get('content-length');
  // A body-less POST (a button with no fields) is fine; a body of an unknown type is not.
  if (!type) return request.body === null || length === '0' ? { ok: true } : { ok: false, status: 415 };
  if (!FORM_TYPES.includes(type)) return { ok: false, status: 415 };
  const charset = /charset="?([^";]+)/i.exec(request.headers.get('content-type') ?? '')?.[1]?.toLowerCase();
  if (charset && charset !== 'utf-8' && charset !== 'utf8') return { ok: false, status: 415 };
  let form: FormData;
  try {
    form = await request.clone().formData();
  } catch {
    return { ok: false, status: 400 };
  }
  for (const [key, value] of form) {
    if (key.includes('\u0000')) return { ok: false, status: 400 };
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return { ok: false, status: 400 };
    } else if (!filesAllowed) {
      return { ok: false, status: 400 };
    }
  }
  return { ok: true };
}
