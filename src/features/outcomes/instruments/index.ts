import { businessIndicators } from './business.ts';
import { lifeSatisfaction } from './life-satisfaction.ts';
import { threeItemLoneliness } from './loneliness.ts';
import type { Instrument } from './schema.ts';
import { who5 } from './who5.ts';
import { workAbilityScore } from './work-ability.ts';

export { instrumentSchema } from './schema.ts';
export type { Instrument } from './schema.ts';
export { isCustomInstrument, reliableChangeBasis, type ReliableChangeBasis, type ReliableChangeStatus } from './reliable-change.ts';
export { who5, workAbilityScore, lifeSatisfaction, threeItemLoneliness, businessIndicators };
export { turnoverBandFor, turnoverBands } from './business.ts';

/** The built-in instruments. */
export const builtInInstruments: readonly Instrument[] = [who5, workAbilityScore, lifeSatisfaction, threeItemLoneliness, businessIndicators];
