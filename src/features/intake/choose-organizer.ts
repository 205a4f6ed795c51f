// Whose group an application goes to (issue 11, point 6): the organiser the applicant chose, or —
// when they left it to their municipality — the one organisation that serves it. Where several
// serve the municipality the form asks instead of guessing; where none does, it asks too.
import type { Tx } from '../../platform/db/db.ts';
import { organizationsServing } from '../organizations/served-municipalities.ts';

export type OrganizerChoice = { kind: 'chosen'; organizationId: string } | { kind: 'ask'; among: string[] };

export async function chooseOrganizer(db: Tx, input: { organizationIds: string[]; posted: string; municipality: string }): Promise<OrganizerChoice> {
  const { organizationIds, posted, municipality } = input;
  if (organizationIds.includes(posted)) return { kind: 'chosen', organizationId: posted };
  if (organizationIds.length === 1) return { kind: 'chosen', organizationId: organizationIds[0]! };
  const serving = municipality ? await organizationsServing(db, { organizationIds, municipalityCode: municipality }) : [];
  if (serving.length === 1) return { kind: 'chosen', organizationId: serving[0]! };
  return { kind: 'ask', among: serving.length > 1 ? serving : organizationIds };
}
