import { z } from 'zod';
import { method } from './define';

/** Every quality signal is a plain number (stored in one REAL column, histogrammed in the app). */
export const SIGNAL_NAMES = [
  'word_count',
  'mean_word_length',
  'symbol_word_ratio',
  'bullet_line_share',
  'ellipsis_line_share',
  'punct_line_share',
  'dup_line_share',
  'dup_para_share',
  'top_word_share',
  'top_2gram_share',
  'top_3gram_share',
  'top_4gram_share',
  'dup_5gram_share',
  'short_line_share',
  'non_alpha_word_share',
  'stopword_share',
  'en_stopword_share',
  'url_density',
  'digit_density',
  'lorem_ipsum',
  'boilerplate_markers',
  'line_count',
] as const;
export const signalName = z.enum(SIGNAL_NAMES);
export type SignalName = z.infer<typeof signalName>;
export type QualitySignals = Record<SignalName, number>;

/**
 * Signals the corpus browser can filter and sort on: each has an index on quality_signals, so a range
 * filter is an index range. The other signals are columns only (an index per signal would slow every write).
 */
export const BROWSE_SIGNALS = ['word_count', 'mean_word_length', 'symbol_word_ratio', 'stopword_share', 'url_density', 'digit_density', 'dup_line_share'] as const satisfies readonly SignalName[];
export type BrowseSignal = (typeof BROWSE_SIGNALS)[number];
export const browseSignal = z.enum(BROWSE_SIGNALS);

/** Browser filters on quality: signal ranges (inclusive; min and/or max) and "fails rule X". */
export const qualityBrowseFilters = {
  signals: z.partialRecord(browseSignal, z.object({ min: z.number().finite().optional(), max: z.number().finite().optional() })).optional(),
  qualityReason: z.string().min(1).max(80).optional(),
};

/** Browser sort keys for the indexed signals: `signal:<name>`. */
export const signalSortKey = z.enum([
  'signal:word_count',
  'signal:mean_word_length',
  'signal:symbol_word_ratio',
  'signal:stopword_share',
  'signal:url_density',
  'signal:digit_density',
  'signal:dup_line_share',
] as const satisfies readonly `signal:${BrowseSignal}`[]);
export type SignalSortKey = z.infer<typeof signalSortKey>;

export const qualityRuleSchema = z.object({
  id: z.string().min(1).max(80),
  signal: signalName,
  op: z.enum(['min', 'max']),
  value: z.number().finite(),
  enabled: z.boolean(),
  /** Line-based rules say nothing about one- or two-line texts (a tweet, a sentence). */
  minLines: z.number().int().min(0).optional(),
  /** Share-based rules (stop words, repeated n-grams) are noise on a headline or a one-line review. */
  minWords: z.number().int().min(0).optional(),
});
export type QualityRule = z.infer<typeof qualityRuleSchema>;

const signalsSchema = z.record(signalName, z.number());

const rulePreview = z.object({
  total: z.number().int(),
  pass: z.number().int(),
  estimated: z.boolean(),
  rules: z.array(z.object({ id: z.string(), drops: z.number().int(), onlyThisRule: z.number().int() })),
});

export const qualityMethods = {
  /** Computes signals and pass/fail for every document (a job). */
  'quality.start': method(z.object({ workers: z.number().int().min(1).max(64).optional() }).default({}), z.object({ jobId: z.number().int() })),
  /** The corpus's rules (the defaults until saved) and the built-in defaults. */
  'quality.rules.get': method(z.object({}).default({}), z.object({ rules: z.array(qualityRuleSchema), custom: z.boolean(), defaults: z.array(qualityRuleSchema) })),
  /** Saves rules (null = back to defaults; audited) and starts a job that re-applies them to stored signals. */
  'quality.rules.set': method(z.object({ rules: z.array(qualityRuleSchema).max(200).nullable() }), z.object({ jobId: z.number().int() })),
  /** How many documents each (unsaved) rule would drop, and how many would pass them all. */
  'quality.rules.preview': method(z.object({ rules: z.array(qualityRuleSchema).max(200) }), rulePreview),
  /** Histogram of one signal over the corpus. */
  'quality.histogram': method(
    z.object({ signal: signalName, bins: z.number().int().min(2).max(200).default(30) }),
    z.object({
      signal: signalName,
      min: z.number(),
      max: z.number(),
      total: z.number().int(),
      estimated: z.boolean(),
      bins: z.array(z.object({ lo: z.number(), hi: z.number(), count: z.number() })),
    }),
  ),
  /** One document's signals, pass/fail and reasons (null before the job ran). */
  'quality.document': method(
    z.object({ documentId: z.number().int().positive() }),
    z.object({ documentId: z.number().int(), quality: z.object({ pass: z.boolean(), reasons: z.array(z.string()), signals: signalsSchema }).nullable() }),
  ),
  /** Signals and verdict for a short text on the spot. */
  'quality.assess': method(z.object({ text: z.string().max(200_000) }), z.object({ pass: z.boolean(), reasons: z.array(z.string()), signals: signalsSchema })),
};
