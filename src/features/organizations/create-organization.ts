// Use case: an admin creates an organisation (tenant); the slug is derived from the name and unique.
import type { Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/db.ts';
import { ForbiddenError } from '../../platform/errors.ts';
import { organizationPolicy } from '../../platform/policy/index.ts';
import { isUniqueViolation } from './organizations.errors.ts';
import { slugExists } from './organizations.queries.ts';
import { organizations } from './organizations.schema.ts';
import { createOrganizationSchema } from './organizations.validation.ts';
import { uniqueSlug } from './slug.ts';

export async function createOrganization(actor: Actor | null, deps: { db: Db }, input: { name: string }) {
  if (!organizationPolicy.create(actor, null)) throw new ForbiddenError();
  const { name } = createOrganizationSchema.parse(input);
  for (let attempt = 0; ; attempt++) {
    try {
      return await deps.db.transaction(async (tx) => {
        const slug = await uniqueSlug(name, (s) => slugExists(tx, s));
        const [organization] = await tx.insert(organizations).values({ name, slug }).returning();
        if (!organization) throw new Error('insert returned no row');
        await recordAudit(tx, { organizationId: organization.id, actorUserId: actor?.userId, action: 'org.created', targetType: 'organization', targetId: organization.id, metadata: { slug } });
        return organization;
      });
    } catch (error) {
      // Two people creating the same name at once: the unique index decides; try the next slug.
      if (attempt < 3 && isUniqueViolation(error)) continue;
      throw error;
    }
  }
}
