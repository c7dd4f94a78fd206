import { qualityRuleSchema, type QualityRule } from '../../../shared/contract/quality';
import { computeSignals, type QualitySignals } from './signals';

export { qualityRuleSchema, type QualityRule };

/**
 * Defaults start from Gopher (Rae et al. 2021), C4 (Raffel et al. 2020) and FineWeb (Penedo et al.
 * 2024) and were tuned on the train splits in ../shared/data; see docs/benchmarks/quality-eval.md.
 */
export const DEFAULT_RULES: readonly QualityRule[] = [
  { id: 'min-words', signal: 'word_count', op: 'min', value: 5, enabled: true },
  { id: 'max-words', signal: 'word_count', op: 'max', value: 100_000, enabled: true },
  { id: 'min-mean-word-length', signal: 'mean_word_length', op: 'min', value: 3, enabled: true },
  { id: 'max-mean-word-length', signal: 'mean_word_length', op: 'max', value: 12, enabled: true },
  { id: 'max-symbol-ratio', signal: 'symbol_word_ratio', op: 'max', value: 0.1, enabled: true },
  { id: 'max-bullet-lines', signal: 'bullet_line_share', op: 'max', value: 0.9, enabled: true, minLines: 3 },
  { id: 'max-ellipsis-lines', signal: 'ellipsis_line_share', op: 'max', value: 0.3, enabled: true, minLines: 3 },
  { id: 'min-punct-lines', signal: 'punct_line_share', op: 'min', value: 0.12, enabled: true, minLines: 3 },
  { id: 'max-dup-lines', signal: 'dup_line_share', op: 'max', value: 0.3, enabled: true, minLines: 3 },
  { id: 'max-dup-paragraphs', signal: 'dup_para_share', op: 'max', value: 0.3, enabled: true },
  { id: 'max-top-word', signal: 'top_word_share', op: 'max', value: 0.13, enabled: true, minWords: 20 },
  { id: 'max-top-2gram', signal: 'top_2gram_share', op: 'max', value: 0.2, enabled: true, minWords: 20 },
  { id: 'max-top-3gram', signal: 'top_3gram_share', op: 'max', value: 0.18, enabled: true, minWords: 20 },
  { id: 'max-top-4gram', signal: 'top_4gram_share', op: 'max', value: 0.16, enabled: true, minWords: 20 },
  { id: 'max-dup-5gram', signal: 'dup_5gram_share', op: 'max', value: 0.15, enabled: true, minWords: 20 },
  { id: 'max-short-lines', signal: 'short_line_share', op: 'max', value: 0.67, enabled: true, minLines: 3 },
  { id: 'max-non-alpha-words', signal: 'non_alpha_word_share', op: 'max', value: 0.2, enabled: true, minWords: 20 },
  { id: 'min-stopwords', signal: 'stopword_share', op: 'min', value: 0.06, enabled: true, minWords: 20 },
  { id: 'max-english', signal: 'en_stopword_share', op: 'max', value: 0.15, enabled: true, minWords: 20 },
  { id: 'max-url-density', signal: 'url_density', op: 'max', value: 0.2, enabled: true },
  { id: 'max-digit-density', signal: 'digit_density', op: 'max', value: 0.2, enabled: true },
  { id: 'no-lorem-ipsum', signal: 'lorem_ipsum', op: 'max', value: 0, enabled: true },
  { id: 'max-boilerplate', signal: 'boilerplate_markers', op: 'max', value: 1, enabled: true },
];

export interface QualityVerdict {
  pass: boolean;
  /** Ids of the rules the document fails, in rule order. */
  reasons: string[];
  signals: QualitySignals;
}

export function ruleFails(rule: QualityRule, signals: QualitySignals): boolean {
  if (!rule.enabled) return false;
  if (rule.minLines !== undefined && signals.line_count < rule.minLines) return false;
  if (rule.minWords !== undefined && signals.word_count < rule.minWords) return false;
  const v = signals[rule.signal];
  return rule.op === 'min' ? v < rule.value : v > rule.value;
}

export function applyRules(signals: QualitySignals, rules: readonly QualityRule[] = DEFAULT_RULES): QualityVerdict {
  const reasons = rules.filter((r) => ruleFails(r, signals)).map((r) => r.id);
  return { pass: reasons.length === 0, reasons, signals };
}

export function assessQuality(text: string, rules: readonly QualityRule[] = DEFAULT_RULES): QualityVerdict {
  return applyRules(computeSignals(text), rules);
}
