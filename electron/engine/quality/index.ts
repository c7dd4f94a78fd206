export { computeSignals, SIGNAL_NAMES, type SignalName, type QualitySignals } from './signals';
export { assessQuality, applyRules, ruleFails, DEFAULT_RULES, qualityRuleSchema, type QualityRule, type QualityVerdict } from './rules';
