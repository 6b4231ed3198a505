import type {
  ActivityNature,
  CollectiviteLevel,
  CollectiviteService,
  DepartementCode,
  Implantation,
  LegalForm,
  Perimeter,
  PoleStage,
  RegionCode,
  Sector,
  SpaceRole,
  StructureKind,
} from '@concerto/domain';

/** The demo territory: the five poles the study cites as testimonies, with collectivités and people around them. */
export const DEMO_PASSWORD = 'concerto-demo';

export interface DemoOrganisation {
  key: string;
  kind: 'collectivite' | 'ess_network' | 'member_structure';
  name: string;
  territory: string;
  collectiviteLevel?: CollectiviteLevel;
  structureKind?: StructureKind;
}

export interface DemoPole {
  key: string;
  name: string;
  territory: string;
  /** Where the pole is on the observatory's map (INSEE codes). */
  regionCode: RegionCode;
  departementCode: DepartementCode;
  description: string;
  collectiviteLevels: CollectiviteLevel[];
  collectiviteServices: CollectiviteService[];
  legalForm: LegalForm;
  stage: PoleStage;
  perimeter: Perimeter;
  implantation: Implantation;
  memberStructureCount: number;
  structureKinds: StructureKind[];
  sectors: Sector[];
  activityNatures: ActivityNature[];
  space: { title: string; description: string };
}

export interface DemoPerson {
  email: string;
  displayName: string;
  organisation: string;
  memberships: Partial<Record<string, SpaceRole>>;
}

export const DEMO_ORGANISATIONS: DemoOrganisation[] = [
  { key: 'grasse', kind: 'collectivite', collectiviteLevel: 'commune', name: 'Ville de Grasse', territory: 'Alpes-Maritimes' },
  { key: 'pays-grasse', kind: 'collectivite', collectiviteLevel: 'epci', name: "Communauté d'agglomération du Pays de Grasse", territory: 'Alpes-Maritimes' },
  { key: 'alpes-maritimes', kind: 'collectivite', collectiviteLevel: 'department', name: 'Département des Alpes-Maritimes', territory: 'Alpes-Maritimes' },
  { key: 'paca', kind: 'collectivite', collectiviteLevel: 'region', name: "Région Provence-Alpes-Côte d'Azur", territory: "Provence-Alpes-Côte d'Azur" },
  { key: 'audruicq', kind: 'collectivite', collectiviteLevel: 'commune', name: "Commune d'Audruicq", territory: 'Pas-de-Calais' },
  { key: 'ccra', kind: 'collectivite', collectiviteLevel: 'epci', name: "Communauté de communes de la Région d'Audruicq", territory: 'Pas-de-Calais' },
  { key: 'pas-de-calais', kind: 'collectivite', collectiviteLevel: 'department', name: 'Département du Pas-de-Calais', territory: 'Pas-de-Calais' },
  { key: 'hdf', kind: 'collectivite', collectiviteLevel: 'region', name: 'Région Hauts-de-France', territory: 'Hauts-de-France' },
  { key: 'roussillon', kind: 'collectivite', collectiviteLevel: 'commune', name: 'Commune de Roussillon', territory: 'Vaucluse' },
  { key: 'luberon', kind: 'collectivite', collectiviteLevel: 'pnr_petr', name: 'Parc naturel régional du Luberon', territory: 'Vaucluse' },
  { key: 'vaucluse', kind: 'collectivite', collectiviteLevel: 'department', name: 'Département de Vaucluse', territory: 'Vaucluse' },
  { key: 'sicoval', kind: 'collectivite', collectiviteLevel: 'epci', name: "Communauté d'agglomération du Sicoval", territory: 'Haute-Garonne' },
  { key: 'haute-garonne', kind: 'collectivite', collectiviteLevel: 'department', name: 'Département de la Haute-Garonne', territory: 'Haute-Garonne' },
  { key: 'occitanie', kind: 'collectivite', collectiviteLevel: 'region', name: 'Région Occitanie', territory: 'Occitanie' },
  { key: 'castres', kind: 'collectivite', collectiviteLevel: 'commune', name: 'Ville de Castres', territory: 'Tarn' },
  { key: 'castres-mazamet', kind: 'collectivite', collectiviteLevel: 'epci', name: "Communauté d'agglomération de Castres-Mazamet", territory: 'Tarn' },
  { key: 'etat', kind: 'collectivite', collectiviteLevel: 'state', name: 'État — services déconcentrés (DREETS)', territory: 'France' },
  { key: 'europe', kind: 'collectivite', collectiviteLevel: 'europe', name: 'Union européenne — FEDER / FSE+', territory: 'Europe' },
  { key: 'rtes', kind: 'ess_network', name: 'RTES — Réseau des collectivités Territoriales pour une Économie Solidaire', territory: 'France' },
  { key: 'cress-paca', kind: 'ess_network', name: "CRESS Provence-Alpes-Côte d'Azur", territory: "Provence-Alpes-Côte d'Azur" },
  { key: 'cress-hdf', kind: 'ess_network', name: 'CRESS Hauts-de-France', territory: 'Hauts-de-France' },
  { key: 'cress-occitanie', kind: 'ess_network', name: 'CRESS Occitanie', territory: 'Occitanie' },
  { key: 'tetris', kind: 'member_structure', structureKind: 'social_economy', name: 'SCIC TETRIS', territory: 'Grasse' },
  { key: 'ecopole', kind: 'member_structure', structureKind: 'social_economy', name: "Écopôle alimentaire de la région d'Audruicq", territory: 'Audruicq' },
  { key: 'okhra', kind: 'member_structure', structureKind: 'social_economy', name: 'SCIC Ôkhra — Conservatoire des ocres', territory: 'Roussillon' },
  { key: 'periscope', kind: 'member_structure', structureKind: 'social_economy', name: 'Le Périscope', territory: 'Sicoval' },
  { key: 'ateliers', kind: 'member_structure', structureKind: 'social_economy', name: 'Les Ateliers', territory: 'Castres' },
  { key: 'lycee-grasse', kind: 'member_structure', structureKind: 'training', name: 'Lycée agricole et horticole de Grasse', territory: 'Grasse' },
  { key: 'labo-toulouse', kind: 'member_structure', structureKind: 'research', name: "Laboratoire d'économie territoriale de Toulouse", territory: 'Toulouse' },
];

