import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { PATH_METADATA } from '@nestjs/common/constants.js';
import type { Observable } from 'rxjs';

/** What the request log reads: the matched route's pattern (`/api/spaces/:spaceId`), ids left out. */
export type RequestWithPattern = { routePattern?: string };

const segments = (path: unknown): string[] => (typeof path === 'string' ? path.split('/').filter(Boolean) : []);

/** Notes the pattern of the route that handles the request, from its controller's and handler's paths. */
@Injectable()
export class RoutePatternInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() === 'http') {
      const request = context.switchToHttp().getRequest<RequestWithPattern>();
      const path = [...segments(Reflect.getMetadata(PATH_METADATA, context.getClass())), ...segments(Reflect.getMetadata(PATH_METADATA, context.getHandler()))];
      request.routePattern = `/api/${path.join('/')}`;
    }
    return next.handle();
  }
}
