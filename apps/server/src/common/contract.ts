import { SetMetadata } from '@nestjs/common';
import type { z } from 'zod';

export interface RouteContract {
  summary: string;
  body?: z.ZodType;
  query?: z.ZodType;
  response?: z.ZodType;
  /** Status of a successful answer (documentation only). */
  status?: number;
}

export const CONTRACT_KEY = 'concerto:contract';
export const PUBLIC_KEY = 'concerto:public';
export const SPACE_ROLE_KEY = 'concerto:space-role';

/**
 * Declares a route's payload schemas (from libs/domain): the ContractInterceptor parses the request with them,
 * and the OpenAPI document is generated from them.
 */
export const Contract = (contract: RouteContract) => SetMetadata(CONTRACT_KEY, contract);

/** Marks a route as reachable without a session. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
