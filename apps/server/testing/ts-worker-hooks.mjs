// Module hooks for worker threads started from TypeScript sources (jest runs the server from src, and a worker cannot
// load a .ts file by itself): `.ts` files are compiled by swc as jest's own transform does, an import of `./x.js` is
// found as `./x.ts`, and workspace packages resolve to their sources (`@concerto/source` condition). Never used in
// production, where the workers are the compiled `.js` files of apps/server/dist.
import { register } from 'node:module';

register('./ts-worker-loader.mjs', import.meta.url);
