export { detectPii, type DetectOptions } from './detect';
export { redact, redactWithCounts, piiToken, type Redaction } from './redact';
export { PII_TYPES, PII_CATEGORY, HIGH_CONFIDENCE, isPiiType, type PiiType, type PiiFinding, type PiiCategory } from './types';
export { parseNik, isValidNik, isValidKk, isValidNpwp15, isValidNpwp16, luhnValid, isLikelyCard } from './validators';
export { isProvinceCode, PROVINCE_CODES } from './provinces';
