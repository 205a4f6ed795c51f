// Pieces shared by the live meeting pages: the page follows the server (polls its loader every
// few seconds, so a second device keeps up) and clocks computed from the server's timestamps.
import { useEffect, useRef, useState } from 'react';
import { Form, useNavigation, useRevalidator } from 'react-router';
import { useFormat, useT } from '../lib/i18n';
import { formatClock } from '../../src/features/meetings/live-state.ts';
import type { LiveStepView } from '../../src/features/meetings/live-view.ts';
import type { MessageKey } from '../../src/platform/i18n/i18n.ts';
import type { StepStatus } from '../../src/features/steps/steps.schema.ts';
import type { FollowUpReason } from '../../src/features/steps/follow-up.ts';
import type { LivePhase } from '../../src/features/meetings/live-state.ts';

/** The live pages' heading says the state: not started, running, ended. */
export const liveHeadingKeys = {
  'not-started': 'everyday.live.heading.notStarted',
  running: 'everyday.live.heading.running',
  ended: 'everyday.live.heading.ended',
} as const satisfies Record<LivePhase, MessageKey>;

export const stepStatusKeys = {
  open: 'live.step.status.open',
  done: 'live.step.status.done',
  partly: 'live.step.status.partly',
  dropped: 'live.step.status.dropped',
} as const satisfies Record<StepStatus, MessageKey>;
// (not from steps.schema.ts: that would bring the database schema into the browser bundle)
const stepStatuses = Object.keys(stepStatusKeys) as StepStatus[];

/** Re-reads the page's data every `intervalMs` while the page is visible. */
export function useLivePolling(intervalMs = 2500): void {
  const revalidator = useRevalidator();
  useEffect(() => {
    const id = window.setInterval(() => {
      if (document.visibilityState === 'visible' && revalidator.state === 'idle') void revalidator.revalidate();
    }, intervalMs);
    return () => window.clearInterval(id);
  }, [revalidator, intervalMs]);
}

/**
 * The server's "now", ticking every second in the browser. The first render (server and
 * hydration) uses the server's time as it was; then the device's clock, corrected by the
 * difference seen when the data arrived, so a wrong device clock does not matter.
 */
export function useServerNow(serverNow: number): number {
  const [now, setNow] = useState(serverNow);
  useEffect(() => {
    const skew = serverNow - Date.now();
    setNow(Date.now() + skew);
    const id = window.setInterval(() => setNow(Date.now() + skew), 1000);
    return () => window.clearInterval(id);
  }, [serverNow]);
  return now;
}

/**
 * Keyboard users keep their place: when the button they pressed is gone after the command (e.g.
 * "Start the round" becomes the round's buttons), focus moves to the first button of the same
 * section, else to the first command button on the page — never back to the top of the page.
 * Use as the command forms' onSubmit.
 */
export function useKeepFocusInSection(): (event: React.FormEvent<HTMLFormElement>) => void {
  const navigation = useNavigation();
  const section = useRef<string | null>(null);
  useEffect(() => {
    if (navigation.state !== 'idle' || section.current === null) return;
    const id = section.current;
    section.current = null;
    const active = document.activeElement;
    if (active && active !== document.body && document.contains(active)) return;
    const target =
      document.querySelector<HTMLElement>(`section[aria-labelledby="${id}"] .live-command button`) ??
      document.querySelector<HTMLElement>('.live-command button');
    target?.focus();
  }, [navigation.state]);
  return (event) => {
    section.current = event.currentTarget.closest('section')?.getAttribute('aria-labelledby') ?? '';
  };
}

export function Clock({ ms, label, className = 'live-clock' }: { ms: number; label: string; className?: string }) {
  return (
    <p className={className} data-over={ms < 0 ? 'true' : undefined}>
      <span className="live-clock__label">{label}</span> <span className="live-clock__time">{formatClock(ms)}</span>
    </p>
  );
}

/** A step with its status and a short reflection: set in the follow-up round. */
export function StepStatusForm({ step, idPrefix, overdue = false }: { step: LiveStepView; idPrefix: string; overdue?: boolean }) {
  const t = useT();
  const format = useFormat();
  return (
    <Form method="post" preventScrollReset className="stack live-step-form">
      <input type="hidden" name="intent" value="step-status" />
      <input type="hidden" name="stepId" value={step.id} />
      <p className="live-step-text">
        {step.text} <span className="muted">{t(stepStatusKeys[step.status])}</span>
        {step.dueOn && overdue ? (
          <strong className="overdue"> · {t('everyday.home.overdue', { date: format.date(step.dueOn) })}</strong>
        ) : step.dueOn ? (
          <span className="muted"> · {t('live.steps.due', { date: format.date(step.dueOn) })}</span>
        ) : null}
      </p>
      <div className="field">
        <label htmlFor={`${idPrefix}-status`}>{t('live.step.statusLabel')}</label>
        <select id={`${idPrefix}-status`} name="status" defaultValue={step.status === 'open' ? 'done' : step.status}>
          {stepStatuses.map((s) => (
            <option key={s} value={s}>
              {t(stepStatusKeys[s])}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-reflection`}>{t('live.step.reflectionLabel')}</label>
        <input id={`${idPrefix}-reflection`} name="reflection" type="text" maxLength={500} defaultValue={step.reflection ?? ''} autoComplete="off" />
      </div>
      <p>
        <button type="submit" className="button button--secondary">
          {t('live.step.save')}
        </button>
      </p>
    </Form>
  );
}

type FollowUpMember = { memberId: string; name: string; items: (LiveStepView & { reason: FollowUpReason })[] };

/**
 * The follow-up round: each member's steps from the previous meeting, each with its form; older
 * steps still followed up (set earlier, open, or closed since the member was last here) fold
 * under a count, so the round is about last time.
 */
export function FollowUpSection({ members }: { members: FollowUpMember[] }) {
  const t = useT();
  return (
    <section aria-labelledby="followup-title">
      <h2 id="followup-title">{t('live.followUp.title')}</h2>
      {members.length === 0 ? <p>{t('live.followUp.none')}</p> : null}
      {members.map((member) => {
        const previous = member.items.filter((i) => i.reason === 'set-at-previous-meeting');
        const older = member.items.filter((i) => i.reason !== 'set-at-previous-meeting');
        return (
          <div key={member.memberId} className="card">
            <h3>{member.name}</h3>
            {previous.length === 0 ? <p className="muted">{t('live.followUp.noSteps')}</p> : null}
            <ul className="live-steps">
              {previous.map((step) => (
                <li key={step.id}>
                  <StepStatusForm step={step} idPrefix={`fu-${step.id}`} />
                </li>
              ))}
            </ul>
            {older.length ? (
              <details className="older-steps">
                <summary>{t('everyday.live.olderSteps', { count: older.length })}</summary>
                <ul className="live-steps">
                  {older.map((step) => (
                    <li key={step.id}>
                      <StepStatusForm step={step} idPrefix={`fu-${step.id}`} />
                    </li>
                  ))}
                </ul>
              </details>
            ) : null}
          </div>
        );
      })}
    </section>
  );
}
