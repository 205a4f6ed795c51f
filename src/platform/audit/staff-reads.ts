// Reads of other people's personal or health data by staff, for the controller's log
// (GDPR Art. 30/32, the Finnish Data Protection Act 1050/2018 § 6 for health data) and
// for each person's "who has handled my data" page (Art. 15). Every loader, export and
// drill-down that shows staff someone else's data calls recordStaffRead with the actor,
// the purpose and the target; one row per read, in the log that nobody can change.
import type { Actor } from '../auth/actor.ts';
import type { Tx } from '../db/db.ts';
import { recordAudit } from './audit.ts';

/** Why staff read the data: the action in the log is `read.<purpose>`. */
export const readPurposes = [
  'intake.application',
  'intake.queue',
  'organization.members',
  'attendance.group',
  'attendance.meeting',
  'research.export',
  'evaluation.export',
  'audit.review',
  'advice.sessions',
  'advice.session',
  'events.registrations',
  'events.check_in',
  'exit_interviews.group',
  'stories.manage',
  'certificates.manage',
  'programmes.participants',
  'programmes.report',
] as const;
export type ReadPurpose = (typeof readPurposes)[number];

export interface StaffRead {
  organizationId: string | null;
  purpose: ReadPurpose;
  /** What was opened: an application, a group, a meeting, the organisation's member list … */
  targetType: string;
  targetId?: string | null;
  /** The people whose data was shown (the actor's own id is left out). */
  subjectUserIds?: readonly string[];
}

/** At most this many subjects per row: a longer list is cut and its length kept. */
const MAX_SUBJECTS = 500;

export async function recordStaffRead(tx: Tx, actor: Actor, read: StaffRead): Promise<void> {
  const subjects = [...new Set(read.subjectUserIds ?? [])].filter((id) => id !== actor.userId);
  await recordAudit(tx, {
    organizationId: read.organizationId,
    actorUserId: actor.userId,
    action: `read.${read.purpose}`,
    targetType: read.targetType,
    targetId: read.targetId ?? undefined,
    metadata: { purpose: read.purpose, subjects: subjects.slice(0, MAX_SUBJECTS), subjectCount: subjects.length },
  });
}

export function isReadAction(action: string): boolean {
  return action.startsWith('read.');
}
