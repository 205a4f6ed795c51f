// /check-in: the person's check-ins that are due now (opened as drafts), and a link to
// their progress. Without consent for measurement: where to give it.
import { useLoaderData } from 'react-router';
import type { Route } from './+types/check-ins';
import { requireActor } from '../../lib/state.server';
import { notice } from '../../lib/params.server';
import { ownOutcomes } from '../../lib/outcomes.server';
import { useFormat, useT } from '../../lib/i18n';
import { outcomePolicy } from '../../../src/platform/policy/index.ts';
import { openDueCheckIns } from '../../../src/features/outcomes/open-due-check-ins.ts';
import { consentActive, findConsent, listCustomInstruments } from '../../../src/features/outcomes/outcomes.queries.ts';
import { instrumentsFor } from '../../../src/features/outcomes/plan.ts';

export async function loader({ request, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  const scope = ownOutcomes(actor, outcomePolicy.answer);
  const consent = await findConsent(state.services.db, scope);
  const open = consentActive(consent) ? await openDueCheckIns(actor, state.services, scope) : [];
  const custom = open.length > 0 ? await listCustomInstruments(state.services.db, scope) : [];
  return {
    consent: consentActive(consent),
    done: notice(new URL(request.url), ['submitted'] as const),
    open: open.map((c) => ({ id: c.id, kind: c.kind, dueOn: c.dueOn, items: instrumentsFor(c.kind, custom).reduce((n, i) => n + i.items.length, 0), started: c.updatedAt.getTime() !== c.createdAt.getTime() })),
  };
}

export default function CheckIns() {
  const t = useT();
  const format = useFormat();
  const page = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <title>{`${t('outcomes.checkIns.title')} – Työpeili`}</title>
      <h1>{t('outcomes.checkIns.title')}</h1>
      {page.done ? (
        <div className="notice notice--success" role="status">
          {t('outcomes.checkIns.submitted')}
        </div>
      ) : null}
      {!page.consent ? (
        <div className="notice">
          <p>{t('outcomes.checkIns.noConsent')}</p>
          <p>
            <a href="/profile/measurement">{t('outcomes.checkIns.consentLink')}</a>
          </p>
        </div>
      ) : page.open.length === 0 ? (
        <p>{t('outcomes.checkIns.none')}</p>
      ) : (
        <ul className="cards">
          {page.open.map((c) => (
            <li className="card" key={c.id}>
              <h2>{t(`outcomes.kind.${c.kind}`)}</h2>
              <p className="muted">
                {t('outcomes.checkIns.dueOn', { date: format.date(c.dueOn) })} · {t('outcomes.checkIns.items', { count: c.items })}
              </p>
              <p>
                <a className="button" href={`/check-in/${c.id}`}>
                  {c.started ? t('outcomes.checkIns.continue') : t('outcomes.checkIns.start')}
                  <span className="visually-hidden">: {t(`outcomes.kind.${c.kind}`)}</span>
                </a>
              </p>
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href="/progress">{t('outcomes.checkIns.progressLink')}</a>
      </p>
    </div>
  );
}
