// Data access for materials. Every function takes (db, { organizationId, … }), except the
// two that find which of the actor's organisations a meeting or file is in.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../platform/db/db.ts';
import type { MaterialResource } from '../../platform/policy/material.policy.ts';
import { findMeetingResource, type MeetingWithPeople } from '../meetings/meetings.queries.ts';
import { agendaItems } from '../meetings/meetings.schema.ts';
import { materials } from './materials.schema.ts';

export type Material = typeof materials.$inferSelect;
export type MaterialWithMeeting = Material & MaterialResource & { meeting: MeetingWithPeople };

/** The organisation (among these) that holds the file, or null. */
export async function findMaterialOrganization(db: Tx, { organizationIds, materialId }: { organizationIds: string[]; materialId: string }): Promise<string | null> {
  if (organizationIds.length === 0) return null;
  const [row] = await db
    .select({ organizationId: materials.organizationId })
    .from(materials)
    .where(and(inArray(materials.organizationId, organizationIds), eq(materials.id, materialId)));
  return row?.organizationId ?? null;
}

/** The segments of a meeting that have an expert (the places a segment's files go). */
export async function listExpertSegments(db: Tx, { organizationId, meetingId }: { organizationId: string; meetingId: string }) {
  const rows = await db
    .select({ id: agendaItems.id, position: agendaItems.position, title: agendaItems.title, topic: agendaItems.topic, expertUserId: agendaItems.expertUserId })
    .from(agendaItems)
    .where(and(eq(agendaItems.organizationId, organizationId), eq(agendaItems.meetingId, meetingId)))
    .orderBy(asc(agendaItems.position));
  return rows.filter((r): r is typeof r & { expertUserId: string } => r.expertUserId !== null);
}

export async function listMaterials(db: Tx, { organizationId, meetingId }: { organizationId: string; meetingId: string }) {
  return db
    .select({ material: materials, segmentExpertUserId: agendaItems.expertUserId })
    .from(materials)
    .leftJoin(agendaItems, and(eq(agendaItems.organizationId, materials.organizationId), eq(agendaItems.id, materials.agendaItemId)))
    .where(and(eq(materials.organizationId, organizationId), eq(materials.meetingId, meetingId)))
    .orderBy(asc(materials.createdAt));
}

/** One file as the policies see it: its meeting's people and its segment's expert. */
export async function findMaterialResource(db: Tx, { organizationId, materialId }: { organizationId: string; materialId: string }): Promise<MaterialWithMeeting | null> {
  const [row] = await db
    .select({ material: materials, segmentExpertUserId: agendaItems.expertUserId })
    .from(materials)
    .leftJoin(agendaItems, and(eq(agendaItems.organizationId, materials.organizationId), eq(agendaItems.id, materials.agendaItemId)))
    .where(and(eq(materials.organizationId, organizationId), eq(materials.id, materialId)));
  if (!row) return null;
  const meeting = await findMeetingResource(db, { organizationId, meetingId: row.material.meetingId });
  if (!meeting) return null;
  return {
    ...row.material,
    meeting,
    facilitatorUserIds: meeting.facilitatorUserIds,
    memberUserIds: meeting.memberUserIds,
    expertUserIds: meeting.expertUserIds,
    started: meeting.started,
    cancelled: meeting.cancelled,
    segmentExpertUserId: row.segmentExpertUserId ?? null,
  };
}
