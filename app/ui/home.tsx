// The role sections of /home (app/routes/homes/home.tsx), phone first. Dates arrive as ISO strings.
import { Form } from 'react-router';
import { useFormat, useT } from '../lib/i18n';
import type { MessageKey } from '../../src/platform/i18n/i18n.ts';

export type HomeMeeting = {
  id: string;
  groupName: string;
  startsAt: string;
  endsAt: string;
  theme: string | null;
  format: string;
  response: string | null;
  venueAddress: string | null;
  venueRoom: string | null;
  meetingPoint: string | null;
  whatToWear: string | null;
  /** the online link, only while it may be joined (15 minutes before the start until the end) */
  joinUrl: string | null;
};
export type EntrepreneurData = {
  meetings: HomeMeeting[];
  steps: { id: string; text: string; dueOn: string | null; groupName: string; overdue: boolean }[];
  hiddenSteps: number;
  posts: { id: string; groupId: string; groupName: string; author: string; body: string }[];
  checkIns: { consent: boolean; open: number };
};
export type FacilitatorData = {
  groups: { id: string; name: string; memberCount: number; openSteps: number }[];
  meetings: { id: string; groupName: string; startsAt: string; coming: number; notComing: number; members: number }[];
  attendanceDue: { id: string; groupName: string; startsAt: string }[];
};
export type CoordinatorData = {
  applications: { new: number; contacted: number };
  groups: Record<'forming' | 'active' | 'paused' | 'ended', number>;
  meetings: { id: string; groupName: string; startsAt: string; status: string }[];
};
export type ExpertSegmentData = { id: string; startsAt: string; topic: string | null; joinUrl: string | null };

/** Where the meeting is, as the card says it: the venue, the walking meeting point, or online. */
function MeetingPlace({ meeting }: { meeting: HomeMeeting }) {
  const t = useT();
  if (meeting.format === 'online') {
    return (
      <>
        <p>{t('everyday.home.online')}</p>
        {meeting.joinUrl ? (
          <p>
            <a className="button" href={meeting.joinUrl} rel="noopener noreferrer" target="_blank">
              {t('everyday.home.joinNow')}
            </a>
          </p>
        ) : (
          <p className="muted">{t('everyday.home.joinLater')}</p>
        )}
      </>
    );
  }
  if (meeting.format === 'walking' && meeting.meetingPoint) {
    return (
      <>
        <p>{t('everyday.home.meetingPoint', { place: meeting.meetingPoint })}</p>
        <p>{meeting.whatToWear ? t('everyday.home.wear', { note: meeting.whatToWear }) : t('everyday.home.dress')}</p>
      </>
    );
  }
  const venue = [meeting.venueAddress, meeting.venueRoom].filter(Boolean).join(', ');
  return <p>{venue ? t('everyday.home.place', { place: venue }) : t('everyday.home.placeLater')}</p>;
}

