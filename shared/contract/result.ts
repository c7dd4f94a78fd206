/** Every request crosses the boundary as a Result, never as a thrown error. */
export type ApiErrorCode = 'bad-request' | 'not-found' | 'conflict' | 'unauthorized' | 'cancelled' | 'internal';

export interface ApiError {
  code: ApiErrorCode;
  message: string;
  /** For bad-request: which input fields were wrong. */
  issues?: { path: string; message: string }[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function err(code: ApiErrorCode, message: string, issues?: ApiError['issues']): Result<never> {
  return issues ? { ok: false, error: { code, message, issues } } : { ok: false, error: { code, message } };
}
