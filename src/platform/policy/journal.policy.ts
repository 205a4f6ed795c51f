// The private journal: only the author, ever. Not facilitators, coordinators or
// administrators; there is no organisation in the rule because a journal belongs to a
// person, not to a tenant.
import { NotFoundError } from '../errors.ts';
import { isSelf, type Policy, type Rule } from './policy.ts';

/** A journal (or one entry of it): whose it is. */
export interface JournalResource {
  userId: string;
}

const isAuthor: Rule<JournalResource> = isSelf;

export const journalPolicy = {
  write: isAuthor,
  read: isAuthor,
  edit: isAuthor,
  delete: isAuthor,
  export: isAuthor,
} satisfies Policy;

/** Refuses with 404 for everyone but the author: nobody else may learn an entry exists. */
export function authorizeJournal(actor: Parameters<Rule<JournalResource>>[0], resource: JournalResource, rule: Rule<JournalResource>): void {
  if (!rule(actor, resource)) throw new NotFoundError();
}
