// /intake/:id: one application. A contact note, assignment to a forming group (or a
// new one), or declining with a message (a second step asks first; a decline can be
// undone by reopening). validate → load (scoped) → authorize → use case.
import { data, Form, redirect, useActionData, useLoaderData } from 'react-router';
import { z } from 'zod';
import type { Route } from './+types/intake-detail';
import { requireActor } from '../../lib/state.server';
import { useFormat, useT } from '../../lib/i18n';
import { ErrorSummary, Field, fieldErrors, rethrowAsResponse, type FieldErrors } from '../../ui/form';
import type { Actor } from '../../../src/platform/auth/actor.ts';
import { DomainError } from '../../../src/platform/errors.ts';
import type { MessageKey } from '../../../src/platform/i18n/i18n.ts';
import { applicationPolicy, authorize, can } from '../../../src/platform/policy/index.ts';
import { companySizeLabel, sectorLabel } from '../../../src/features/companies/sectors.ts';
import { municipalityName } from '../../../src/features/places/municipalities.ts';
import { findApplication, findGroup, listFormingGroups } from '../../../src/features/intake/intake.queries.ts';
import { assignSchema, contactNoteSchema, declineSchema } from '../../../src/features/intake/intake.validation.ts';
import { saveContactNote } from '../../../src/features/intake/save-contact-note.ts';
import { assignApplication } from '../../../src/features/intake/assign-application.ts';
import { declineApplication } from '../../../src/features/intake/decline-application.ts';
import { reopenApplication } from '../../../src/features/intake/reopen-application.ts';
import { ConfirmStep, isConfirmed } from '../../ui/confirm';
import { recordStaffRead } from '../../../src/platform/audit/staff-reads.ts';

const notices = ['noted', 'assigned', 'declined', 'reopened'] as const;
type Notice = (typeof notices)[number];
const noticeKeys: Record<Notice, MessageKey> = { noted: 'intake.detail.noted', assigned: 'intake.detail.assignedNotice', declined: 'intake.detail.declinedNotice', reopened: 'intake.detail.reopenedNotice' };

function intakeOrganizationId(actor: Actor, value: string | null): string {
  if (!value) {
    if (!actor.organizationId) throw data(null, { status: 404 });
    return actor.organizationId;
  }
  const parsed = z.uuid().safeParse(value);
  if (!parsed.success) throw data(null, { status: 404 });
  return parsed.data;
}

function applicationIdFrom(value: string | undefined): string {
  const parsed = z.uuid().safeParse(value);
  if (!parsed.success) throw data(null, { status: 404 });
  return parsed.data;
}

function pageUrl(applicationId: string, organizationId: string, actor: Actor, notice?: Notice): string {
  const params = new URLSearchParams();
  if (organizationId !== actor.organizationId) params.set('organization', organizationId);
  if (notice) params.set('done', notice);
  const query = params.toString();
  return `/intake/${applicationId}` + (query ? `?${query}` : '');
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  const url = new URL(request.url);
  const organizationId = intakeOrganizationId(actor, url.searchParams.get('organization'));
  const applicationId = applicationIdFrom(params.id);
  const done = url.searchParams.get('done');
  const notice = (notices as readonly string[]).includes(done ?? '') ? (done as Notice) : null;
  const { db } = state.services;
  const application = await findApplication(db, { organizationId, applicationId });
  try {
    if (!application) throw data(null, { status: 404 });
    authorize(actor, application, applicationPolicy.read);
  } catch (error) {
    rethrowAsResponse(error);
  }
  await recordStaffRead(db, actor, { organizationId, purpose: 'intake.application', targetType: 'application', targetId: application.id });
  const locale = state.locale;
  const [groups, group] = await Promise.all([
    listFormingGroups(db, { organizationId }),
    application.groupId ? findGroup(db, { organizationId, groupId: application.groupId }) : Promise.resolve(null),
  ]);
  return {
    notice,
    organizationParam: organizationId !== actor.organizationId ? organizationId : null,
    can: can(applicationPolicy, actor, application),
    groups,
    application: {
      id: application.id,
      name: application.name,
      email: application.email,
      phone: application.phone,
      companyName: application.companyName,
      businessId: application.businessId,
      sector: application.sector ? (sectorLabel(application.sector, locale) ?? application.sector) : null,
      size: application.size ? (companySizeLabel(application.size, locale) ?? application.size) : null,
      municipality: application.municipality ? (municipalityName(application.municipality, locale) ?? application.municipality) : null,
      birthYear: application.birthYear,
      formats: application.formats,
      locale: application.locale,
      availability: application.availability,
      hopes: application.hopes,
      status: application.status,
      contactNote: application.contactNote,
      declineMessage: application.declineMessage,
      groupName: group?.name ?? null,
      createdAt: application.createdAt.toISOString(),
    },
  };
}

