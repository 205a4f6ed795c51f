// Composition root for background work: every job handler the worker runs, the
// platform's and the features'. src/platform knows no feature; features export
// their handlers (and their share of the hourly clean-up) and are wired in here.
import { pruneExpiredAccounts } from '../src/features/accounts/prune.ts';
import { adviceReminderHandler, pruneAdviceHolds } from '../src/features/advice/reminders.ts';
import { boardDigestHandler } from '../src/features/board/digest.ts';
import { eventFollowUpHandler } from '../src/features/events/follow-ups.ts';
import { pruneEventNeeds } from '../src/features/events/register.ts';
import { newsletterHandler } from '../src/features/newsletters/send-newsletter.ts';
import { invitationHandler } from '../src/features/meetings/invitations.ts';
import { checkInReminderHandler } from '../src/features/outcomes/check-in-reminders.ts';
import { pruneRetention } from '../src/features/privacy/retention.ts';
import { reminderHandler } from '../src/features/reminders/reminders.ts';
import { webhookDeliveryHandler } from '../src/features/webhooks/index.ts';
import { dailyBackupHandler } from '../src/platform/backup/backup.ts';
import type { JobHandler } from '../src/platform/jobs/jobs.ts';
import { maintenanceHandler, type Prune } from '../src/platform/jobs/maintenance.ts';
import { createMailHandler } from '../src/platform/mail/send-mail.ts';
import type { Services } from '../src/platform/services.ts';

/** What each feature prunes in the hourly maintenance job. */
export const maintenancePrunes: readonly Prune[] = [pruneExpiredAccounts, pruneAdviceHolds, pruneRetention, pruneEventNeeds];

/** Every job handler the worker runs. */
export function jobHandlers(services: Services): JobHandler<never>[] {
  return [
    createMailHandler(services) as JobHandler<never>,
    maintenanceHandler(services.db, maintenancePrunes) as JobHandler<never>,
    invitationHandler({ db: services.db, jobs: services.jobs, appUrl: services.config.appUrl }) as JobHandler<never>,
    boardDigestHandler(services) as JobHandler<never>,
    reminderHandler(services) as JobHandler<never>,
    checkInReminderHandler({ db: services.db, jobs: services.jobs, appUrl: services.config.appUrl }) as JobHandler<never>,
    adviceReminderHandler(services) as JobHandler<never>,
    eventFollowUpHandler(services) as JobHandler<never>,
    dailyBackupHandler(services) as JobHandler<never>,
    newsletterHandler(services) as JobHandler<never>,
    webhookDeliveryHandler(services) as JobHandler<never>,
  ];
}
