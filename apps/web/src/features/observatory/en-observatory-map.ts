import type { Widen } from '../../i18n/widen';
import type { frObservatoryMap } from './fr-observatory-map';

/** English strings of the observatory's map of France. */
export const enObservatoryMap: Widen<typeof frObservatoryMap> = {
  observatoryMap: {
    title: 'Map of the territories',
    hint: 'Click a region or a department to filter the tables, or use the table of figures under the map.',
    filteredOn: 'Figures filtered on: {{name}}.',
    allFrance: 'Back to the whole of France',
    backToRegion: 'Back to the region {{name}}',
    mesh: 'Divided by',
    meshRegion: 'Regions',
    meshDepartement: 'Departments',
    metric: 'Shading',
    metricMoney: 'Money mobilised',
    metricPoles: 'Number of poles',
    metricPresence: 'Presence of a public authority level',
    level: 'Public authority level',
    chartTitle: 'Map: {{metric}} by {{mesh}}',
    meshRegionWord: 'region',
    meshDepartementWord: 'department',
    summary_one:
      '{{metric}} by {{mesh}}: {{count}} territory with at least one pole; poles are placed at the centre of their territory. The same figures are in the table.',
    summary_other:
      '{{metric}} by {{mesh}}: {{count}} territories with at least one pole; poles are placed at the centre of their territory. The same figures are in the table.',
    summaryUnplaced_one:
      '{{metric}} by {{mesh}}: {{count}} territory with at least one pole; poles are too many to be placed on the map of France. The same figures are in the table.',
    summaryUnplaced_other:
      '{{metric}} by {{mesh}}: {{count}} territories with at least one pole; poles are too many to be placed on the map of France. The same figures are in the table.',
    polesNotPlaced: 'There are too many poles to place them on the map of France: choose a region to see them.',
    tableLabel: 'Show the map’s figures as a table',
    tableCaption: 'Figures by {{mesh}} (same filters as the map)',
    territory: 'Territory',
    poles: 'Poles',
    money: 'Money mobilised',
    presence: 'Poles linked to the “{{level}}” level',
    unlocated: 'Poles without a location',
    filterOn: 'Filter on {{name}}',
    filterColumn: 'Filter the tables',
    pole: 'Pole',
    source:
      'Boundaries shipped with the app: Natural Earth (public domain), INSEE codes. Overseas territories are shown as insets on the left. A pole without a region is not placed: set its region and department in the pole’s profile.',
    nothing: 'No pole in the chosen scope and filters.',
  },
};
