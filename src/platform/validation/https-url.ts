// An optional online link typed into a form (a meeting's or an event's video call): empty means
// none (null); otherwise an https address with a dotted host, at most 500 characters.
import { z } from 'zod';

export function optionalHttpsUrl(message: string) {
  return z
    .string()
    .trim()
    .max(500, message)
    .optional()
    .transform((v) => (v ? v : null))
    .refine((v) => {
      if (v === null) return true;
      try {
        const u = new URL(v);
        return u.protocol === 'https:' && u.hostname.includes('.');
      } catch {
        return false;
      }
    }, message);
}