type ActionResult = { intent: string; errors: FieldErrors; values: Record<string, string>; confirmDecline?: string };

export async function action({ request, params, context }: Route.ActionArgs) {
  const { state, actor } = requireActor(context, request);
  const form = Object.fromEntries(await request.formData()) as Record<string, string>;
  const organizationId = intakeOrganizationId(actor, form.organization || null);
  const applicationId = applicationIdFrom(params.id);
  const { services } = state;
  const intent = form.intent ?? '';
  const fail = (errors: FieldErrors, status = 400) => data<ActionResult>({ intent, errors, values: form }, { status });
  const scope = { organizationId, applicationId };
  try {
    if (intent === 'note') {
      const parsed = contactNoteSchema.safeParse(form);
      if (!parsed.success) return fail(fieldErrors(parsed.error));
      await saveContactNote(actor, services, { ...scope, note: parsed.data.note });
      return redirect(pageUrl(applicationId, organizationId, actor, 'noted'));
    }
    if (intent === 'assign') {
      const parsed = assignSchema.safeParse(form);
      if (!parsed.success) return fail(fieldErrors(parsed.error));
      await assignApplication(actor, services, { ...scope, target: parsed.data });
      return redirect(pageUrl(applicationId, organizationId, actor, 'assigned'));
    }
    if (intent === 'decline') {
      const parsed = declineSchema.safeParse(form);
      if (!parsed.success) return fail(fieldErrors(parsed.error));
      if (!isConfirmed(form)) {
        // The first step changes nothing: it shows the message and asks.
        const application = await findApplication(services.db, scope);
        if (!application) throw data(null, { status: 404 });
        authorize(actor, application, applicationPolicy.read);
        if (!applicationPolicy.decline(actor, application)) return fail({ form: 'intake.error.closed' }, 409);
        return data<ActionResult>({ intent, errors: {}, values: form, confirmDecline: parsed.data.message });
      }
      await declineApplication(actor, services, { ...scope, message: parsed.data.message });
      return redirect(pageUrl(applicationId, organizationId, actor, 'declined'));
    }
    if (intent === 'reopen') {
      await reopenApplication(actor, services, scope);
      return redirect(pageUrl(applicationId, organizationId, actor, 'reopened'));
    }
    return fail({ form: 'error.badRequest' });
  } catch (error) {
    if (error instanceof DomainError && error.status === 409) return fail({ form: error.messageKey }, 409);
    rethrowAsResponse(error);
  }
}

