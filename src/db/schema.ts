// Every table, re-exported from the module that owns it.
export * from '../features/accounts/accounts.schema.ts';
export * from '../features/organizations/organizations.schema.ts';
export * from '../features/companies/companies.schema.ts';
export * from '../platform/audit/audit.schema.ts';
export * from '../platform/disclosure/disclosure.schema.ts';
export * from '../platform/mail/mail.schema.ts';
export * from '../platform/http/rate-limit.schema.ts';
export * from '../features/intake/intake.schema.ts';
export * from '../features/groups/groups.schema.ts';
export * from '../features/meetings/meetings.schema.ts';
export * from '../features/steps/steps.schema.ts';
export * from '../features/journal/journal.schema.ts';
export * from '../features/board/board.schema.ts';
export * from '../features/materials/materials.schema.ts';
export * from '../features/reminders/reminders.schema.ts';
export * from '../features/outcomes/outcomes.schema.ts';
export * from '../features/advice/advice.schema.ts';
