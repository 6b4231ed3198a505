import { HttpException } from '@nestjs/common';
import type { ErrorCode } from '@concerto/domain';

export interface ApiIssue {
  path: string;
  message: string;
}

/** An expected failure with a typed code; the filter turns it into a localised ApiErrorBody. */
export class ApiException extends HttpException {
  constructor(
    status: number,
    readonly code: ErrorCode,
    readonly issues?: ApiIssue[],
    /** More fields for the error body (e.g. an import report). */
    readonly extra?: Record<string, unknown>,
  ) {
    super(code, status);
  }
}

export const badRequest = (issues: ApiIssue[]) => new ApiException(400, 'validation_failed', issues);
export const unauthenticated = () => new ApiException(401, 'unauthenticated');
export const forbidden = (code: ErrorCode = 'forbidden') => new ApiException(403, code);
export const notFound = () => new ApiException(404, 'not_found');
export const conflict = (code: ErrorCode) => new ApiException(409, code);
