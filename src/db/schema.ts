// Every table, re-exported from the module that owns it.
export * from '../features/accounts/accounts.schema.ts';
export * from '../features/organizations/organizations.schema.ts';
export * from '../platform/audit/audit.schema.ts';
export * from '../platform/mail/mail.schema.ts';
export * from '../platform/http/rate-limit.schema.ts';
