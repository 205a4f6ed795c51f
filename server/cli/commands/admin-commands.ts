// create-admin: the first administrator of a fresh installation (or another one), with an
// organisation to hold the admin membership. The password comes from stdin (piped) or is typed
// without echo, and must pass the same policy as on the pages.
import { eq, sql } from 'drizzle-orm';
import type { Command } from 'commander';
import { z } from 'zod';
import { users } from '../../../src/features/accounts/accounts.schema.ts';
import { checkPasswordPolicy, hashPassword } from '../../../src/features/accounts/password.ts';
import { memberships, organizations } from '../../../src/features/organizations/organizations.schema.ts';
import { slugExists } from '../../../src/features/organizations/organizations.queries.ts';
import { uniqueSlug } from '../../../src/features/organizations/slug.ts';
import { recordAudit } from '../../../src/platform/audit/audit.ts';
import { translate } from '../../../src/platform/i18n/i18n.ts';
import { runMigrations } from '../../../src/platform/db/migrate.ts';
import { CommandError, commandConfig, EXIT_USAGE, readSecret, withDatabase } from '../context.ts';

const optionsSchema = z.object({
  email: z.email().max(254),
  name: z.string().trim().min(1).max(200),
  organization: z.string().trim().min(1).max(200),
});

export function registerAdminCommands(program: Command): void {
  program
    .command('create-admin')
    .description('create an installation administrator (password from stdin, or typed without echo)')
    .requiredOption('--email <email>', 'their e-mail address (the sign-in name)')
    .requiredOption('--name <name>', 'their name')
    .requiredOption('--organization <name>', 'the organisation to hold the admin membership: an existing slug, or the name of a new one')
    .action(async (raw: Record<string, string>) => {
      const parsed = optionsSchema.safeParse(raw);
      if (!parsed.success) throw new CommandError(`Invalid --${String(parsed.error.issues[0]?.path[0])}: ${parsed.error.issues[0]?.message}`, EXIT_USAGE);
      const { email, name, organization } = parsed.data;
      const password = await readSecret('Password: ');
      const problem = checkPasswordPolicy(password, { email, name });
      if (problem) throw new CommandError(`Password not accepted: ${translate('en', problem)}`, EXIT_USAGE);
      const passwordHash = await hashPassword(password);
      await withDatabase(commandConfig(), async (database) => {
        await runMigrations(database.pool, database.db);
        const result = await database.db.transaction(async (tx) => {
          const [existing] = await tx.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${email.toLowerCase()}`).limit(1);
          if (existing) throw new CommandError(`An account with the e-mail ${email} already exists.`);
          const [found] = await tx.select().from(organizations).where(eq(organizations.slug, organization)).limit(1);
          let org = found;
          if (!org) {
            const slug = await uniqueSlug(organization, (s) => slugExists(tx, s));
            [org] = await tx.insert(organizations).values({ name: organization, slug }).returning();
          }
          const [user] = await tx.insert(users).values({ email: email.toLowerCase(), name, passwordHash, emailVerifiedAt: new Date() }).returning({ id: users.id });
          await tx.insert(memberships).values({ organizationId: org!.id, userId: user!.id, role: 'admin' });
          await recordAudit(tx, { organizationId: org!.id, actorUserId: null, action: 'cli.admin_created', targetType: 'user', targetId: user!.id, metadata: { created: !found } });
          return { org: org!, created: !found };
        });
        console.log(`Created the administrator ${email} in ${result.created ? 'the new organisation' : 'the organisation'} "${result.org.name}" (${result.org.slug}). They must set up two-step sign-in on first sign-in.`);
      });
    });
}
