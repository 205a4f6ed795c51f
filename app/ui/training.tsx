// The facilitator training's shared page parts: the progress against the completion rules, a
// submission's versions with the mentor's feedback per criterion, and the trainee's and
// mentor's home sections.
import { useFormat, useT } from '../lib/i18n';
import type { MessageKey } from '../../src/platform/i18n/i18n.ts';

export interface ProgressData {
  sessionsNeeded: number;
  sessionsDone: number;
  assignmentsTotal: number;
  assignmentsAccepted: number;
  assignmentsOverdue: number;
  practiceMeetingsNeeded: number;
  practiceMeetingsHeld: number;
  met: { sessions: boolean; assignments: boolean; practice: boolean };
  complete: boolean;
}

export function ProgressList({ progress }: { progress: ProgressData }) {
  const t = useT();
  const mark = (ok: boolean) => (ok ? t('training.progress.met') : t('training.progress.notMet'));
  return (
    <ul className="plain-list">
      <li>
        {t('training.progress.sessions', { done: progress.sessionsDone, needed: progress.sessionsNeeded })} – {mark(progress.met.sessions)}
      </li>
      <li>
        {t('training.progress.assignments', { done: progress.assignmentsAccepted, total: progress.assignmentsTotal })} – {mark(progress.met.assignments)}
      </li>
      <li>
        {t('training.progress.practice', { done: progress.practiceMeetingsHeld, needed: progress.practiceMeetingsNeeded })} – {mark(progress.met.practice)}
      </li>
      {progress.assignmentsOverdue > 0 ? <li>{t('training.progress.overdue', { count: progress.assignmentsOverdue })}</li> : null}
    </ul>
  );
}

export interface HistoryItem {
  version: number;
  body: string;
  levels: Record<string, number>;
  submittedAt: string;
  late: boolean;
  feedback: { decision: string; comment: string; criteria: Record<string, string>; mentorName: string; createdAt: string } | null;
}

export interface RubricItem {
  id: string;
  title: string;
  levels: string[];
}

export function SubmissionHistory({ history, rubric }: { history: HistoryItem[]; rubric: RubricItem[] }) {
  const t = useT();
  const format = useFormat();
  if (history.length === 0) return <p>{t('training.submission.none')}</p>;
  return (
    <ol className="plain-list stack">
      {history.map((v) => (
        <li key={v.version} className="card">
          <h3>
            {t('training.submission.version', { version: v.version })} · {format.date(v.submittedAt, 'datetime')}
            {v.late ? ` · ${t('training.submission.late')}` : ''}
          </h3>
          <p className="prewrap">{v.body}</p>
          {Object.keys(v.levels).length > 0 ? (
            <dl>
              {rubric.map((c) => (
                <div key={c.id}>
                  <dt>{c.title}</dt>
                  <dd>{v.levels[c.id] !== undefined ? (c.levels[v.levels[c.id]!] ?? '–') : '–'}</dd>
                </div>
              ))}
            </dl>
          ) : null}
          {v.feedback ? (
            <div className="stack">
              <h4>
                {t('training.feedback.from', { name: v.feedback.mentorName })}: {t(`training.decision.${v.feedback.decision}` as MessageKey)}
              </h4>
              {v.feedback.comment ? <p className="prewrap">{v.feedback.comment}</p> : null}
              {rubric.some((c) => v.feedback!.criteria[c.id]) ? (
                <dl>
                  {rubric
                    .filter((c) => v.feedback!.criteria[c.id])
                    .map((c) => (
                      <div key={c.id}>
                        <dt>{c.title}</dt>
                        <dd className="prewrap">{v.feedback!.criteria[c.id]}</dd>
                      </div>
                    ))}
                </dl>
              ) : null}
            </div>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

export interface TraineeHomeData {
  course: string;
  cohort: string;
  status: string;
  completedAt: string | null;
  nextSession: { id: string; title: string; startsAt: string; onlineUrl: string | null } | null;
  due: { id: string; title: string; dueAt: string | null; revision: boolean; enrolmentId: string }[];
  feedbackWaiting: number;
  progress: ProgressData;
}

export function TraineeHome({ data }: { data: TraineeHomeData }) {
  const t = useT();
  const format = useFormat();
  return (
    <section className="card home-card" aria-labelledby="home-trainee">
      <h2 id="home-trainee">{t('training.home.title')}</h2>
      <p>
        {data.course} · {data.cohort}
      </p>
      {data.completedAt ? <p className="notice">{t('training.home.completed', { date: format.date(data.completedAt) })}</p> : null}
      {data.nextSession ? (
        <p>
          {t('training.home.next', { title: data.nextSession.title, when: format.date(data.nextSession.startsAt, 'weekday') })}{' '}
          <a href={`/training/sessions/${data.nextSession.id}/calendar.ics`}>{t('training.session.ics')}</a>
        </p>
      ) : null}
      {data.feedbackWaiting > 0 ? <p className="notice">{t('training.home.feedbackWaiting', { count: data.feedbackWaiting })}</p> : null}
      {data.due.length > 0 ? (
        <>
          <h3>{t('training.home.due')}</h3>
          <ul className="plain-list">
            {data.due.map((d) => (
              <li key={d.id}>
                <a href={`/training/my/${d.enrolmentId}/assignments/${d.id}`}>{d.title}</a>
                {d.dueAt ? ` · ${t('training.assignment.due', { when: format.date(d.dueAt, 'datetime') })}` : ''}
                {d.revision ? ` · ${t('training.status.revision_requested')}` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <ProgressList progress={data.progress} />
      <p>
        <a className="button" href="/training/my">
          {t('training.home.open')}
        </a>
      </p>
    </section>
  );
}

export interface MentorHomeData {
  cohorts: { id: string; name: string; course: string; status: string }[];
  waiting: { submissionId: string; trainee: string; assignment: string; version: number; updatedAt: string }[];
}

export function MentorHome({ data }: { data: MentorHomeData }) {
  const t = useT();
  return (
    <section className="card home-card" aria-labelledby="home-mentor">
      <h2 id="home-mentor">{t('training.mentor.title')}</h2>
      <p>{t('training.mentor.waiting', { count: data.waiting.length })}</p>
      <p>
        <a className="button" href="/training/mentor">
          {t('training.mentor.open')}
        </a>
      </p>
    </section>
  );
}
