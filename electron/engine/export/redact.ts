// The one place export calls the PII feature: findings at or above its high-confidence threshold are
// replaced with typed tokens (e.g. <NIK>), the rule electron/engine/pii documents for export.
import { detectPii, HIGH_CONFIDENCE, redact } from '../pii';

export function redactForExport(text: string): string {
  const findings = detectPii(text, { minConfidence: HIGH_CONFIDENCE });
  return findings.length ? redact(text, findings) : text;
}
