import { count } from 'drizzle-orm';
import { organizations } from '../features/organizations/organizations.schema.ts';
import type { Services } from '../platform/services.ts';

/** Seeds the demo programme only into an empty database. Needs nothing but the database. */
export async function seedDemoIfEmpty(services: Pick<Services, 'db'>): Promise<boolean> {
  const [row] = await services.db.select({ n: count() }).from(organizations);
  if ((row?.n ?? 0) > 0) return false;
  const { seedDemo } = await import('./seed.ts');
  // seedDemo re-checks under a lock: two instances starting at once seed only once.
  return (await seedDemo(services)) !== null;
}
