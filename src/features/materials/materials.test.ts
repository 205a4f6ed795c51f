// The material use cases against the real database and a temporary folder: an upload
// writes the bytes and an audit row; a refused one leaves neither row nor file; a
// cancelled meeting takes no uploads; a segment of another meeting is refused; deleting
// removes row and file.
import { and, eq } from 'drizzle-orm';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/database.ts';
import { htmlBytes, pdfBytes } from '../../../tests/factories/files.ts';
import { createTestGroup, createTestMeeting } from '../../../tests/factories/groups.ts';
import { actorFor, createTestMember, createTestOrganization } from '../../../tests/factories/organizations.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { auditLog } from '../../platform/audit/audit.schema.ts';
import { ForbiddenError } from '../../platform/errors.ts';
import { agendaItems } from '../meetings/meetings.schema.ts';
import { deleteMaterial } from './delete-material.ts';
import { MaterialRejectedError } from './materials.errors.ts';
import { materials } from './materials.schema.ts';
import { readMeetingMaterials } from './read-materials.ts';
import { uploadMaterial } from './upload-material.ts';

let database: TestDatabase;
let dataDir: string;
let deps: { db: TestDatabase['db']; config: { dataDir: string } };
let organizationId: string;
let meetingId: string;
let cancelledMeetingId: string;
let otherMeetingSegmentId: string;
let facilitator: Actor;
let expert: Actor;

beforeAll(async () => {
  database = await createTestDatabase();
  dataDir = await mkdtemp(join(tmpdir(), 'tyopeili-materials-db-'));
  deps = { db: database.db, config: { dataDir } };
  const db = database.db;
  const org = await createTestOrganization(db);
  organizationId = org.id;
  const f = await createTestMember(db, { organizationId, role: 'facilitator' });
  const e = await createTestMember(db, { organizationId, role: 'expert' });
  const group = await createTestGroup(db, { organizationId, facilitatorIds: [f.id] });
  const startsAt = new Date(Date.now() + 86_400_000);
  meetingId = (await createTestMeeting(db, { organizationId, groupId: group.id, startsAt, agenda: [{ kind: 'expert_segment', expertUserId: e.id }] })).id;
  cancelledMeetingId = (await createTestMeeting(db, { organizationId, groupId: group.id, startsAt, status: 'cancelled' })).id;
  const other = await createTestMeeting(db, { organizationId, groupId: group.id, startsAt, agenda: [{ kind: 'expert_segment', expertUserId: e.id }] });
  otherMeetingSegmentId = (await db.select({ id: agendaItems.id }).from(agendaItems).where(eq(agendaItems.meetingId, other.id)))[0]!.id;
  facilitator = await actorFor(db, f.id);
  expert = await actorFor(db, e.id);
});
afterAll(async () => {
  await database?.drop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

const filesOnDisk = async () => readdir(join(dataDir, 'materials', organizationId)).catch(() => [] as string[]);

describe('material use cases', () => {
  it('stores the file and records the upload in the audit trail', async () => {
    const { materialId } = await uploadMaterial(facilitator, deps, { organizationId, meetingId, agendaItemId: null, fileName: '../../etc/passwd.pdf', bytes: pdfBytes() });
    const [row] = await database.db.select().from(materials).where(and(eq(materials.organizationId, organizationId), eq(materials.id, materialId)));
    expect(row!.fileName).toBe('passwd.pdf');
    expect(await filesOnDisk()).toEqual([row!.storageKey]);
    const audits = await database.db.select().from(auditLog).where(eq(auditLog.targetId, materialId));
    expect(audits.map((a) => a.action)).toEqual(['materials.uploaded']);
  });

  it('leaves no row and no file when refused', async () => {
    const before = { files: (await filesOnDisk()).length, rows: (await database.db.select().from(materials)).length };
    await expect(uploadMaterial(facilitator, deps, { organizationId, meetingId, agendaItemId: null, fileName: 'a.pdf', bytes: htmlBytes() })).rejects.toThrow(MaterialRejectedError);
    await expect(uploadMaterial(facilitator, deps, { organizationId, meetingId, agendaItemId: otherMeetingSegmentId, fileName: 'a.pdf', bytes: pdfBytes() })).rejects.toThrow(MaterialRejectedError);
    await expect(uploadMaterial(facilitator, deps, { organizationId, meetingId: cancelledMeetingId, agendaItemId: null, fileName: 'a.pdf', bytes: pdfBytes() })).rejects.toThrow(ForbiddenError);
    await expect(uploadMaterial(expert, deps, { organizationId, meetingId, agendaItemId: null, fileName: 'a.pdf', bytes: pdfBytes() })).rejects.toThrow(ForbiddenError);
    expect((await filesOnDisk()).length).toBe(before.files);
    expect((await database.db.select().from(materials)).length).toBe(before.rows);
  });

  it('shows the expert their own segment only, and lets them upload there', async () => {
    const page = await readMeetingMaterials(expert, deps, { organizationId, meetingId });
    expect(page.canUploadToMeeting).toBe(false);
    expect(page.uploadSegments).toHaveLength(1);
    expect(page.materials).toEqual([]);
    await uploadMaterial(expert, deps, { organizationId, meetingId, agendaItemId: page.uploadSegments[0]!.id, fileName: 'oma.pdf', bytes: pdfBytes() });
    expect((await readMeetingMaterials(expert, deps, { organizationId, meetingId })).materials.map((m) => m.fileName)).toEqual(['oma.pdf']);
  });

  it('deletes row and file', async () => {
    const { materialId } = await uploadMaterial(facilitator, deps, { organizationId, meetingId, agendaItemId: null, fileName: 'pois.pdf', bytes: pdfBytes() });
    const [row] = await database.db.select().from(materials).where(eq(materials.id, materialId));
    await deleteMaterial(facilitator, deps, { organizationId, materialId });
    expect(await filesOnDisk()).not.toContain(row!.storageKey);
    expect(await database.db.select().from(materials).where(eq(materials.id, materialId))).toEqual([]);
  });
});
