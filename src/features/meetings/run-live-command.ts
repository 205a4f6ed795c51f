// Use case: a facilitator's command to the live meeting (start, next item, start a round, next
// turn, pass, extend, …). Optimistic concurrency: the device sends the version it saw; a stale one
// gets LiveConflictError (409) with the fresh state. The row is locked for the write, so two
// commands at once are applied one after the other, never both on the same version.
import { randomInt } from 'node:crypto';
import type { Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/db.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { authorize, meetingPolicy } from '../../platform/policy/index.ts';
import { LiveConflictError, LiveNotAllowedError } from './live.errors.ts';
import { findLiveState, listAgenda, listPresentMembers, saveLiveState } from './live.queries.ts';
import { applyLiveCommand, type LiveCommand, type LiveState } from './live-state.ts';
import { findMeetingResource } from './meetings.queries.ts';
import { PROMPT_CARD_COUNT } from './prompt-cards.ts';
import { enqueueWebhookEvent } from '../webhooks/index.ts';

export type LiveIntent = LiveCommand['type'];

export async function runLiveCommand(
  actor: Actor | null,
  deps: { db: Db; jobs?: Jobs },
  input: { organizationId: string; meetingId: string; intent: LiveIntent; expectedVersion: number; order?: 'fixed' | 'shuffled' },
  options: { now?: Date; seed?: number } = {},
): Promise<LiveState> {
  const now = options.now ?? new Date();
  const { organizationId, meetingId } = input;
  return deps.db.transaction(async (tx) => {
    const meeting = await findMeetingResource(tx, { organizationId, meetingId }, now);
    if (!meeting) throw new NotFoundError();
    authorize(actor, meeting, meetingPolicy.runLive);
    const state = await findLiveState(tx, { organizationId, meetingId, forUpdate: true });
    if (state.version !== input.expectedVersion) throw new LiveConflictError(state);
    const agenda = await listAgenda(tx, { organizationId, meetingId });
    const at = now.getTime();
    let command: LiveCommand;
    if (input.intent === 'start-round') {
      const present = await listPresentMembers(tx, { organizationId, meetingId, memberUserIds: meeting.memberUserIds });
      const order = input.order ?? 'fixed';
      // The seed is drawn here and kept in the state: every device shows the same order.
      command = { type: 'start-round', at, memberIds: present.userIds, order, seed: order === 'shuffled' ? (options.seed ?? randomInt(1, 2 ** 31)) : undefined };
    } else {
      command = { type: input.intent, at };
    }
    const result = applyLiveCommand(state, command, { agenda: agenda.map((a) => ({ id: a.id, minutes: a.minutes })), promptCount: PROMPT_CARD_COUNT });
    if (!result.ok) throw new LiveNotAllowedError(state);
    const saved = await saveLiveState(tx, { organizationId, meetingId, state: result.state, expectedVersion: state.version }, now);
    if (!saved) throw new LiveConflictError(await findLiveState(tx, { organizationId, meetingId }));
    if (input.intent === 'start' || input.intent === 'end') {
      await recordAudit(tx, { organizationId, actorUserId: actor?.userId, action: input.intent === 'start' ? 'meeting.live_started' : 'meeting.live_ended', targetType: 'meeting', targetId: meetingId });
    }
    // Ending the live meeting is what marks it held.
    if (input.intent === 'end') await enqueueWebhookEvent(tx, deps.jobs, organizationId, 'meeting.completed', { meeting: meetingId, group: meeting.groupId }, { now });
    return result.state;
  });
}
