import { eq } from 'drizzle-orm';
import type { Tx } from '../../platform/db/db.ts';
import type { Locale } from '../../platform/i18n/i18n.ts';
import { users } from './accounts.schema.ts';

export async function setUserLocale(db: Tx, userId: string, locale: Locale): Promise<void> {
  await db.update(users).set({ locale }).where(eq(users.id, userId));
}
