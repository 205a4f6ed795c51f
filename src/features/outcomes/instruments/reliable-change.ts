/**
 * What reliable change (Jacobson & Truax 1991) may be computed from for an instrument, and how the report
 * must qualify it. Pure.
 *
 * - 'custom': an instrument the organisation defined itself. Its reliability and reference SD are typed in by a
 *   coordinator and have no checked citation, so reliable change is withheld (the table says why).
 * - 'none': no reliability or no reference SD (or not a scale): nothing to compute.
 * - 'verified': both figures were read in their cited source.
 * - 'unverified': the figures are cited but not yet checked against the source; reliable change is shown, and the
 *   table note says the figures are unverified.
 */
import type { Instrument } from './schema.ts';

export type ReliableChangeBasis =
  | { status: 'verified' | 'unverified'; referenceSd: number; reliability: number }
  | { status: 'custom' | 'none' };

export type ReliableChangeStatus = ReliableChangeBasis['status'];

export function isCustomInstrument(instrument: Pick<Instrument, 'id' | 'licenceStatus'>): boolean {
  return instrument.licenceStatus === 'custom' || instrument.id.startsWith('custom-');
}

export function reliableChangeBasis(instrument: Instrument): ReliableChangeBasis {
  if (isCustomInstrument(instrument)) return { status: 'custom' };
  const { reliability, referenceSd } = instrument;
  if (instrument.scoring.kind !== 'scale' || !reliability || !referenceSd) return { status: 'none' };
  // `verified` may be missing on data stored before the field existed: only an explicit true counts.
  const verified = reliability.verified === true && referenceSd.verified === true;
  return { status: verified ? 'verified' : 'unverified', referenceSd: referenceSd.value, reliability: reliability.value };
}
