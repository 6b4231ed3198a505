import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { forbidden } from './api-exception.js';
import { isForeignWrite } from './request-origin.js';

const header = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * Global guard, before the session is resolved: a state-changing request sent by a page of another origin is
 * refused with 403 `origin_not_allowed`, on every route (sign-in and sign-up included), against the allow-list
 * the sockets use.
 */
@Injectable()
export class RequestOriginGuard implements CanActivate {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<Request>();
    const source = { method: request.method, origin: header(request.headers.origin), fetchSite: header(request.headers['sec-fetch-site']) };
    if (isForeignWrite(source, this.config.allowedOrigins)) throw forbidden('origin_not_allowed');
    return true;
  }
}
