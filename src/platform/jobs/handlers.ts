import { boardDigestHandler } from '../../features/board/digest.ts';
import { reminderHandler } from '../../features/reminders/reminders.ts';
import { createMailHandler } from '../mail/send-mail.ts';
import type { Services } from '../services.ts';
import type { JobHandler } from './jobs.ts';
import { maintenanceHandler } from './maintenance.ts';
import { invitationHandler } from '../../features/meetings/invitations.ts';
import { checkInReminderHandler } from '../../features/outcomes/check-in-reminders.ts';

/** Every job handler the worker runs. */
export function jobHandlers(services: Services): JobHandler<never>[] {
  return [
    createMailHandler(services) as JobHandler<never>,
    maintenanceHandler(services.db) as JobHandler<never>,
    invitationHandler({ db: services.db, jobs: services.jobs, appUrl: services.config.appUrl }) as JobHandler<never>,
    boardDigestHandler(services) as JobHandler<never>,
    reminderHandler(services) as JobHandler<never>,
    checkInReminderHandler({ db: services.db, jobs: services.jobs, appUrl: services.config.appUrl }) as JobHandler<never>,
  ];
}
