// /meetings/:meetingId/live/screen: the projector view of the live meeting. Read-only, big type:
// the agenda item, who speaks and their time, the prompt card. For the group's facilitators (they
// put it on the projector); it follows the server every few seconds.
import { useLoaderData } from 'react-router';
import type { Route } from './+types/live-screen';
import { loadAuthorizedMeeting } from '../../lib/live.server';
import { useT } from '../../lib/i18n';
import { Clock, liveHeadingKeys, useLivePolling, useServerNow } from '../../ui/live';
import { meetingPolicy } from '../../../src/platform/policy/index.ts';
import { itemRemainingMs, turnRemainingMs } from '../../../src/features/meetings/live-state.ts';
import { loadLiveView } from '../../../src/features/meetings/live-view.ts';
import { PROMPT_CARDS } from '../../../src/features/meetings/prompt-cards.ts';

/** The projector shows only the meeting (see root.tsx). */
export const handle = { bare: true };

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { state, meeting } = await loadAuthorizedMeeting(context, request, params.meetingId, (actor, m) => meetingPolicy.runLive(actor, m));
  const view = await loadLiveView(state.services.db, meeting);
  // The screen shows no steps or follow-up (personal): only what the room sees anyway.
  return { meeting: view.meeting, state: view.state, serverNow: view.serverNow, agenda: view.agenda, currentItem: view.currentItem, speaker: view.speaker, turns: view.turns };
}

export default function MeetingLiveScreen() {
  const t = useT();
  const page = useLoaderData<typeof loader>();
  useLivePolling();
  const now = useServerNow(page.serverNow);
  const { state } = page;
  const context = { agenda: page.agenda, promptCount: PROMPT_CARDS.length };
  const itemLeft = itemRemainingMs(state, context, now);
  const turnLeft = turnRemainingMs(state, now);
  const roundLive = state.round !== null && state.round.phase !== 'ended';
  const title = page.meeting.theme ?? page.meeting.groupName;
  return (
    <div className="page live-screen">
      <title>{`${t('live.screen.title')} – ${title} – Työpeili`}</title>
      <h1>{t(liveHeadingKeys[state.phase], { title })}</h1>
      {state.phase === 'not-started' ? <p className="live-screen__big">{t('live.screen.waiting')}</p> : null}
      {state.phase === 'ended' ? <p className="live-screen__big">{t('live.screen.ended')}</p> : null}
      {page.currentItem && state.phase === 'running' ? (
        <section aria-labelledby="screen-item">
          <h2 id="screen-item">{page.currentItem.title || t(`live.kind.${page.currentItem.kind}`)}</h2>
          {itemLeft !== null && state.phase === 'running' ? <Clock ms={itemLeft} label={t('live.itemLeft')} /> : null}
        </section>
      ) : null}
      {roundLive && state.phase === 'running' ? (
        <section aria-labelledby="screen-speaker">
          <h2 id="screen-speaker" className="visually-hidden">
            {t('live.round.title')}
          </h2>
          <p className="live-speaker live-speaker--screen" aria-live="polite" aria-atomic="true">
            {page.speaker ? t('live.nowSpeaking', { name: page.speaker.name }) : ''}
          </p>
          {turnLeft !== null ? <Clock ms={turnLeft} label={t('live.turnLeft')} className="live-clock live-clock--huge" /> : null}
          <ol className="live-queue live-queue--screen">
            {page.turns.map((turn) => (
              <li key={turn.memberId} data-status={turn.status} aria-current={turn.status === 'current' ? 'true' : undefined}>
                <span className="live-queue__name">{turn.name}</span> <span className="live-queue__status">{t(`live.turn.${turn.status}`)}</span>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      {state.phase === 'running' ? (
        <section aria-labelledby="screen-prompt">
          <h2 id="screen-prompt">{t('live.prompt.title')}</h2>
          <blockquote className="live-prompt live-prompt--screen">{t(PROMPT_CARDS[state.promptIndex % PROMPT_CARDS.length]!)}</blockquote>
        </section>
      ) : null}
    </div>
  );
}
