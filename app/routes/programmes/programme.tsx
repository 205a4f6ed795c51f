// /organization/programmes/:programmeId: the programme's details, the activities linked to it,
// the organisations taking part and the funders granted (managed here by the lead organisation).
import { data, Form, redirect, useLoaderData } from 'react-router';
import type { Route } from './+types/programme';
import { requireActor } from '../../lib/state.server';
import { formFields, notice } from '../../lib/params.server';
import { loadProgrammeFor } from '../../lib/programmes.server';
import { useFormat, useT } from '../../lib/i18n';
import type { MessageKey } from '../../../src/platform/i18n/i18n.ts';
import { rethrowAsResponse } from '../../ui/form';
import { can, participantDataPolicy, programmePolicy, reportPolicy } from '../../../src/platform/policy/index.ts';
import { indicatorsOf } from '../../../src/features/programmes/indicators.ts';
import { activityCounts, fundersOf, organizationsOf, targetsOf } from '../../../src/features/programmes/programmes.queries.ts';
import { manageFunder } from '../../../src/features/programmes/manage-funders.ts';
import { manageParticipatingOrganization } from '../../../src/features/programmes/manage-organizations.ts';
import { funderFormSchema, organizationFormSchema } from '../../../src/features/programmes/programmes.validation.ts';
import { ProgrammeChangeError } from '../../../src/features/programmes/programmes.errors.ts';

const notices = ['created', 'updated', 'targets', 'links', 'funder', 'organization'] as const;

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  const loaded = await loadProgrammeFor(state.services, actor, params.programmeId, programmePolicy.read);
  const { programme, resource } = loaded;
  const key = { organizationId: programme.organizationId, programmeId: programme.id };
  const allowed = can(programmePolicy, actor, resource);
  const [targets, counts, funders, taking] = await Promise.all([
    targetsOf(state.services.db, key),
    activityCounts(state.services.db, key),
    allowed.manageFunders ? fundersOf(state.services.db, key) : null,
    allowed.manageOrganizations ? organizationsOf(state.services.db, loaded) : null,
  ]);
  return {
    programme: { ...programme, createdAt: undefined, updatedAt: undefined },
    leadOrganizationName: loaded.leadOrganizationName,
    targets: indicatorsOf(programme.indicatorSet)
      .filter((i) => targets.has(i.code))
      .map((i) => ({ code: i.code, planned: targets.get(i.code)! })),
    counts,
    funders,
    taking,
    can: { ...allowed, report: reportPolicy.view(actor, resource), readParticipants: participantDataPolicy.readForReporting(actor, { organizationId: programme.organizationId }) },
    done: notice(new URL(request.url), notices),
    failed: new URL(request.url).searchParams.get('failed') === 'funder',
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { state, actor } = requireActor(context, request);
  const { programme } = await loadProgrammeFor(state.services, actor, params.programmeId, programmePolicy.read);
  const form = await formFields(request);
  const back = `/organization/programmes/${programme.id}`;
  try {
    if (form.kind === 'funder') {
      const parsed = funderFormSchema.safeParse(form);
      if (!parsed.success) throw data(null, { status: 400 });
      await manageFunder(actor, state.services, { programmeId: programme.id, ...parsed.data });
      return redirect(`${back}?done=funder#funders-title`);
    }
    if (form.kind === 'organization') {
      const parsed = organizationFormSchema.safeParse(form);
      if (!parsed.success) throw data(null, { status: 400 });
      await manageParticipatingOrganization(actor, state.services, { programmeId: programme.id, ...parsed.data });
      return redirect(`${back}?done=organization#organizations-title`);
    }
  } catch (error) {
    if (error instanceof ProgrammeChangeError) return redirect(`${back}?failed=funder#funders-title`);
    rethrowAsResponse(error);
  }
  throw data(null, { status: 400 });
}

