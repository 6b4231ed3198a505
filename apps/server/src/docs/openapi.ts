import { Injectable } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { z } from 'zod';
import { ApiErrorBody } from '@concerto/domain';
import { CONTRACT_KEY, PUBLIC_KEY, type RouteContract, SPACE_ROLE_KEY } from '../common/contract.js';
import { PAGES_OUTSIDE_API } from '../common/pages-outside-api.js';

const METHODS = ['get', 'post', 'put', 'delete', 'patch', 'options', 'head', 'all'] as const;

export interface RouteInfo {
  method: string;
  /** Express-style path with the /api prefix, e.g. /api/spaces/:spaceId */
  path: string;
  contract: RouteContract | undefined;
  isPublic: boolean;
  spaceRole: string | undefined;
}

function joinPath(...parts: string[]): string {
  return (
    '/' +
    parts
      .flatMap((p) => p.split('/'))
      .filter(Boolean)
      .join('/')
  );
}

const OUTSIDE_API = new Set(PAGES_OUTSIDE_API.map((page) => joinPath(page.path)));

/** Every HTTP route of the application, read from the controllers' metadata (pages outside /api where they are). */
function listRoutes(discovery: DiscoveryService, scanner: MetadataScanner, reflector: Reflector, prefix = 'api'): RouteInfo[] {
  const routes: RouteInfo[] = [];
  for (const wrapper of discovery.getControllers()) {
    const instance = wrapper.instance as object | undefined;
    if (!instance || !wrapper.metatype) continue;
    const base = String(Reflect.getMetadata(PATH_METADATA, wrapper.metatype) ?? '');
    const prototype = Object.getPrototypeOf(instance) as Record<string, unknown>;
    for (const name of scanner.getAllMethodNames(prototype)) {
      const handler = prototype[name] as (...args: unknown[]) => unknown;
      const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as number | undefined;
      if (path === undefined || method === undefined) continue;
      routes.push({
        method: METHODS[method].toUpperCase(),
        path: OUTSIDE_API.has(joinPath(base, path)) ? joinPath(base, path) : joinPath(prefix, base, path),
        contract: reflector.get<RouteContract | undefined>(CONTRACT_KEY, handler),
        isPublic: Boolean(reflector.getAllAndOverride<boolean>(PUBLIC_KEY, [handler, wrapper.metatype])),
        spaceRole: reflector.get<string | undefined>(SPACE_ROLE_KEY, handler),
      });
    }
  }
  return routes.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}

function jsonSchema(schema: z.ZodType, io: 'input' | 'output') {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}

/** OpenAPI 3.1 document generated from the routes and their zod contracts. */
function buildOpenApiDocument(routes: RouteInfo[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  const errorResponse = { description: 'Error', content: { 'application/json': { schema: jsonSchema(ApiErrorBody, 'output') } } };
  for (const route of routes) {
    const openApiPath = route.path.replace(/:(\w+)/g, '{$1}');
    const params = [...route.path.matchAll(/:(\w+)/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    const query = route.contract?.query ? jsonSchema(route.contract.query, 'input') : undefined;
    const queryParams = Object.entries((query?.properties ?? {}) as Record<string, unknown>).map(([name, schema]) => ({
      name,
      in: 'query',
      required: false,
      schema,
    }));
    const status = String(route.contract?.status ?? (route.method === 'POST' ? 201 : 200));
    const success = route.contract?.response
      ? { description: 'OK', content: { 'application/json': { schema: jsonSchema(route.contract.response, 'output') } } }
      : { description: 'OK' };
    paths[openApiPath] ??= {};
    paths[openApiPath][route.method.toLowerCase()] = {
      summary: route.contract?.summary ?? '',
      tags: [route.path.split('/')[2] ?? 'api'],
      security: route.isPublic ? [] : [{ session: [] }],
      ...(route.spaceRole ? { 'x-space-role': route.spaceRole } : {}),
      parameters: [...params, ...queryParams],
      ...(route.contract?.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(route.contract.body, 'input') } } } }
        : {}),
      responses: { [status]: success, '4XX': errorResponse },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Concerto API',
      version: '0.1.0',
      description:
        "API de Concerto, plateforme de concertation des pôles territoriaux de coopération économique. Authentification par cookie de session (httpOnly). Les erreurs ont un code typé et un message en français ou en anglais selon l'en-tête Accept-Language.",
    },
    servers: [{ url: '/' }],
    components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'concerto_sid' } } },
    paths,
  };
}

@Injectable()
export class OpenApiService {
  private cached: ReturnType<typeof buildOpenApiDocument> | undefined;

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  routes(): RouteInfo[] {
    return listRoutes(this.discovery, this.scanner, this.reflector);
  }

  document() {
    this.cached ??= buildOpenApiDocument(this.routes());
    return this.cached;
  }
}