export const DEMO_POLES: DemoPole[] = [
  {
    key: 'tetris',
    name: 'TETRIS',
    territory: 'Grasse (Alpes-Maritimes)',
    regionCode: '93',
    departementCode: '06',
    description: "Pôle de coopération autour de la transition écologique et de l'innovation sociale sur le Pays de Grasse.",
    collectiviteLevels: ['commune', 'epci', 'department', 'region'],
    collectiviteServices: ['economy', 'social_economy', 'employment_inclusion'],
    legalForm: 'cooperative',
    stage: 'development',
    perimeter: 'intercommunality',
    implantation: 'periurban',
    memberStructureCount: 24,
    structureKinds: ['social_economy', 'private', 'public', 'research', 'training'],
    sectors: ['environment', 'social', 'services'],
    activityNatures: ['goods_and_services', 'training', 'skills_management'],
    space: {
      title: 'Concertation TETRIS — Pays de Grasse',
      description: 'Diagnostic partagé et suivi des projets du pôle avec les collectivités du Pays de Grasse.',
    },
  },
  {
    key: 'ecopole',
    name: "Écopôle alimentaire de la région d'Audruicq",
    territory: "Région d'Audruicq (Pas-de-Calais)",
    regionCode: '32',
    departementCode: '62',
    description: 'Pôle alimentaire : maraîchage biologique, insertion, transformation et circuits courts.',
    collectiviteLevels: ['commune', 'epci', 'department', 'region', 'europe'],
    collectiviteServices: ['economy', 'employment_inclusion', 'sectoral'],
    legalForm: 'association',
    stage: 'sustainability',
    perimeter: 'intercommunality',
    implantation: 'rural',
    memberStructureCount: 15,
    structureKinds: ['social_economy', 'private', 'public', 'training'],
    sectors: ['environment', 'social'],
    activityNatures: ['goods_and_services', 'training'],
    space: {
      title: 'Écopôle alimentaire — concertation territoriale',
      description: "Espace de concertation entre l'Écopôle, la communauté de communes et le Département.",
    },
  },
  {
    key: 'okhra',
    name: 'Ôkhra',
    territory: 'Roussillon (Vaucluse)',
    regionCode: '93',
    departementCode: '84',
    description: 'Pôle culturel et économique autour des ocres, de leurs savoir-faire et de leur transmission.',
    collectiviteLevels: ['commune', 'department', 'region', 'pnr_petr', 'europe'],
    collectiviteServices: ['economy', 'social_economy', 'sectoral'],
    legalForm: 'cooperative',
    stage: 'sustainability',
    perimeter: 'pays_parc',
    implantation: 'rural',
    memberStructureCount: 12,
    structureKinds: ['social_economy', 'private', 'training'],
    sectors: ['culture', 'services'],
    activityNatures: ['goods_and_services', 'training', 'skills_management'],
    space: { title: 'Ôkhra — Pays des ocres', description: 'Coopération avec le Parc du Luberon et les collectivités du Vaucluse.' },
  },
  {
    key: 'periscope',
    name: 'Le Périscope',
    territory: 'Sicoval (Haute-Garonne)',
    regionCode: '76',
    departementCode: '31',
    description: "Pôle de coopération du Sud-Est toulousain animé avec la communauté d'agglomération du Sicoval.",
    collectiviteLevels: ['epci', 'department', 'region'],
    collectiviteServices: ['economy', 'social_economy'],
    legalForm: 'association',
    stage: 'development',
    perimeter: 'intercommunality',
    implantation: 'periurban',
    memberStructureCount: 30,
    structureKinds: ['social_economy', 'private', 'public', 'research'],
    sectors: ['services', 'social', 'industry'],
    activityNatures: ['skills_management', 'training'],
    space: {
      title: 'Le Périscope — démarches collectives avec le Sicoval',
      description: 'Animation des démarches collectives et suivi des projets mutualisés.',
    },
  },
  {
    key: 'ateliers',
    name: 'Les Ateliers',
    territory: 'Castres (Tarn)',
    regionCode: '76',
    departementCode: '81',
    description: 'Lieu de coopération et de mutualisation pour les entreprises et associations du bassin castrais.',
    collectiviteLevels: ['commune', 'epci', 'department'],
    collectiviteServices: ['economy', 'employment_inclusion'],
    legalForm: 'association',
    stage: 'seeding',
    perimeter: 'intercommunality',
    implantation: 'urban',
    memberStructureCount: 9,
    structureKinds: ['social_economy', 'private', 'public'],
    sectors: ['industry', 'services'],
    activityNatures: ['goods_and_services', 'skills_management'],
    space: { title: 'Les Ateliers — lieu et mutualisation', description: 'Préfiguration du lieu partagé avec la Ville de Castres et Castres-Mazamet.' },
  },
];

