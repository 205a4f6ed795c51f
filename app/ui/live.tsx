// Pieces shared by the live meeting pages: the page follows the server (polls its loader every
// few seconds, so a second device keeps up) and clocks computed from the server's timestamps.
import { useEffect, useRef, useState } from 'react';
import { Form, useNavigation, useRevalidator } from 'react-router';
import { useFormat, useT } from '../lib/i18n';
import { formatClock } from '../../src/features/meetings/live-state.ts';
import type { LiveStepView } from '../../src/features/meetings/live-view.ts';
import type { MessageKey } from '../../src/platform/i18n/i18n.ts';
import type { StepStatus } from '../../src/features/steps/steps.schema.ts';

export const stepStatusKeys = { open: 'live.step.status.open', done: 'live.step.status.done', partly: 'live.step.status.partly', dropped: 'live.step.status.dropped' } as const satisfies Record<StepStatus, MessageKey>;
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
      document.querySelector<HTMLElement>(`section[aria-labelledby="${id}"] .live-command button`) ?? document.querySelector<HTMLElement>('.live-command button');
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
export function StepStatusForm({ step, idPrefix }: { step: LiveStepView; idPrefix: string }) {
  const t = useT();
  const format = useFormat();
  return (
    <Form method="post" preventScrollReset className="stack live-step-form">
      <input type="hidden" name="intent" value="step-status" />
      <input type="hidden" name="stepId" value={step.id} />
      <p className="live-step-text">
        {step.text} <span className="muted">{t(stepStatusKeys[step.status])}</span>
        {step.dueOn ? <span className="muted"> · {t('live.steps.due', { date: format.date(step.dueOn) })}</span> : null}
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
