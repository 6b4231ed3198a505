import { Controller, Get, Header } from '@nestjs/common';
import { Public } from '../common/contract.js';
import { OpenApiService } from './openapi.js';

const PAGE = `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Concerto — API</title>
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css"></head>
<body><main><h1 style="position:absolute;left:-9999px">Documentation de l'API Concerto</h1><div id="swagger-ui"></div></main>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script></body></html>`;

const INIT = `window.ui = SwaggerUIBundle({ url: '/api/docs/openapi.json', dom_id: '#swagger-ui', withCredentials: true });`;

/** OpenAPI generated from the code, with Swagger UI served from node_modules (no CDN). */
@Controller('docs')
export class DocsController {
  constructor(private readonly openApi: OpenApiService) {}

  @Get()
  @Public()
  @Header('Content-Type', 'text/html; charset=utf-8')
  page() {
    return PAGE;
  }

  @Get('init.js')
  @Public()
  @Header('Content-Type', 'text/javascript; charset=utf-8')
  init() {
    return INIT;
  }

  @Get('openapi.json')
  @Public()
  document() {
    return this.openApi.document();
  }
}