export const DEMO_PEOPLE: DemoPerson[] = [
  {
    email: 'animatrice@demo.concerto.fr',
    displayName: 'Camille Martin',
    organisation: 'tetris',
    memberships: { tetris: 'animateur', ecopole: 'animateur', periscope: 'contributeur' },
  },
  {
    email: 'contributeur@demo.concerto.fr',
    displayName: 'Karim Benali',
    organisation: 'cress-paca',
    memberships: { tetris: 'contributeur', okhra: 'contributeur' },
  },
  {
    email: 'observatrice@demo.concerto.fr',
    displayName: 'Élise Durand',
    organisation: 'paca',
    memberships: { tetris: 'observateur', okhra: 'observateur' },
  },
  {
    email: 'elu@demo.concerto.fr',
    displayName: 'Jean Moreau',
    organisation: 'sicoval',
    memberships: { periscope: 'animateur', tetris: 'contributeur' },
  },
  {
    email: 'ecopole@demo.concerto.fr',
    displayName: 'Sophie Lambert',
    organisation: 'ecopole',
    memberships: { ecopole: 'contributeur', ateliers: 'animateur' },
  },
  {
    email: 'okhra@demo.concerto.fr',
    displayName: 'Thomas Girard',
    organisation: 'okhra',
    memberships: { okhra: 'animateur', ateliers: 'observateur' },
  },
  {
    email: 'observatoire@demo.concerto.fr',
    displayName: 'Nadia Fontaine',
    organisation: 'etat',
    memberships: { tetris: 'observateur', ecopole: 'observateur', okhra: 'observateur', periscope: 'observateur', ateliers: 'observateur' },
  },
];