export default function ProgrammePage() {
  const t = useT();
  const f = useFormat();
  const page = useLoaderData<typeof loader>();
  const p = page.programme;
  const base = `/organization/programmes/${p.id}`;
  return (
    <div className="page">
      <title>{`${p.name} – Työpeili`}</title>
      <p>
        {/* A funder or a participating organisation's staff may read this page but not the lead's list. */}
        {page.can.list ? <a href="/organization/programmes">{t('programmes.back')}</a> : <a href="/home">{t('error.backHome')}</a>}
      </p>
      <h1>{p.name}</h1>
      {page.done ? (
        <p className="notice" role="status">
          {t(`programmes.done.${page.done}`)}
        </p>
      ) : null}
      {page.failed ? (
        <p className="error-text" role="alert">
          {t('programmes.funders.notFunder')}
        </p>
      ) : null}
      <dl className="facts">
        <dt>{t('programmes.form.funder')}</dt>
        <dd>{p.funder || '–'}</dd>
        <dt>{t('programmes.form.fundingProgramme')}</dt>
        <dd>{p.fundingProgramme || '–'}</dd>
        <dt>{t('programmes.form.indicatorSet')}</dt>
        <dd>{t(`programmes.set.${p.indicatorSet}`)}</dd>
        <dt>{t('programmes.form.projectCode')}</dt>
        <dd>{p.projectCode || '–'}</dd>
        <dt>{t('programmes.form.dates')}</dt>
        <dd>{t('programmes.period', { from: f.date(p.startsOn), to: f.date(p.endsOn) })}</dd>
        <dt>{t('programmes.view.lead')}</dt>
        <dd>{page.leadOrganizationName}</dd>
        <dt>{t('programmes.form.soleTraderRule')}</dt>
        <dd>{t(`programmes.rule.${p.soleTraderRule}`)}</dd>
        <dt>{t('programmes.view.special')}</dt>
        <dd>{p.asksSpecialCategories ? t('programmes.view.special.yes') : t('programmes.view.special.no')}</dd>
      </dl>
      {page.can.edit ? (
        <p>
          <a href={`${base}/edit`}>{t('programmes.view.edit')}</a>
        </p>
      ) : null}

      {page.can.report ? (
        <section aria-labelledby="report-title">
          <h2 id="report-title">{t('programmes.report.reportTitle')}</h2>
          <p>{t('programmes.report.reportLead')}</p>
          <p>
            <a href={`${base}/report`}>{t('programmes.report.open')}</a>
          </p>
        </section>
      ) : null}

      <section aria-labelledby="targets-title">
        <h2 id="targets-title">{t('programmes.targets.title')}</h2>
        {page.targets.length === 0 ? (
          <p>{t('programmes.targets.none')}</p>
        ) : (
          <table>
            <caption className="visually-hidden">{t('programmes.targets.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('programmes.targets.indicator')}</th>
                <th scope="col">{t('programmes.targets.planned')}</th>
              </tr>
            </thead>
            <tbody>
              {page.targets.map((x) => (
                <tr key={x.code}>
                  <th scope="row">
                    {x.code} {t(`programmes.indicator.${x.code}` as MessageKey)}
                  </th>
                  <td>{f.number(x.planned)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {page.can.editTargets ? (
          <p>
            <a href={`${base}/targets`}>{t('programmes.targets.edit')}</a>
          </p>
        ) : null}
      </section>

      <section aria-labelledby="activities-title">
        <h2 id="activities-title">{t('programmes.activities.title')}</h2>
        <p>{t('programmes.list.activities', { groups: page.counts.group, events: page.counts.event, sessions: page.counts.advice })}</p>
        {page.can.linkActivities ? (
          <p>
            <a href={`${base}/activities`}>{t('programmes.activities.link')}</a>
          </p>
        ) : null}
      </section>

      {page.can.readParticipants ? (
        <section aria-labelledby="participants-title">
          <h2 id="participants-title">{t('programmes.participants.title')}</h2>
          <p>{t('programmes.participants.lead')}</p>
          <p>
            <a href={`${base}/participants`}>{t('programmes.participants.open')}</a>
          </p>
        </section>
      ) : null}

      {page.taking ? (
        <section aria-labelledby="organizations-title">
          <h2 id="organizations-title">{t('programmes.organizations.title')}</h2>
          {page.taking.participating.length === 0 ? <p>{t('programmes.organizations.none')}</p> : null}
          <ul className="plain-list">
            {page.taking.participating.map((o) => (
              <li key={o.id}>
                <Form method="post" className="inline-form">
                  <input type="hidden" name="kind" value="organization" />
                  <input type="hidden" name="intent" value="remove" />
                  <input type="hidden" name="organizationId" value={o.id} />
                  {o.name}{' '}
                  <button type="submit" className="button button--secondary">
                    {t('programmes.organizations.remove', { name: o.name })}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
          {page.taking.addable.length > 0 ? (
            <Form method="post" className="stack">
              <input type="hidden" name="kind" value="organization" />
              <input type="hidden" name="intent" value="add" />
              <div className="field">
                <label htmlFor="add-organization">{t('programmes.organizations.add')}</label>
                <select id="add-organization" name="organizationId">
                  {page.taking.addable.map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.name}
                    </option>
                  ))}
                </select>
              </div>
              <p>
                <button type="submit" className="button button--secondary">
                  {t('programmes.organizations.addSubmit')}
                </button>
              </p>
            </Form>
          ) : null}
        </section>
      ) : null}

      {page.funders ? (
        <section aria-labelledby="funders-title">
          <h2 id="funders-title">{t('programmes.funders.title')}</h2>
          <p>{t('programmes.funders.lead')}</p>
          {page.funders.granted.length === 0 ? <p>{t('programmes.funders.none')}</p> : null}
          <ul className="plain-list">
            {page.funders.granted.map((u) => (
              <li key={u.userId}>
                <Form method="post" className="inline-form">
                  <input type="hidden" name="kind" value="funder" />
                  <input type="hidden" name="intent" value="revoke" />
                  <input type="hidden" name="userId" value={u.userId} />
                  {u.name} ({u.email}){' '}
                  <button type="submit" className="button button--secondary">
                    {t('programmes.funders.revoke', { name: u.name })}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
          {page.funders.candidates.length > 0 ? (
            <Form method="post" className="stack">
              <input type="hidden" name="kind" value="funder" />
              <input type="hidden" name="intent" value="grant" />
              <div className="field">
                <label htmlFor="grant-funder">{t('programmes.funders.grant')}</label>
                <select id="grant-funder" name="userId">
                  {page.funders.candidates.map((u) => (
                    <option key={u.userId} value={u.userId}>
                      {u.name} ({u.email})
                    </option>
                  ))}
                </select>
              </div>
              <p>
                <button type="submit" className="button button--secondary">
                  {t('programmes.funders.grantSubmit')}
                </button>
              </p>
            </Form>
          ) : (
            <p>{t('programmes.funders.noCandidates')}</p>
          )}
        </section>
      ) : null}
    </div>
  );
}
