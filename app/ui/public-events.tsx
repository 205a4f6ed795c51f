// A short list of upcoming public events (the front page's next three, an organisation's page).
import { useT } from '../lib/i18n';

export interface PublicEventItem {
  id: string;
  title: string;
  when: string;
  where: string | null;
  online: boolean;
}

export function PublicEventList({ events, label }: { events: PublicEventItem[]; label: string }) {
  const t = useT();
  return (
    <ul className="stack" aria-label={label}>
      {events.map((e) => (
        <li key={e.id}>
          <h3>
            <a href={`/events/${e.id}`}>{e.title}</a>
          </h3>
          <p>
            {e.when}
            {e.where ? ` · ${e.where}` : null}
            {e.online ? ` · ${t('events.public.online')}` : null}
          </p>
        </li>
      ))}
    </ul>
  );
}
