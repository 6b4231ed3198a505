import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { z } from 'zod';
import { type ApiIssue, badRequest } from './api-exception.js';
import { CONTRACT_KEY, type RouteContract } from './contract.js';
import { localeFromHeader } from './locale.js';

const localeErrors = { fr: z.locales.fr().localeError, en: z.locales.en().localeError };

export function toIssues(error: z.ZodError): ApiIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.join('.') || '(body)', message: issue.message }));
}

/** Parses body and query with the route's zod contract before the handler runs: bad input never reaches a service. */
@Injectable()
export class ContractInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler) {
    const contract = this.reflector.get<RouteContract | undefined>(CONTRACT_KEY, context.getHandler());
    if (contract && context.getType() === 'http') {
      const request = context.switchToHttp().getRequest<Request>();
      const error = localeErrors[localeFromHeader(request.headers['accept-language'])];
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
