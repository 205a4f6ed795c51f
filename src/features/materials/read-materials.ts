// Use cases: the materials page of a meeting (what this person may see and where they may
// upload), and opening one file for download.
import type { Actor } from '../../platform/auth/actor.ts';
import type { Config } from '../../platform/config.ts';
import type { Db } from '../../platform/db/db.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { authorize, can, materialPolicy, meetingMaterialsPolicy } from '../../platform/policy/index.ts';
import { findMeetingResource, type MeetingWithPeople } from '../meetings/meetings.queries.ts';
import { readMaterialFile } from './material-storage.ts';
import { findMaterialResource, listExpertSegments, listMaterials, type Material, type MaterialWithMeeting } from './materials.queries.ts';

export interface MeetingMaterials {
  meeting: MeetingWithPeople;
  materials: (Material & { segmentExpertUserId: string | null; canDelete: boolean })[];
  /** Whether the person may add files for the whole meeting. */
  canUploadToMeeting: boolean;
  /** The expert segments the person may add files to. */
  uploadSegments: { id: string; title: string | null; topic: string | null; position: number }[];
  segments: { id: string; title: string | null; topic: string | null; position: number }[];
}

export async function readMeetingMaterials(
  actor: Actor | null,
  deps: { db: Db },
  input: { organizationId: string; meetingId: string },
  options: { now?: Date } = {},
): Promise<MeetingMaterials> {
  const { organizationId, meetingId } = input;
  const meeting = await findMeetingResource(deps.db, { organizationId, meetingId }, options.now);
  if (!meeting) throw new NotFoundError();
  authorize(actor, meeting, meetingMaterialsPolicy.list);
  const [rows, segments] = await Promise.all([listMaterials(deps.db, { organizationId, meetingId }), listExpertSegments(deps.db, { organizationId, meetingId })]);
  const visible = rows
    .map(({ material, segmentExpertUserId }) => ({ material, resource: { ...meeting, segmentExpertUserId: segmentExpertUserId ?? null, uploadedBy: material.uploadedBy } }))
    .filter(({ resource }) => materialPolicy.download(actor, resource))
    .map(({ material, resource }) => ({ ...material, segmentExpertUserId: resource.segmentExpertUserId, canDelete: can(materialPolicy, actor, resource).delete }));
  const uploadSegments = segments.filter((s) => materialPolicy.upload(actor, { ...meeting, segmentExpertUserId: s.expertUserId, uploadedBy: null }));
  const segmentView = (s: (typeof segments)[number]) => ({ id: s.id, title: s.title, topic: s.topic, position: s.position });
  // An expert learns of no other segment than their own.
  const seenSegments = segments.filter((s) => materialPolicy.download(actor, { ...meeting, segmentExpertUserId: s.expertUserId, uploadedBy: null }));
  return {
    meeting,
    materials: visible,
    canUploadToMeeting: materialPolicy.upload(actor, { ...meeting, segmentExpertUserId: null, uploadedBy: null }),
    uploadSegments: uploadSegments.map(segmentView),
    segments: seenSegments.map(segmentView),
  };
}

export async function openMaterial(
  actor: Actor | null,
  deps: { db: Db; config: Pick<Config, 'dataDir'> },
  input: { organizationId: string; materialId: string },
): Promise<{ material: MaterialWithMeeting; bytes: Buffer }> {
  const material = await findMaterialResource(deps.db, input);
  if (!material) throw new NotFoundError();
  authorize(actor, material, materialPolicy.download);
  try {
    const bytes = await readMaterialFile(deps.config.dataDir, material.organizationId, material.storageKey);
    return { material, bytes };
  } catch (error) {
    // A row whose bytes are gone (a restored database, a lost disk) is a missing file, not a crash.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new NotFoundError();
    throw error;
  }
}
