import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { type ApiErrorBody, type ErrorCode, ErrorCode as ErrorCodes, labelOf } from '@concerto/domain';
import { ApiException } from './api-exception.js';
import { localeFromHeader } from './locale.js';

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'validation_failed',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  413: 'payload_too_large',
  429: 'too_many_attempts',
};

/** Every error leaves as an ApiErrorBody with a typed code and a message in the caller's language. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') return;
    const request = host.switchToHttp().getRequest<Request>();
    const response = host.switchToHttp().getResponse<Response>();
    const { status, code, issues } = this.describe(exception);
    const extra = exception instanceof ApiException ? exception.extra : undefined;
    if (status >= 500) this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    const body: ApiErrorBody = {
      statusCode: status,
      code,
      message: labelOf(ErrorCodes, code, localeFromHeader(request.headers['accept-language'])),
      ...(issues ? { issues } : {}),
      ...extra,
    };
    if (!response.headersSent) response.status(status).json(body);
  }

  private describe(exception: unknown): { status: number; code: ErrorCode; issues?: ApiErrorBody['issues'] } {
    if (exception instanceof ApiException) return { status: exception.getStatus(), code: exception.code, issues: exception.issues };
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      return { status, code: CODE_BY_STATUS[status] ?? (status < 500 ? 'validation_failed' : 'internal_error') };
    }
    return { status: 500, code: 'internal_error' };
  }
}
