// Route parameters that name a resource: a malformed id is simply "not found".
import { data } from 'react-router';
import { z } from 'zod';

export function uuidParam(value: string | undefined): string {
  const parsed = z.uuid().safeParse(value);
  if (!parsed.success) throw data(null, { status: 404 });
  return parsed.data;
}

/** The form's fields as strings (files and repeated fields are not used by these forms). */
export async function formFields(request: Request): Promise<Record<string, string>> {
  const form = await request.formData();
  const out: Record<string, string> = {};
  for (const [key, value] of form) if (typeof value === 'string' && !(key in out)) out[key] = value;
  return out;
}

export function notice<T extends string>(url: URL, allowed: readonly T[]): T | null {
  const done = url.searchParams.get('done');
  return (allowed as readonly string[]).includes(done ?? '') ? (done as T) : null;
}
