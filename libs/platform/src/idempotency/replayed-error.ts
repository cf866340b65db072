import type { ErrorBodyDto } from '../errors/error-body.js';

/** A stored error answer given again to a retried request (the error filter sends its body as it was). */
export class ReplayedError extends Error {
  constructor(readonly body: ErrorBodyDto) {
    super(body.message);
    this.name = 'ReplayedError';
  }
}
