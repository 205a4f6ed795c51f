// Prompt cards for reflective talk in the live meeting: open questions that help a member look at
// their own situation. None gives advice or asks others to (the group mirrors, it does not advise).
import type { MessageKey } from '../../platform/i18n/i18n.ts';

export const PROMPT_CARDS = [
  'live.prompt.01',
  'live.prompt.02',
  'live.prompt.03',
  'live.prompt.04',
  'live.prompt.05',
  'live.prompt.06',
  'live.prompt.07',
  'live.prompt.08',
  'live.prompt.09',
  'live.prompt.10',
  'live.prompt.11',
  'live.prompt.12',
] as const satisfies readonly MessageKey[];

export const PROMPT_CARD_COUNT = PROMPT_CARDS.length;
