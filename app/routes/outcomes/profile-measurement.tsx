// /profile/measurement: consent for outcome measurement, asked on its own and withdrawable;
// on withdrawal the person chooses whether the answers given so far are kept or erased.
import { data, Form, redirect, useActionData, useLoaderData } from 'react-router';
import { z } from 'zod';
import type { Route } from './+types/profile-measurement';
import { requireActor } from '../../lib/state.server';
import { formFields, notice } from '../../lib/params.server';
import { ownOutcomes } from '../../lib/outcomes.server';
import { useFormat, useT } from '../../lib/i18n';
import { ErrorSummary, fieldErrors, RadioGroup, rethrowAsResponse, type FieldErrors } from '../../ui/form';
import { outcomePolicy } from '../../../src/platform/policy/index.ts';
import { giveConsent } from '../../../src/features/outcomes/give-consent.ts';
import { consentActive, findConsent } from '../../../src/features/outcomes/outcomes.queries.ts';
import { withdrawalChoices } from '../../../src/features/outcomes/outcomes.schema.ts';
import { withdrawConsent } from '../../../src/features/outcomes/withdraw-consent.ts';

const schemas = {
  give: z.object({ intent: z.literal('give') }),
  withdraw: z.object({ intent: z.literal('withdraw'), choice: z.enum(withdrawalChoices, 'outcomes.consent.choiceRequired') }),
};

export async function loader({ request, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  const scope = ownOutcomes(actor, outcomePolicy.manageConsent);
  const consent = await findConsent(state.services.db, scope);
  return {
    active: consentActive(consent),
    givenAt: consent?.givenAt.toISOString() ?? null,
    withdrawnAt: consent?.withdrawnAt?.toISOString() ?? null,
    choice: consent?.withdrawalChoice ?? null,
    done: notice(new URL(request.url), ['given', 'withdrawn'] as const),
  };
}

type ActionResult = { errors: FieldErrors };

export async function action({ request, context }: Route.ActionArgs) {
  const { state, actor } = requireActor(context, request);
  const scope = ownOutcomes(actor, outcomePolicy.manageConsent);
  const form = await formFields(request);
  try {
    if (form.intent === 'give') {
      schemas.give.parse(form);
      await giveConsent(actor, state.services, scope);
      return redirect('/profile/measurement?done=given');
    }
    const p = schemas.withdraw.safeParse(form);
    if (!p.success) return data<ActionResult>({ errors: fieldErrors(p.error) }, { status: 400 });
    await withdrawConsent(actor, state.services, { ...scope, choice: p.data.choice });
  } catch (error) {
    rethrowAsResponse(error);
  }
  return redirect('/profile/measurement?done=withdrawn');
}

export default function ProfileMeasurement() {
  const t = useT();
  const format = useFormat();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const errors = result?.errors ?? {};
  return (
    <div className="page">
      <title>{`${t('outcomes.consent.title')} – Työpeili`}</title>
      <p>
        <a href="/profile">{t('outcomes.consent.back')}</a>
      </p>
      <h1>{t('outcomes.consent.title')}</h1>
      {page.done ? (
        <div className="notice notice--success" role="status">
          {t(`outcomes.consent.done.${page.done}`)}
        </div>
      ) : null}
      <ErrorSummary errors={errors} order={['choice']} />
      <p className="lead">{t('outcomes.consent.intro')}</p>
      <ul className="plain-list">
        <li>{t('outcomes.consent.what')}</li>
        <li>{t('outcomes.consent.who')}</li>
        <li>{t('outcomes.consent.voluntary')}</li>
      </ul>
      {page.active ? (
        <>
          <p>{t('outcomes.consent.givenOn', { date: format.date(page.givenAt!) })}</p>
          <Form method="post" className="stack">
            <input type="hidden" name="intent" value="withdraw" />
            <RadioGroup
              name="choice"
              legend={t('outcomes.consent.withdrawLegend')}
              error={errors.choice ? t(errors.choice) : undefined}
              options={[
                { value: 'keep', label: t('outcomes.consent.keep') },
                { value: 'erase', label: t('outcomes.consent.erase') },
              ]}
            />
            <p>
              <button type="submit" className="button button--secondary">
                {t('outcomes.consent.withdraw')}
              </button>
            </p>
          </Form>
        </>
      ) : (
        <>
          {page.withdrawnAt ? <p>{t(page.choice === 'erase' ? 'outcomes.consent.withdrawnErased' : 'outcomes.consent.withdrawnKept', { date: format.date(page.withdrawnAt) })}</p> : null}
          <Form method="post">
            <input type="hidden" name="intent" value="give" />
            <button type="submit" className="button">
              {t('outcomes.consent.give')}
            </button>
          </Form>
        </>
      )}
    </div>
  );
}
