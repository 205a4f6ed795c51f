// The expert's home: open invitations to a segment or an event, each with its time, and the link to the profile.
import { useFormat, useT } from '../lib/i18n';
import type { MessageKey } from '../../src/platform/i18n/i18n.ts';

export function ExpertInvitations({ invitations }: { invitations: { id: string; startsAt: string; minutes: number; kind: string }[] }) {
  const t = useT();
  const format = useFormat();
  return (
    <section className="card home-card" aria-labelledby="home-expert-invitations">
      <h2 id="home-expert-invitations">{t('experts.home.title')}</h2>
      {invitations.length === 0 ? <p>{t('experts.home.none')}</p> : <p>{t('experts.home.pending', { count: invitations.length })}</p>}
      <ul className="plain-list">
        {invitations.map((i) => (
          <li key={i.id}>
            <a href={`/expert-invitations/${i.id}`}>
              {t(`experts.invitations.kind.${i.kind}` as MessageKey)}, {format.date(i.startsAt, 'datetime')}
            </a>
          </li>
        ))}
      </ul>
      <p>
        <a href="/profile/expert">{t('experts.home.profile')}</a>
      </p>
    </section>
  );
}