export default function IntakeDetail() {
  const t = useT();
  const format = useFormat();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const errors = result?.errors ?? {};
  const values = result?.values ?? {};
  const err = (field: string): string | undefined => (errors[field] ? t(errors[field] as MessageKey) : undefined);
  const a = page.application;
  const orgField = page.organizationParam ? <input type="hidden" name="organization" value={page.organizationParam} /> : null;
  const backHref = '/intake' + (page.organizationParam ? `?organization=${page.organizationParam}` : '');
  const pageUrlFor = (id: string, organization: string | null) => `/intake/${id}` + (organization ? `?organization=${organization}` : '');
  const rows: [string, string | number | null][] = [
    [t('intake.field.email'), a.email],
    [t('intake.field.phone'), a.phone],
    [t('intake.field.birthYear'), a.birthYear],
    [t('intake.field.locale'), t(`intake.locale.${a.locale as 'fi'}`)],
    [t('intake.field.companyName'), a.companyName],
    [t('intake.field.businessId'), a.businessId],
    [t('intake.field.sector'), a.sector],
    [t('intake.field.size'), a.size],
    [t('intake.field.municipality'), a.municipality],
    [t('intake.field.formats'), a.formats.map((f) => t(`intake.format.${f as 'in_person'}`)).join(', ')],
    [t('intake.field.availability'), a.availability],
    [t('intake.field.hopes'), a.hopes],
  ];
  return (
    <div className="page">
      <title>{`${a.name} – ${t('intake.queue.title')} – Työpeili`}</title>
      <p>
        <a href={backHref}>{t('intake.detail.back')}</a>
      </p>
      <h1>{a.name}</h1>
      <p className="lead">
        {t('intake.detail.statusLine', { status: t(`intake.status.${a.status as 'new'}`), date: format.date(a.createdAt) })}
      </p>
      {page.notice ? (
        <p className="notice notice--success" role="status">
          {t(noticeKeys[page.notice])}
        </p>
      ) : null}
      {result?.confirmDecline !== undefined ? (
        <ConfirmStep
          title={t('intake.detail.confirmDeclineTitle')}
          lead={t('intake.detail.confirmDeclineLead', { name: a.name })}
          fields={{ ...(page.organizationParam ? { organization: page.organizationParam } : {}), intent: 'decline', message: result.confirmDecline }}
          confirmLabel={t('intake.detail.confirmDecline')}
          backHref={pageUrlFor(a.id, page.organizationParam)}
          backLabel={t('confirm.back')}
        >
          <blockquote className="confirm-quote">{result.confirmDecline}</blockquote>
        </ConfirmStep>
      ) : null}
      <ErrorSummary errors={errors} order={['form', 'note', 'groupId', 'newGroupName', 'message']} />
      {a.groupName ? <p className="notice">{t('intake.detail.inGroup', { group: a.groupName })}</p> : null}
      {a.declineMessage ? (
        <div className="notice">
          <h2 className="notice-title">{a.status === 'declined' ? t('intake.detail.declineSent') : t('intake.detail.declinedBefore')}</h2>
          <p>{a.declineMessage}</p>
        </div>
      ) : null}
      {page.can.reopen ? (
        <section aria-labelledby="reopen-title">
          <h2 id="reopen-title">{t('intake.detail.reopenTitle')}</h2>
          <p>{t('intake.detail.reopenLead')}</p>
          <Form method="post">
            {orgField}
            <input type="hidden" name="intent" value="reopen" />
            <button type="submit" className="button button--secondary">
              {t('intake.detail.reopen')}
            </button>
          </Form>
        </section>
      ) : null}

      <section aria-labelledby="details-title">
        <h2 id="details-title">{t('intake.detail.detailsTitle')}</h2>
        <dl className="intake-details">
          {rows.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value === null || value === '' ? <span className="muted">{t('intake.detail.notGiven')}</span> : value}</dd>
            </div>
          ))}
        </dl>
      </section>

      {page.can.note ? (
        <section aria-labelledby="note-title">
          <h2 id="note-title">{t('intake.detail.noteTitle')}</h2>
          <Form method="post" className="stack">
            {orgField}
            <input type="hidden" name="intent" value="note" />
            <Field id="note" label={t('intake.detail.noteLabel')} hint={t('intake.detail.noteHint')} error={err('note')}>
              {(p) => <textarea {...p} rows={4} defaultValue={result?.intent === 'note' ? values.note : (a.contactNote ?? '')} />}
            </Field>
            <p>
              <button type="submit" className="button button--secondary">
                {t('intake.detail.saveNote')}
              </button>
            </p>
          </Form>
        </section>
      ) : null}

      {page.can.assign ? (
        <section aria-labelledby="assign-title">
          <h2 id="assign-title">{t('intake.detail.assignTitle')}</h2>
          <p>{t('intake.detail.assignLead')}</p>
          <Form method="post" className="stack">
            {orgField}
            <input type="hidden" name="intent" value="assign" />
            <Field id="groupId" label={t('intake.detail.group')} error={err('groupId')}>
              {(p) => (
                <select {...p} defaultValue={result?.intent === 'assign' ? values.groupId : page.groups.length ? page.groups[0]!.id : 'new'}>
                  {page.groups.map((g) => (
                    <option key={g.id} value={g.id}>
                      {g.name}
                    </option>
                  ))}
                  <option value="new">{t('intake.detail.newGroup')}</option>
                </select>
              )}
            </Field>
            <Field id="newGroupName" label={t('intake.detail.newGroupName')} hint={t('intake.detail.newGroupHint')} error={err('newGroupName')}>
              {(p) => <input {...p} type="text" autoComplete="off" defaultValue={result?.intent === 'assign' ? values.newGroupName : ''} />}
            </Field>
            <p>
              <button type="submit" className="button">
                {t('intake.detail.assign')}
              </button>
            </p>
          </Form>
        </section>
      ) : null}

      {page.can.decline ? (
        <section aria-labelledby="decline-title">
          <h2 id="decline-title">{t('intake.detail.declineTitle')}</h2>
          <Form method="post" className="stack">
            {orgField}
            <input type="hidden" name="intent" value="decline" />
            <Field id="message" label={t('intake.detail.declineMessage')} hint={t('intake.detail.declineHint')} error={err('message')}>
              {(p) => <textarea {...p} rows={4} defaultValue={result?.intent === 'decline' ? values.message : ''} />}
            </Field>
            <p>
              <button type="submit" className="button button--danger">
                {t('intake.detail.decline')}
              </button>
            </p>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
