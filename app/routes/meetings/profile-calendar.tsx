// /profile/calendar: the person's private calendar feed. Create (or regenerate) shows the address
// once, in a read-only field with a copy button and a webcal:// link; revoke ends it. Only the
// token's hash is stored, so the address cannot be shown again later. Works without JavaScript
// (the copy button appears only once scripts run).
import { useEffect, useState } from 'react';
import { data, Form, redirect, useActionData, useLoaderData } from 'react-router';
import type { Route } from './+types/profile-calendar';
import { requireActor } from '../../lib/state.server';
import { useFormat, useT } from '../../lib/i18n';
import { ErrorSummary, Field, rethrowAsResponse, type FieldErrors } from '../../ui/form';
import type { MessageKey } from '../../../src/platform/i18n/i18n.ts';
import { calendarFeedPolicy, can } from '../../../src/platform/policy/index.ts';
import { createCalendarFeed, feedPath, revokeCalendarFeed } from '../../../src/features/meetings/calendar-feed.ts';
import { findCalendarFeed } from '../../../src/features/meetings/calendar-feed.queries.ts';

export async function loader({ request, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  const feed = await findCalendarFeed(state.services.db, { userId: actor.userId });
  const done = new URL(request.url).searchParams.get('done');
  return {
    feedCreatedAt: feed ? feed.createdAt.toISOString() : null,
    notice: done === 'revoked' ? ('calendar.feedPage.revoked' as const) : null,
    can: can(calendarFeedPolicy, actor, { userId: actor.userId }),
  };
}

/** The page may show a working feed address: no cache anywhere may keep it. */
export function headers() {
  return { 'Cache-Control': 'private, no-store' };
}

type ActionResult = { intent: string; errors?: FieldErrors; url?: string; webcalUrl?: string; notice?: MessageKey };

export async function action({ request, context }: Route.ActionArgs) {
  const { state, actor } = requireActor(context, request);
  const { services } = state;
  const form = Object.fromEntries(await request.formData());
  const intent = String(form.intent ?? '');
  try {
    if (intent === 'create') {
      const { token, regenerated } = await createCalendarFeed(actor, services, { userId: actor.userId });
      const url = services.config.appUrl + feedPath(token);
      return data<ActionResult>({ intent, url, webcalUrl: url.replace(/^https?:\/\//, 'webcal://'), notice: regenerated ? 'calendar.feedPage.regenerated' : 'calendar.feedPage.created' });
    }
    if (intent === 'revoke') {
      await revokeCalendarFeed(actor, services, { userId: actor.userId });
      return redirect('/profile/calendar?done=revoked');
    }
    return data<ActionResult>({ intent, errors: { form: 'error.badRequest' } }, { status: 400 });
  } catch (error) {
    rethrowAsResponse(error);
  }
}

/**
 * Shown once the clipboard API is there: by React on hydrated pages, by app/lib/enhance.ts
 * (the data- attributes) on pages without React.
 */
function CopyButton({ targetId }: { targetId: string }) {
  const t = useT();
  const [ready, setReady] = useState(false);
  const [result, setResult] = useState<'copied' | 'failed' | null>(null);
  useEffect(() => setReady(typeof navigator !== 'undefined' && Boolean(navigator.clipboard)), []);
  const copy = async () => {
    const input = document.getElementById(targetId) as HTMLInputElement | null;
    try {
      await navigator.clipboard.writeText(input?.value ?? '');
      setResult('copied');
    } catch {
      input?.select();
      setResult('failed');
    }
  };
  const statusId = `${targetId}-copy-status`;
  return (
    <div hidden={!ready}>
      <p>
        <button
          type="button"
          className="button button--secondary"
          onClick={ready ? copy : undefined}
          data-copy-target={targetId}
          data-copy-status={statusId}
          data-copied={t('calendar.feedPage.copied')}
          data-copy-failed={t('calendar.feedPage.copyFailed')}
        >
          {t('calendar.feedPage.copy')}
        </button>
      </p>
      <p role="status" id={statusId} className={result === 'failed' ? 'error-text' : 'muted'}>
        {result === 'copied' ? t('calendar.feedPage.copied') : result === 'failed' ? t('calendar.feedPage.copyFailed') : ''}
      </p>
    </div>
  );
}

export default function ProfileCalendar() {
  const t = useT();
  const f = useFormat();
  const d = useLoaderData<typeof loader>();
  const r = useActionData<typeof action>() as ActionResult | undefined;
  const notice = r?.notice ?? d.notice;
  const active = Boolean(r?.url) || (d.feedCreatedAt !== null && r?.intent !== 'revoke');
  return (
    <div className="page">
      <title>{`${t('calendar.feedPage.title')} – Työpeili`}</title>
      <p>
        <a href="/profile">{t('calendar.feedPage.back')}</a>
      </p>
      <h1>{t('calendar.feedPage.title')}</h1>
      {notice ? (
        <p className="notice notice--success" role="status">
          {t(notice)}
        </p>
      ) : null}
      <ErrorSummary errors={r?.errors ?? {}} order={['form']} />
      <p className="lead">{t('calendar.feedPage.lead')}</p>
      <p>{t('calendar.feedPage.contents')}</p>
      <p className="notice">{t('calendar.feedPage.privacy')}</p>

      {r?.url ? (
        <div className="card">
          <Field id="feedUrl" label={t('calendar.feedPage.urlLabel')} hint={t('calendar.feedPage.urlHint')}>
            {(p) => <input {...p} type="text" readOnly value={r.url} autoComplete="off" spellCheck={false} onFocus={(e) => e.currentTarget.select()} />}
          </Field>
          <CopyButton targetId="feedUrl" />
          <p>
            <a href={r.webcalUrl}>{t('calendar.feedPage.openInApp')}</a>
          </p>
        </div>
      ) : (
        <p>{active && d.feedCreatedAt ? t('calendar.feedPage.active', { date: f.date(d.feedCreatedAt) }) : t('calendar.feedPage.none')}</p>
      )}
      {active ? <p className="muted">{t('calendar.feedPage.shownOnce')}</p> : null}

      {d.can.create ? (
        <div className="button-row">
          <Form method="post">
            <input type="hidden" name="intent" value="create" />
            <button type="submit" className={active ? 'button button--secondary' : 'button'}>
              {active ? t('calendar.feedPage.regenerate') : t('calendar.feedPage.create')}
            </button>
          </Form>
          {active && d.can.revoke ? (
            <Form method="post">
              <input type="hidden" name="intent" value="revoke" />
              <button type="submit" className="button button--danger">
                {t('calendar.feedPage.revoke')}
              </button>
            </Form>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
