import { describe, expect, it } from 'vitest';
import { isJoinWindowOpen } from './online-window.ts';

// Issue 11: the "join now" link shows from 15 minutes before the start until the end.
const meeting = { startsAt: new Date('2026-12-02T15:00:00Z'), endsAt: new Date('2026-12-02T17:00:00Z') };

describe('isJoinWindowOpen', () => {
  it.each([
    ['16 minutes before', '2026-12-02T14:44:00Z', false],
    ['15 minutes before', '2026-12-02T14:45:00Z', true],
    ['at the start', '2026-12-02T15:00:00Z', true],
    ['a minute before the end', '2026-12-02T16:59:00Z', true],
    ['at the end', '2026-12-02T17:00:00Z', false],
    ['the next day', '2026-12-03T15:00:00Z', false],
  ])('%s', (_name, now, open) => {
    expect(isJoinWindowOpen(meeting, new Date(now))).toBe(open);
  });
});
