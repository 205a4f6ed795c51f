// /meetings/:meetingId/materials: the meeting's files (an expert sees only their own
// segment's) and, for facilitators and the segment's expert, a plain multipart upload form.
// validate → load (in one of the actor's organisations) → authorize → use case.
import { data, Form, redirect, useActionData, useLoaderData } from 'react-router';
import { z } from 'zod';
import type { Route } from './+types/meeting-materials';
import { requireActor } from '../../lib/state.server';
import { useFormat, useT } from '../../lib/i18n';
import { ErrorSummary, Field, rethrowAsResponse, type FieldErrors } from '../../ui/form';
import type { Actor } from '../../../src/platform/auth/actor.ts';
import { DomainError } from '../../../src/platform/errors.ts';
import type { MessageKey } from '../../../src/platform/i18n/i18n.ts';
import { deleteMaterial } from '../../../src/features/materials/delete-material.ts';
import { findMaterialOrganization } from '../../../src/features/materials/materials.queries.ts';
import { locateMeeting } from '../../../src/features/groups/locate.ts';
import { readMeetingMaterials } from '../../../src/features/materials/read-materials.ts';
import { uploadMaterial } from '../../../src/features/materials/upload-material.ts';

const notices = ['uploaded', 'deleted'] as const;
type Notice = (typeof notices)[number];
const noticeKeys: Record<Notice, MessageKey> = { uploaded: 'materials.notice.uploaded', deleted: 'materials.notice.deleted' };

const acceptedFiles = '.pdf,.png,.jpg,.jpeg,.gif,.webp,.docx,.xlsx,.pptx,.odt,.ods,.odp,.doc,.xls,.ppt';

function uuidFrom(value: unknown): string {
  const parsed = z.uuid().safeParse(value);
  if (!parsed.success) throw data(null, { status: 404 });
  return parsed.data;
}

const organizationIdsOf = (actor: Actor) => actor.memberships.map((m) => m.organizationId);

async function meetingOrganization(db: Parameters<typeof locateMeeting>[0], actor: Actor, meetingId: string): Promise<string> {
  const organizationId = await locateMeeting(db, actor, meetingId);
  if (!organizationId) throw data(null, { status: 404 });
  return organizationId;
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  const meetingId = uuidFrom(params.meetingId);
  const done = new URL(request.url).searchParams.get('done');
  const notice = (notices as readonly string[]).includes(done ?? '') ? (done as Notice) : null;
  const { db } = state.services;
  const organizationId = await meetingOrganization(db, actor, meetingId);
  try {
    const page = await readMeetingMaterials(actor, state.services, { organizationId, meetingId });
    return {
      notice,
      meeting: { id: meetingId, theme: page.meeting.theme, startsAt: page.meeting.startsAt.toISOString(), groupName: page.meeting.group.name },
      materials: page.materials.map((m) => ({
        id: m.id,
        fileName: m.fileName,
        mediaType: m.mediaType,
        sizeBytes: m.sizeBytes,
        createdAt: m.createdAt.toISOString(),
        agendaItemId: m.agendaItemId,
        canDelete: m.canDelete,
      })),
      canUploadToMeeting: page.canUploadToMeeting,
      uploadSegments: page.uploadSegments,
      segments: page.segments,
    };
  } catch (error) {
    rethrowAsResponse(error);
  }
}

type ActionResult = { errors: FieldErrors; values: Record<string, string> };

export async function action({ request, params, context }: Route.ActionArgs) {
  const { state, actor } = requireActor(context, request);
  const meetingId = uuidFrom(params.meetingId);
  const { services } = state;
  const form = await request.formData();
  const intent = String(form.get('intent') ?? 'upload');
  const values = { segment: typeof form.get('segment') === 'string' ? String(form.get('segment')) : '' };
  const fail = (errors: FieldErrors, status = 400) => data<ActionResult>({ errors, values }, { status });
  try {
    if (intent === 'delete') {
      const materialId = uuidFrom(form.get('materialId'));
      const organizationId = await findMaterialOrganization(services.db, { organizationIds: organizationIdsOf(actor), materialId });
      if (!organizationId) throw data(null, { status: 404 });
      await deleteMaterial(actor, services, { organizationId, materialId });
      return redirect(`/meetings/${meetingId}/materials?done=deleted`);
    }
    const organizationId = await meetingOrganization(services.db, actor, meetingId);
    const file = form.get('file');
    const segment = values.segment;
    if (segment !== '' && !z.uuid().safeParse(segment).success) return fail({ segment: 'materials.validation.segmentUnknown' });
    const bytes = file instanceof File ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array(0);
    await uploadMaterial(actor, services, {
      organizationId,
      meetingId,
      agendaItemId: segment === '' ? null : segment,
      fileName: file instanceof File ? file.name : '',
      bytes,
    });
    return redirect(`/meetings/${meetingId}/materials?done=uploaded`);
  } catch (error) {
    if (error instanceof DomainError && error.status === 400) {
      return fail({ [error.messageKey === 'materials.validation.segmentUnknown' ? 'segment' : 'file']: error.messageKey });
    }
    rethrowAsResponse(error);
  }
}

