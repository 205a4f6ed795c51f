// /organization/audit: the data controller's view of the audit log (coordinators of the
// organisation, installation admins): filters by who, what, whose data and when, and the
// same rows as CSV. Opening it is itself logged.
import { Form, useLoaderData } from 'react-router';
import type { Route } from './+types/audit-log';
import { requireActor } from '../../lib/state.server';
import { auditQuery } from '../../lib/audit.server';
import { useFormat, useT } from '../../lib/i18n';
import { recordStaffRead, isReadAction } from '../../../src/platform/audit/staff-reads.ts';
import { AUDIT_PAGE_SIZE, listAuditEntries } from '../../../src/features/trust/audit.queries.ts';
import type { MessageKey } from '../../../src/platform/i18n/i18n.ts';

export async function loader({ request, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  const query = auditQuery(actor, new URL(request.url));
  const { db } = state.services;
  const entries = await db.transaction(async (tx) => {
    await recordStaffRead(tx, actor, { organizationId: query.filter.organizationId, purpose: 'audit.review', targetType: 'audit_log', subjectUserIds: query.filter.subjectUserId ? [query.filter.subjectUserId] : [] });
    return listAuditEntries(tx, query.filter);
  });
  const csvQuery = new URLSearchParams(Object.entries(query.values).filter(([, v]) => v !== '')).toString();
  return {
    values: query.values,
    invalid: query.invalid,
    full: entries.length === AUDIT_PAGE_SIZE,
    csvHref: '/organization/audit/export.csv' + (csvQuery ? `?${csvQuery}` : ''),
    entries: entries.map((e) => ({ ...e, createdAt: e.createdAt.toISOString(), isRead: isReadAction(e.action) })),
  };
}

export default function AuditLog() {
  const t = useT();
  const f = useFormat();
  const d = useLoaderData<typeof loader>();
  const purposeLabel = (purpose: string | null) => (purpose ? t(`trust.purpose.${purpose}` as MessageKey) : '');
  return (
    <div className="page">
      <title>{`${t('trust.audit.title')} – Työpeili`}</title>
      <h1>{t('trust.audit.title')}</h1>
      <p className="lead">{t('trust.audit.lead')}</p>
      {d.invalid ? (
        <p className="notice notice--error" role="alert">
          {t('trust.audit.invalidFilter')}
        </p>
      ) : null}
      <Form method="get" className="stack">
        {d.values.organization ? <input type="hidden" name="organization" value={d.values.organization} /> : null}
        <div className="field">
          <label htmlFor="action">{t('trust.audit.action')}</label>
          <select id="action" name="action" defaultValue={d.values.action}>
            <option value="">{t('trust.audit.actionAll')}</option>
            <option value="read.">{t('trust.audit.actionReads')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="actor">{t('trust.audit.actor')}</label>
          <input id="actor" name="actor" defaultValue={d.values.actor} aria-describedby="actor-hint" />
          <p id="actor-hint" className="hint">
            {t('trust.audit.idHint')}
          </p>
        </div>
        <div className="field">
          <label htmlFor="subject">{t('trust.audit.subject')}</label>
          <input id="subject" name="subject" defaultValue={d.values.subject} aria-describedby="subject-hint" />
          <p id="subject-hint" className="hint">
            {t('trust.audit.idHint')}
          </p>
        </div>
        <div className="field">
          <label htmlFor="from">{t('trust.audit.from')}</label>
          <input id="from" name="from" type="date" defaultValue={d.values.from} />
        </div>
        <div className="field">
          <label htmlFor="to">{t('trust.audit.to')}</label>
          <input id="to" name="to" type="date" defaultValue={d.values.to} />
        </div>
        <div>
          <button type="submit" className="button">
            {t('trust.audit.filter')}
          </button>
        </div>
      </Form>
      <p>
        <a href={d.csvHref} download>
          {t('trust.audit.csv')}
        </a>
      </p>
      {d.entries.length === 0 ? (
        <p>{t('trust.audit.none')}</p>
      ) : (
        <div className="table-wrap" role="region" aria-label={t('trust.audit.title')} tabIndex={0}>
          <table>
            <caption className="visually-hidden">{t('trust.audit.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('trust.audit.when')}</th>
                <th scope="col">{t('trust.audit.actor')}</th>
                <th scope="col">{t('trust.audit.action')}</th>
                <th scope="col">{t('trust.audit.target')}</th>
                <th scope="col">{t('trust.audit.subjects')}</th>
              </tr>
            </thead>
            <tbody>
              {d.entries.map((e) => (
                <tr key={e.id}>
                  <td>{f.date(e.createdAt, 'datetime')}</td>
                  <td>{e.actorName ?? t('trust.audit.system')}</td>
                  <td className="break-anywhere">
                    {e.isRead ? purposeLabel(e.purpose) : null}
                    {e.isRead ? <br /> : null}
                    <code>{e.action}</code>
                  </td>
                  <td className="break-anywhere">
                    {e.targetType ? <code>{e.targetType}</code> : null} {e.targetId ? <code>{e.targetId}</code> : null}
                  </td>
                  <td>{e.subjectCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {d.full ? <p className="muted">{t('trust.audit.more')}</p> : null}
    </div>
  );
}
