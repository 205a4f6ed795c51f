// The rights of people without an account (public bookers, event registrants, applicants, people
// invited who never signed up): they ask at /my-data with their address and get an e-mailed link
// (valid one hour) to see, download and erase what is kept under that address. The link carries the
// address sealed with a key derived from SESSION_SECRET (AES-256-GCM), so nothing is stored and the
// address never appears in a URL or a log in the clear. An address that has an account is told to sign
// in instead: its data is the account's, erased from the profile.
import { z } from 'zod';
import { recordAudit } from '../../platform/audit/audit.ts';
import { decrypt, deriveKey, encrypt } from '../../platform/crypto.ts';
import type { Db } from '../../platform/db/db.ts';
import { enforceRateLimits, rateLimitRules } from '../../platform/http/rate-limit.ts';
import type { Locale } from '../../platform/i18n/i18n.ts';
import { enqueueMail } from '../../platform/mail/mail.ts';
import type { Services } from '../../platform/services.ts';
import { findUserByEmail, normalizeEmail } from '../accounts/sign-in.ts';
import { exportZip, type MyDataExport } from './export-my-data.ts';
import { eraseRows, exportRows, type DataSubject } from './registry-rows.ts';

export const DATA_LINK_TTL_MS = 60 * 60 * 1000;
/** No account has this id: the registry's user-keyed rules match nothing, its e-mail-keyed ones the address. */
const NO_USER_ID = '00000000-0000-0000-0000-000000000000';
const payload = z.object({ email: z.string().email(), expires: z.number().int() });

const keyOf = (secret: string) => deriveKey(secret, 'data-link');

export function sealDataLink(secret: string, email: string, now = Date.now()): string {
  return encrypt(keyOf(secret), Buffer.from(JSON.stringify({ email, expires: now + DATA_LINK_TTL_MS })), 'data-link').toString('base64url');
}

/** The address a link was sent to, or null when it is forged, altered or expired. */
export function openDataLink(secret: string, token: string, now = Date.now()): string | null {
  if (!/^[A-Za-z0-9_-]{40,2000}$/.test(token)) return null;
  try {
    const parsed = payload.safeParse(JSON.parse(decrypt(keyOf(secret), Buffer.from(token, 'base64url'), 'data-link').toString('utf8')));
    return parsed.success && parsed.data.expires > now ? parsed.data.email : null;
  } catch {
    return null;
  }
}

/** Always one mail, so the answer and the work do not tell whether anything is kept or an account exists. */
export async function requestDataLink(services: Services, input: { email: string; locale: Locale }, ip: string): Promise<void> {
  const { db, jobs, config } = services;
  const email = normalizeEmail(input.email);
  await enforceRateLimits(db, [
    [rateLimitRules.dataLinkPerIp, ip],
    [rateLimitRules.dataLinkPerAddress, email],
  ]);
  const user = await findUserByEmail(db, email);
  await db.transaction(async (tx) => {
    if (user) {
      await enqueueMail(tx, jobs, {
        to: user.email,
        locale: user.locale ?? input.locale,
        template: 'dataLinkAccount',
        values: { url: `${config.appUrl}/sign-in?next=/profile` },
        userId: user.id,
      });
      return;
    }
    const url = `${config.appUrl}/my-data/${sealDataLink(config.sessionSecret, email)}`;
    await enqueueMail(tx, jobs, { to: email, locale: input.locale, template: 'dataLink', values: { url, minutes: DATA_LINK_TTL_MS / 60_000 } });
  });
}

export type GuestData = { status: 'account' } | { status: 'data'; tables: Map<string, Record<string, unknown>[]> };

const subjectOf = (email: string): DataSubject => ({ userId: NO_USER_ID, email });

/** What is kept under the address (tables with rows only), or 'account' when the address has one. */
export async function guestData(db: Db, email: string): Promise<GuestData> {
  if (await findUserByEmail(db, email)) return { status: 'account' };
  const tables = await db.transaction(async (tx) => exportRows(tx, subjectOf(email)), { isolationLevel: 'repeatable read' });
  for (const [table, rows] of tables) if (rows.length === 0) tables.delete(table);
  return { status: 'data', tables };
}

export async function guestDataZip(db: Db, email: string, locale: Locale, now = new Date()): Promise<MyDataExport | null> {
  const found = await guestData(db, email);
  if (found.status !== 'data') return null;
  await recordAudit(db, { actorUserId: null, action: 'privacy.guest_data_downloaded', targetType: 'email', metadata: { tables: [...found.tables.keys()] } });
  return exportZip(found.tables, locale, now);
}

/** Erases what the registry keeps under the address (by its rules); refused for an address with an account. */
export async function eraseGuestData(db: Db, email: string): Promise<Record<string, number> | null> {
  return db.transaction(async (tx) => {
    if (await findUserByEmail(tx, email)) return null;
    const touched = await eraseRows(tx, subjectOf(email), {});
    // Counts only: the row says an erasure by link happened, not whose.
    await recordAudit(tx, { actorUserId: null, action: 'privacy.guest_erased', targetType: 'email', metadata: { tables: touched } });
    return touched;
  });
}
