import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { type Locale, TextIssue, labelOf } from '@concerto/domain';
import type { Request } from 'express';
import type { z } from 'zod';
import { type ApiIssue, badRequest } from './api-exception.js';
import { CONTRACT_KEY, type RouteContract } from './contract.js';
import { localeFromHeader } from './locale.js';
import { malformedTextPaths } from './well-formed-text.js';
import { zodErrorsIn } from './zod-errors.js';

export function toIssues(error: z.ZodError): ApiIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.join('.') || '(body)', message: issue.message }));
}

/** Refuses text that is not Unicode (a lone UTF-16 surrogate) anywhere in the body or the query, on every route. */
function refuseMalformedText(request: Request, locale: Locale): void {
  const message = labelOf(TextIssue, 'malformed_text', locale);
  const issues = [
    ...malformedTextPaths(request.body).map((path) => ({ path: path || '(body)', message })),
    ...malformedTextPaths(request.query).map((path) => ({ path: path || '(query)', message })),
  ];
  if (issues.length > 0) throw badRequest(issues);
}

/**
 * Checks that body and query are well-formed text, then parses them with the route's zod contract, before the
 * handler runs: bad input never reaches a service.
 */
@Injectable()
export class ContractInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler) {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<Request>();
    const locale = localeFromHeader(request.headers['accept-language']);
    refuseMalformedText(request, locale);
    const contract = this.reflector.get<RouteContract | undefined>(CONTRACT_KEY, context.getHandler());
    if (contract) {
      const error = zodErrorsIn(locale);
      if (contract.body) {
        const parsed = contract.body.safeParse(request.body ?? {}, { error });
        if (!parsed.success) throw badRequest(toIssues(parsed.error));
        request.body = parsed.data;
      }
      if (contract.query) {
        const parsed = contract.query.safeParse({ ...request.query }, { error });
        if (!parsed.success) throw badRequest(toIssues(parsed.error));
        Object.defineProperty(request, 'query', { value: parsed.data, writable: true });
      }
    }
    return next.handle();
  }
}
