/**
 * Instruments as data. A coordinator-defined (custom) instrument is validated with `instrumentSchema`.
 */
import { z } from 'zod';

export const localizedTextSchema = z.object({
  fi: z.string().min(1),
  sv: z.string().min(1),
  en: z.string().min(1),
});
export type LocalizedText = z.infer<typeof localizedTextSchema>;

const scaleLabelSchema = z.object({ value: z.number().int(), label: localizedTextSchema });

const numericScaleSchema = z
  .object({
    kind: z.literal('numeric'),
    min: z.number().int(),
    max: z.number().int(),
    /** Labels for some or all values (e.g. anchors at both ends). */
    labels: z.array(scaleLabelSchema),
    /** Answers are listed from the highest value down, as the manual prints them (WHO-5). */
    descending: z.boolean().optional(),
  })
  .refine((s) => s.max > s.min, 'max must be greater than min')
  .refine((s) => s.labels.every((l) => l.value >= s.min && l.value <= s.max), 'labels must be inside the scale');

const choiceScaleSchema = z.object({
  kind: z.literal('choice'),
  /** Categorical answers, e.g. yes / no / not applicable, or turnover bands. Stored as the option's code. */
  options: z.array(z.object({ code: z.string().min(1), label: localizedTextSchema })).min(2),
});

const quantityScaleSchema = z.object({
  kind: z.literal('quantity'),
  min: z.number(),
  max: z.number(),
  unit: localizedTextSchema,
  integer: z.boolean(),
});

export const responseScaleSchema = z.discriminatedUnion('kind', [numericScaleSchema, choiceScaleSchema, quantityScaleSchema]);
export type ResponseScale = z.infer<typeof responseScaleSchema>;

export const bandSchema = z.object({
  /** Inclusive bounds on the reported (final) score. */
  min: z.number(),
  max: z.number(),
  code: z.string().min(1),
  label: localizedTextSchema,
});
export type Band = z.infer<typeof bandSchema>;

export const missingRuleSchema = z.discriminatedUnion('kind', [
  /** Not scored if any item is missing. */
  z.object({ kind: z.literal('none-missing') }),
  /** Prorate: if at most `maxMissing` items are missing, the mean of answered items replaces the missing ones. */
  z.object({ kind: z.literal('prorate'), maxMissing: z.number().int().min(1) }),
  /** Indicators: every item stands alone; a missing item is simply not reported. */
  z.object({ kind: z.literal('per-item') }),
]);
export type MissingRule = z.infer<typeof missingRuleSchema>;

export const scoringRuleSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('scale'),
    method: z.enum(['sum', 'mean']),
    /** item ids scored reversed: value' = min + max − value */
    reverseItems: z.array(z.string()),
    /** reported score = raw · multiplier (WHO-5: 4) */
    multiplier: z.number().positive(),
    bands: z.array(bandSchema),
    /** Direction of 'better' for change statistics. */
    higherIsBetter: z.boolean(),
  }),
  /** Not a psychometric scale: each item is reported on its own, no total, no reliable change. */
  z.object({ kind: z.literal('indicator') }),
]);
export type ScoringRule = z.infer<typeof scoringRuleSchema>;

export const instrumentItemSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  text: localizedTextSchema,
  /** Item-level scale; falls back to the instrument's scale. Indicators use per-item scales. */
  scale: responseScaleSchema.optional(),
});
export type InstrumentItem = z.infer<typeof instrumentItemSchema>;

/**
 * Where a figure used for reliable change (Jacobson–Truax) comes from.
 * - `source`: the citation (authors, year, title, journal, volume:pages, doi; sample and table where known).
 * - `verified`: true only when someone has read the figure in that source; `verification` says who checked
 *   what, and how (or, when not verified, what could and could not be checked). Absent = false: a custom
 *   instrument's figures, typed in by a coordinator, are never verified.
 * An unverified figure is still used for a built-in instrument, and every table that uses it says so
 * (reliableChangeBasis in reliable-change.ts).
 */
const citedFigure = {
  source: z.string().min(1),
  verified: z.boolean().default(false),
  verification: z.string().min(1).optional(),
};

export const reliabilitySchema = z.object({
  kind: z.enum(['cronbach-alpha', 'test-retest']),
  value: z.number().min(0).max(0.999),
  ...citedFigure,
});

/** SD of a reference population, in reported-score units. */
export const referenceSdSchema = z.object({ value: z.number().positive(), ...citedFigure });

export const instrumentSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    version: z.string().min(1),
    name: localizedTextSchema,
    /** Common stem shown above the items (e.g. "Over the last two weeks…"). */
    instructions: localizedTextSchema.optional(),
    items: z.array(instrumentItemSchema).min(1),
    scale: responseScaleSchema.optional(),
    scoring: scoringRuleSchema,
    missing: missingRuleSchema,
    source: z.string().min(1),
    licence: z.string().min(1),
    /** 'free' = verified free to use; 'verify' = must be checked before production use. */
    licenceStatus: z.enum(['free', 'public-domain', 'verify', 'custom']),
    /** null when no reliability for reliable-change computation is known. */
    reliability: reliabilitySchema.nullable(),
    /** SD of a reference population, in reported-score units; null = not known. */
    referenceSd: referenceSdSchema.nullable(),
    /** Minimal meaningful change in reported-score units, where the manual gives one. */
    meaningfulChange: z.object({ value: z.number().positive(), source: z.string().min(1) }).nullable(),
    /** Free-text notes (e.g. translation uncertainty). */
    notes: z.string().optional(),
  })
  .superRefine((ins, ctx) => {
    const ids = new Set<string>();
    for (const it of ins.items) {
      if (ids.has(it.id)) ctx.addIssue({ code: 'custom', message: `duplicate item id ${it.id}` });
      ids.add(it.id);
      if (!it.scale && !ins.scale) ctx.addIssue({ code: 'custom', message: `item ${it.id} has no scale` });
    }
    if (ins.scoring.kind === 'scale') {
      for (const r of ins.scoring.reverseItems) {
        if (!ids.has(r)) ctx.addIssue({ code: 'custom', message: `reverse item ${r} is not an item` });
      }
      for (const it of ins.items) {
        const s = it.scale ?? ins.scale;
        if (s && s.kind !== 'numeric') ctx.addIssue({ code: 'custom', message: `scored item ${it.id} needs a numeric scale` });
      }
      for (const b of ins.scoring.bands) {
        if (b.min > b.max) ctx.addIssue({ code: 'custom', message: `band ${b.code} has min > max` });
      }
    }
    if ((ins.missing.kind === 'per-item') !== (ins.scoring.kind === 'indicator')) {
      ctx.addIssue({ code: 'custom', message: "the 'per-item' missing rule is for indicators, and only that" });
    }
    for (const [field, figure] of [['reliability', ins.reliability], ['referenceSd', ins.referenceSd]] as const) {
      if (figure?.verified && !figure.verification) ctx.addIssue({ code: 'custom', path: [field, 'verification'], message: 'a verified figure says how it was verified' });
    }
    if (ins.missing.kind === 'prorate' && ins.missing.maxMissing >= ins.items.length) {
      ctx.addIssue({ code: 'custom', message: 'prorating needs at least one answered item' });
    }
  });
export type Instrument = z.infer<typeof instrumentSchema>;
