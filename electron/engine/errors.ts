import type { ApiErrorCode } from '../../shared/contract';

/** An error meant for the user: its message is shown as is, its code crosses the API boundary. */
export class KurasiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'KurasiError';
  }
}

export class CancelledError extends KurasiError {
  constructor() {
    super('cancelled', 'cancelled by the user');
    this.name = 'CancelledError';
  }
}

export function notFound(what: string): KurasiError {
  return new KurasiError('not-found', `${what} not found`);
}

/** Parameters a job refuses, found when it is started rather than later in its worker. */
export class InvalidParamsError extends KurasiError {
  constructor(
    readonly kind: string,
    readonly issues: { field: string; message: string }[],
  ) {
    super('bad-request', `invalid ${kind} parameters: ${issues.map((i) => `${i.field || 'input'}: ${i.message}`).join('; ')}`);
    this.name = 'InvalidParamsError';
  }
}