function typeKey(mediaType: string): MessageKey {
  if (mediaType === 'application/pdf') return 'materials.type.pdf';
  if (mediaType.startsWith('image/')) return 'materials.type.image';
  if (/spreadsheet|excel/.test(mediaType)) return 'materials.type.spreadsheet';
  if (/presentation|powerpoint/.test(mediaType)) return 'materials.type.presentation';
  return 'materials.type.text';
}

export default function MeetingMaterials() {
  const t = useT();
  const format = useFormat();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const errors = result?.errors ?? {};
  const err = (field: string): string | undefined => (errors[field] ? t(errors[field]) : undefined);
  const segmentName = (id: string | null): string => {
    if (!id) return t('materials.file.wholeMeeting');
    const index = page.segments.findIndex((s) => s.id === id);
    const segment = page.segments[index];
    return segment?.topic ?? segment?.title ?? t('materials.segment.unnamed', { number: index + 1 });
  };
  const size = (bytes: number) =>
    bytes >= 1024 * 1024
      ? format.number(bytes / (1024 * 1024), { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 })
      : format.number(Math.max(1, Math.round(bytes / 1024)), { style: 'unit', unit: 'kilobyte' });
  const canUpload = page.canUploadToMeeting || page.uploadSegments.length > 0;
  return (
    <div className="page">
      <title>{`${t('materials.title')} – Työpeili`}</title>
      <p>
        <a href={`/meetings/${page.meeting.id}`}>{t('meetings.backToMeeting')}</a>
      </p>
      <h1>{t('materials.title')}</h1>
      <p className="lead">{t('materials.meetingLine', { date: format.date(page.meeting.startsAt, 'datetime'), theme: page.meeting.theme ?? page.meeting.groupName })}</p>
      <p>{t('materials.lead')}</p>
      {page.notice ? (
        <p className="notice notice--success" role="status">
          {t(noticeKeys[page.notice])}
        </p>
      ) : null}
      <ErrorSummary errors={errors} order={['form', 'file', 'segment']} />

      <section aria-labelledby="files-title">
        <h2 id="files-title">{t('materials.list.title')}</h2>
        {page.materials.length === 0 ? (
          <p className="muted">{t('materials.list.empty')}</p>
        ) : (
          <ul className="plain-list stack">
            {page.materials.map((m) => (
              <li key={m.id} className="card">
                <p className="card-title">
                  <a href={`/materials/${m.id}/download`} download={m.fileName} className="material-name">
                    {m.fileName}
                  </a>
                </p>
                <p className="muted">{t('materials.file.meta', { type: t(typeKey(m.mediaType)), size: size(m.sizeBytes), date: format.date(m.createdAt) })}</p>
                <p>{t('materials.file.segment', { segment: segmentName(m.agendaItemId) })}</p>
                {m.canDelete ? (
                  <Form method="post">
                    <input type="hidden" name="intent" value="delete" />
                    <input type="hidden" name="materialId" value={m.id} />
                    <button type="submit" className="button button--secondary">
                      {t('materials.file.delete', { name: m.fileName })}
                    </button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      {canUpload ? (
        <section aria-labelledby="upload-title">
          <h2 id="upload-title">{t('materials.upload.title')}</h2>
          <Form method="post" encType="multipart/form-data" className="stack">
            <input type="hidden" name="intent" value="upload" />
            <Field id="file" label={t('materials.upload.file')} hint={t('materials.upload.fileHint')} error={err('file')}>
              {(p) => <input {...p} type="file" accept={acceptedFiles} />}
            </Field>
            {page.uploadSegments.length > 0 ? (
              <Field id="segment" label={t('materials.upload.segment')} error={err('segment')}>
                {(p) => (
                  <select {...p} defaultValue={result?.values.segment ?? (page.canUploadToMeeting ? '' : page.uploadSegments[0]!.id)}>
                    {page.canUploadToMeeting ? <option value="">{t('materials.file.wholeMeeting')}</option> : null}
                    {page.uploadSegments.map((s) => (
                      <option key={s.id} value={s.id}>
                        {segmentName(s.id)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            ) : null}
            <p>
              <button type="submit" className="button">
                {t('materials.upload.submit')}
              </button>
            </p>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
