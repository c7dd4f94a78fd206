export { detectPii, type DetectOptions } from './detect.js';
export { redact, redactWithCounts, piiToken, type Redaction } from './redact.js';
export { PII_TYPES, PII_CATEGORY, HIGH_CONFIDENCE, isPiiType, type PiiType, type PiiFinding, type PiiCategory } from './types.js';
export { parseNik, isValidNik, isValidKk, isValidNpwp15, isValidNpwp16, luhnValid, isLikelyCard } from './validators.js';
export { isProvinceCode, PROVINCE_CODES } from './provinces.js';