/** Phone first: the next meeting with its place, RSVP and add-to-calendar; open steps, overdue first; new board posts. */
export function EntrepreneurHome({ data }: { data: EntrepreneurData }) {
  const t = useT();
  const format = useFormat();
  const [next, ...later] = data.meetings;
  return (
    <>
      <section className="card home-card" aria-labelledby="home-next">
        <h2 id="home-next">{t('home.member.nextTitle')}</h2>
        {next ? (
          <>
            <p className="home-next-when">
              <strong>{format.date(next.startsAt, 'weekday')}</strong>
            </p>
            <p>
              {next.groupName}
              {next.theme ? ` – ${next.theme}` : ''} ({t(`meetings.format.${next.format as 'in_person'}`)})
            </p>
            <MeetingPlace meeting={next} />
            <p>{next.response ? t(`meetings.rsvp.current.${next.response as 'coming'}`) : t('meetings.rsvp.none')}</p>
            <Form method="post" action={`/meetings/${next.id}`} className="button-row">
              <input type="hidden" name="intent" value="rsvp" />
              <button type="submit" name="response" value="coming" className="button">
                {t('meetings.rsvp.coming')}
              </button>
              <button type="submit" name="response" value="not_coming" className="button button--secondary">
                {t('meetings.rsvp.notComing')}
              </button>
            </Form>
            <p className="button-row">
              <a href={`/meetings/${next.id}`}>{t('home.member.meetingDetails')}</a>
              <a href={`/meetings/${next.id}/calendar.ics`} download>
                {t('meetings.addToCalendar')}
              </a>
            </p>
            {later.length ? (
              <ul className="plain-list">
                {later.map((m) => (
                  <li key={m.id}>
                    <a href={`/meetings/${m.id}`}>{format.date(m.startsAt, 'weekday')}</a> – {m.groupName}
                  </li>
                ))}
              </ul>
            ) : null}
          </>
        ) : (
          <p>{t('home.member.noMeeting')}</p>
        )}
      </section>
      <section className="card home-card" aria-labelledby="home-steps">
        <h2 id="home-steps">{t('home.member.stepsTitle')}</h2>
        {data.steps.length ? (
          <ul className="plain-list home-steps">
            {data.steps.map((s) => (
              <li key={s.id} data-overdue={s.overdue ? 'true' : undefined}>
                {s.text}
                {s.dueOn ? (
                  s.overdue ? (
                    <strong className="overdue"> – {t('everyday.home.overdue', { date: format.date(s.dueOn) })}</strong>
                  ) : (
                    <span className="muted"> – {t('home.member.due', { date: format.date(s.dueOn) })}</span>
                  )
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('home.member.noSteps')}</p>
        )}
        <p>
          <a href="/steps">{data.hiddenSteps > 0 ? t('everyday.home.moreSteps', { count: data.hiddenSteps }) : t('home.member.stepsLink')}</a>
        </p>
      </section>
      <section className="card home-card" aria-labelledby="home-advice">
        <h2 id="home-advice">{t('advice.home.title')}</h2>
        <p>{t('advice.home.lead')}</p>
        <p>
          <a href="/advice">{t('advice.home.link')}</a>
        </p>
      </section>
      <section className="card home-card" aria-labelledby="home-check-ins">
        <h2 id="home-check-ins">{t('outcomes.home.title')}</h2>
        <p>{!data.checkIns.consent ? t('outcomes.home.noConsent') : data.checkIns.open > 0 ? t('outcomes.home.open', { count: data.checkIns.open }) : t('outcomes.home.none')}</p>
        <p className="button-row">
          {data.checkIns.consent ? <a href="/check-in">{t('outcomes.home.checkInLink')}</a> : <a href="/profile/measurement">{t('outcomes.home.consentLink')}</a>}
          <a href="/progress">{t('outcomes.home.progressLink')}</a>
        </p>
      </section>
      <section className="card home-card" aria-labelledby="home-posts">
        <h2 id="home-posts">{t('home.member.postsTitle')}</h2>
        {data.posts.length ? (
          <ul className="plain-list">
            {data.posts.map((p) => (
              <li key={p.id}>
                <a href={`/groups/${p.groupId}/board`}>{t('home.member.postBy', { name: p.author, group: p.groupName })}</a>: {p.body}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('home.member.noPosts')}</p>
        )}
      </section>
    </>
  );
}

export function ComingSoon({ items, id }: { items: MessageKey[]; id: string }) {
  const t = useT();
  return (
    <>
      <h3 id={`coming-${id}`}>{t('home.coming.title')}</h3>
      <ul className="plain-list" aria-labelledby={`coming-${id}`}>
        {items.map((k) => (
          <li key={k}>{t(k)}</li>
        ))}
      </ul>
    </>
  );
}

/** My groups, next meetings with RSVPs, steps to follow up, attendance to record. */
export function FacilitatorHome({ data }: { data: FacilitatorData }) {
  const t = useT();
  const format = useFormat();
  return (
    <>
      {data.attendanceDue.length ? (
        <section className="card home-card" aria-labelledby="home-attendance">
          <h2 id="home-attendance">{t('home.facilitator.attendanceTitle')}</h2>
          <ul className="plain-list">
            {data.attendanceDue.map((m) => (
              <li key={m.id}>
                <a href={`/meetings/${m.id}/attendance`}>
                  {m.groupName}, {format.date(m.startsAt, 'weekday')}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section className="card home-card" aria-labelledby="home-fac-meetings">
        <h2 id="home-fac-meetings">{t('home.facilitator.meetingsTitle')}</h2>
        {data.meetings.length ? (
          <ul className="plain-list">
            {data.meetings.map((m) => (
              <li key={m.id}>
                <a href={`/meetings/${m.id}`}>
                  {m.groupName}, {format.date(m.startsAt, 'weekday')}
                </a>
                <br />
                <span className="muted">{t('home.facilitator.rsvps', { coming: m.coming, notComing: m.notComing, unknown: Math.max(0, m.members - m.coming - m.notComing) })}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('home.facilitator.noMeetings')}</p>
        )}
      </section>
      <section className="card home-card" aria-labelledby="home-fac-groups">
        <h2 id="home-fac-groups">{t('home.facilitator.groupsTitle')}</h2>
        {data.groups.length ? (
          <ul className="plain-list">
            {data.groups.map((g) => (
              <li key={g.id}>
                <a href={`/groups/${g.id}`}>{g.name}</a> – {t('home.facilitator.groupLine', { members: g.memberCount, steps: g.openSteps })}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('home.facilitator.noGroups')}</p>
        )}
      </section>
    </>
  );
}

/** Intake queue, groups by status, meetings this month. */
export function CoordinatorHome({ data }: { data: CoordinatorData }) {
  const t = useT();
  const format = useFormat();
  return (
    <section className="card home-card" aria-labelledby="home-programme">
      <h2 id="home-programme">{t('home.programme.title')}</h2>
      <p>
        <a href="/intake">{t('home.programme.intake', { new: data.applications.new, contacted: data.applications.contacted })}</a>
      </p>
      <h3>{t('home.programme.groupsTitle')}</h3>
      <ul className="plain-list">
        {(['forming', 'active', 'paused', 'ended'] as const).map((s) => (
          <li key={s}>
            <a href={`/groups?status=${s}`}>
              {t(`groups.status.${s}`)}: {data.groups[s]}
            </a>
          </li>
        ))}
      </ul>
      <h3>{t('home.programme.meetingsTitle', { count: data.meetings.length })}</h3>
      {data.meetings.length ? (
        <ul className="plain-list">
          {data.meetings.map((m) => (
            <li key={m.id}>
              <a href={`/meetings/${m.id}`}>
                {format.date(m.startsAt, 'weekday')}, {m.groupName}
              </a>
              {m.status === 'cancelled' ? ` ${t('meetings.cancelledTag')}` : ''}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('home.programme.noMeetings')}</p>
      )}
    </section>
  );
}

export function ExpertHome({ segments }: { segments: ExpertSegmentData[] }) {
  const t = useT();
  const format = useFormat();
  return (
    <section className="card home-card" aria-labelledby="home-expert">
      <h2 id="home-expert">{t('home.expert.title')}</h2>
      {segments.length ? (
        <ul className="plain-list">
          {segments.map((s) => (
            <li key={s.id}>
              <a href={`/meetings/${s.id}`}>{format.date(s.startsAt, 'weekday')}</a>
              {s.topic ? ` – ${s.topic}` : ''}
              {s.joinUrl ? (
                <p>
                  <a className="button" href={s.joinUrl} rel="noopener noreferrer" target="_blank">
                    {t('everyday.home.joinNow')}
                  </a>
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('home.expert.none')}</p>
      )}
    </section>
  );
}
