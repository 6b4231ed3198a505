import type { FunderLevel, Lever, LiveMeasure, RecommendationStatus, SupportStage, TestimonyStatus } from '@concerto/domain';

/**
 * What the demo's guide d'appui says: one testimony per demo pole (told from the seed's names and facts), the
 * recommendations of the TETRIS space worded like the study's conclusions, two analysis chapters and the guide's
 * introduction. People are the demo's accounts by e-mail; organisations and poles are the demo territory's keys.
 */

export interface DemoTestimony {
  pole: string;
  title: string;
  territory: string;
  /** Who wrote it and who last moved its status (an animateur of the space validates; a writer marks it relu). */
  author: string;
  status: Extract<TestimonyStatus, 'reviewed' | 'validated'>;
  statusBy: string;
  collectivites: { organisation: string; stages: SupportStage[] }[];
  levers: Lever[];
  quotes: { text: string; author: string; role: string }[];
  typed: { label: string; value: number; unit: string }[];
  live: { label: string; measure: LiveMeasure; funderLevel?: FunderLevel; year?: number };
  story: string[];
}

const CAMILLE = 'animatrice@demo.concerto.fr';
const KARIM = 'contributeur@demo.concerto.fr';
const JEAN = 'elu@demo.concerto.fr';
const SOPHIE = 'ecopole@demo.concerto.fr';
const THOMAS = 'okhra@demo.concerto.fr';

export const DEMO_TESTIMONIES: DemoTestimony[] = [
  {
    pole: 'tetris',
    title: 'TETRIS : une agglomération qui provoque la rencontre',
    territory: 'Pays de Grasse',
    author: KARIM,
    status: 'validated',
    statusBy: CAMILLE,
    collectivites: [
      { organisation: 'pays-grasse', stages: ['detection', 'collective_facilitation'] },
      { organisation: 'grasse', stages: ['detection', 'place'] },
      { organisation: 'paca', stages: ['support', 'public_policy'] },
    ],
    levers: ['networks_concertation', 'inter_collectivite', 'pedagogy'],
    quotes: [
      {
        text: 'Nous n’avons pas créé le pôle : nous avons mis autour de la table des gens qui ne se parlaient pas, et nous avons tenu la table dans la durée.',
        author: 'Hélène Rastoin',
        role: 'vice-présidente déléguée à l’économie sociale et solidaire, Communauté d’agglomération du Pays de Grasse',
      },
      {
        text: 'Les forums ont fait naître des projets ; la coopérative leur a donné un cadre où les entreprises, les associations et la collectivité décident ensemble.',
        author: 'Karim Benali',
        role: 'chargé de mission, CRESS Provence-Alpes-Côte d’Azur',
      },
    ],
    typed: [
      { label: 'Structures membres de la SCIC', value: 24, unit: 'structures' },
      { label: 'Salariés des structures du pôle', value: 85, unit: 'emplois' },
    ],
    live: { label: 'Financements mobilisés en 2015', measure: 'funding_total', year: 2015 },
    story: [
      'Sur le Pays de Grasse, le pôle TETRIS est d’abord né d’un travail de repérage. Les techniciens du service développement économique de la communauté d’agglomération connaissaient les recycleries, les jardins d’insertion et les petites entreprises de la filière des plantes à parfum, mais ces acteurs ne se connaissaient pas entre eux.',
      'L’agglomération a organisé des forums de l’économie sociale et solidaire, puis un espace de concertation régulier où élus, techniciens, entreprises et associations ont identifié des besoins communs : mobilité des salariés en insertion, valorisation des déchets, formation. C’est de ces rencontres qu’est sortie la SCIC TETRIS, qui porte aujourd’hui l’animation du pôle.',
      'La Ville de Grasse a mis à disposition des locaux pour les premiers projets, et la Région Provence-Alpes-Côte d’Azur a inscrit le pôle dans sa stratégie d’innovation sociale. Le pôle compte désormais vingt-quatre structures membres, et la collectivité siège au sociétariat de la coopérative, sans la diriger.',
    ],
  },
  {
    pole: 'ecopole',
    title: 'L’Écopôle alimentaire : un accompagnement financier inscrit dans le temps',
    territory: 'Région d’Audruicq',
    author: SOPHIE,
    status: 'validated',
    statusBy: CAMILLE,
    collectivites: [
      { organisation: 'ccra', stages: ['support', 'place', 'rural'] },
      { organisation: 'audruicq', stages: ['place'] },
      { organisation: 'pas-de-calais', stages: ['support'] },
      { organisation: 'hdf', stages: ['public_policy'] },
    ],
    levers: ['employment_coordination', 'skills_support', 'contractual_frameworks'],
    quotes: [
      {
        text: 'Une convention sur trois ans, c’est ce qui nous a permis de recruter une coordinatrice plutôt que de courir après des appels à projets d’un an.',
        author: 'Sophie Lambert',
        role: 'coordinatrice, Écopôle alimentaire de la région d’Audruicq',
      },
      {
        text: 'En milieu rural, le maraîchage d’insertion est aussi une politique d’aménagement : il fait vivre des terres et des villages.',
        author: 'Bernard Delattre',
        role: 'président, Communauté de communes de la Région d’Audruicq',
      },
    ],
    typed: [
      { label: 'Salariés des structures du pôle', value: 60, unit: 'emplois' },
      { label: 'Part autofinancée du budget de la cellule d’animation', value: 42, unit: '%' },
    ],
    live: { label: 'Projets partagés du pôle', measure: 'projects_count' },
    story: [
      'L’Écopôle alimentaire réunit autour d’un chantier de maraîchage biologique des structures d’insertion, une légumerie, des producteurs et des acteurs de la restauration collective. La communauté de communes de la Région d’Audruicq l’a accompagné dès ses débuts, en mettant à disposition du foncier et en finançant le poste de coordination.',
      'Ce qui distingue l’accompagnement, c’est sa durée : une convention pluriannuelle plutôt que des subventions annuelles, et un dispositif local d’accompagnement (DLA) mobilisé pour structurer la gouvernance associative. Le Département du Pas-de-Calais a longtemps soutenu le volet insertion ; depuis la loi NOTRe et le transfert des compétences économiques à la Région, ce soutien s’est fragilisé, et la Région Hauts-de-France est devenue l’interlocutrice principale.',
      'Le pôle illustre les spécificités du milieu rural décrites par l’étude : des moyens faibles, mais une forte dimension participative et un ancrage dans le développement local.',
    ],
  },
  {
    pole: 'okhra',
    title: 'Ôkhra : les fonds européens au service d’un patrimoine vivant',
    territory: 'Pays d’Apt – Luberon',
    author: THOMAS,
    status: 'validated',
    statusBy: THOMAS,
    collectivites: [
      { organisation: 'luberon', stages: ['detection', 'collective_facilitation', 'rural'] },
      { organisation: 'roussillon', stages: ['place'] },
      { organisation: 'vaucluse', stages: ['support'] },
      { organisation: 'paca', stages: ['public_policy'] },
    ],
    levers: ['contractual_frameworks', 'pedagogy', 'skills_support'],
    quotes: [
      {
        text: 'Le programme européen a été notre levier, mais c’est le Parc qui nous a appris à parler le langage des financeurs.',
        author: 'Thomas Girard',
        role: 'directeur, SCIC Ôkhra — Conservatoire des ocres',
      },
    ],
    typed: [
      { label: 'Structures membres', value: 12, unit: 'structures' },
      { label: 'Salariés des structures du pôle', value: 18, unit: 'emplois' },
    ],
    live: { label: 'Financements européens mobilisés', measure: 'funding_total', funderLevel: 'europe' },
    story: [
      'À Roussillon, la SCIC Ôkhra fait vivre une ancienne usine d’ocre devenue conservatoire des savoir-faire de la couleur : formation, visites, boutique et accueil d’artisans. Autour d’elle, une douzaine de structures coopèrent, dans un territoire rural où l’activité est fortement saisonnière.',
      'Le Parc naturel régional du Luberon a joué un rôle décisif de repérage et d’ingénierie : il a aidé la coopérative à inscrire son projet dans les programmes opérationnels européens (FEDER et FSE) et dans la stratégie régionale d’innovation sociale. Le Département de Vaucluse a soutenu les premières formations.',
      'Le témoignage montre qu’un petit pôle rural peut mobiliser des fonds européens, à condition qu’une collectivité porte l’ingénierie et qu’un temps de pédagogie soit consacré à expliquer ce qu’est une société coopérative d’intérêt collectif aux financeurs.',
    ],
  },
  {
    pole: 'periscope',
    title: 'Le Périscope : une agglomération animatrice des démarches collectives',
    territory: 'Sud-Est toulousain',
    author: JEAN,
    status: 'validated',
    statusBy: JEAN,
    collectivites: [
      { organisation: 'sicoval', stages: ['collective_facilitation', 'transversality', 'detection'] },
      { organisation: 'haute-garonne', stages: ['support'] },
      { organisation: 'occitanie', stages: ['public_policy'] },
    ],
    levers: ['internal_transversality', 'networks_concertation', 'inter_collectivite'],
    quotes: [
      {
        text: 'La transversalité ne se décrète pas : elle s’est installée quand le service économie et le service emploi ont commencé à suivre les mêmes projets.',
        author: 'Jean Moreau',
        role: 'élu délégué à l’économie sociale et solidaire, Communauté d’agglomération du Sicoval',
      },
    ],
    typed: [
      { label: 'Structures impliquées', value: 30, unit: 'structures' },
      { label: 'Équivalents temps plein de la cellule d’animation', value: 1.75, unit: 'ETP' },
    ],
    live: { label: 'Projets partagés du pôle', measure: 'projects_count' },
    story: [
      'Le Périscope est l’un des trois focus de l’étude sur les collectivités animatrices des démarches collectives. La communauté d’agglomération du Sicoval n’y est pas seulement financeuse : ses agents co-animent les groupes de travail, suivent les projets mutualisés et assurent le lien avec les communes.',
      'La transversalité s’y est développée « par contamination » : un premier projet commun entre le service développement économique et le service emploi a montré l’intérêt de suivre ensemble les initiatives, puis d’autres services ont rejoint la démarche. L’incubateur ESS et le tiers-lieu du Sicoval sont nés de ces échanges.',
      'Le Département de la Haute-Garonne et la Région Occitanie accompagnent le pôle sur des volets précis, mais c’est l’intercommunalité qui tient la continuité de l’animation.',
    ],
  },
  {
    pole: 'ateliers',
    title: 'Les Ateliers : le lieu comme levier de coopération',
    territory: 'Bassin castrais',
    author: SOPHIE,
    status: 'reviewed',
    statusBy: SOPHIE,
    collectivites: [
      { organisation: 'castres', stages: ['place', 'detection'] },
      { organisation: 'castres-mazamet', stages: ['collective_facilitation', 'support'] },
    ],
    levers: ['urban_projects', 'employment_coordination'],
    quotes: [
      {
        text: 'Un lieu, c’est une adresse : les entreprises savent où nous trouver, et les élus peuvent venir voir ce que produit la coopération.',
        author: 'Claire Espinasse',
        role: 'coordinatrice, Les Ateliers',
      },
    ],
    typed: [
      { label: 'Structures membres', value: 9, unit: 'structures' },
      { label: 'Équivalents temps plein de la cellule d’animation', value: 1, unit: 'ETP' },
    ],
    live: { label: 'Financements mobilisés en 2015', measure: 'funding_total', year: 2015 },
    story: [
      'À Castres, Les Ateliers préfigurent un lieu partagé dans une ancienne friche industrielle : ateliers de production, bureaux mutualisés, espace de formation. Le lieu est à la fois un outil d’identification, un espace de coordination et un objet de mutualisation pour neuf structures.',
      'La Ville de Castres a repéré le projet et proposé le bâtiment ; la communauté d’agglomération de Castres-Mazamet accompagne la structuration du collectif. Après les élections municipales de 2014, le portage politique s’est fragilisé et le pôle a dû reprendre le dialogue avec une nouvelle équipe.',
      'Ce témoignage, encore en relecture, illustre l’amorçage d’un pôle : des besoins d’accompagnement sur un temps long et une démonstration de l’utilité sociale qui reste à construire.',
    ],
  },
];

export interface DemoRecommendation {
  statement: string;
  rationale: string;
  levers: Lever[];
  stages: SupportStage[];
  levels: FunderLevel[];
  status: RecommendationStatus;
  author: string;
  /** Testimonies of the same space it relies on, by pole. */
  testimonies: string[];
}

/** The TETRIS space's recommendations: two retained by the animatrice, the others proposed or debated. */
export const DEMO_RECOMMENDATIONS: DemoRecommendation[] = [
  {
    statement: 'Renforcer les aides à l’amorçage sur un temps long',
    rationale:
      'Les pôles en amorçage ont besoin de trois à cinq ans pour stabiliser leur cellule d’animation. Des conventions pluriannuelles, plutôt que des appels à projets annuels, permettent de financer la coordination.',
    levers: ['employment_coordination', 'contractual_frameworks'],
    stages: ['support'],
    levels: ['epci', 'region'],
    status: 'retained',
    author: CAMILLE,
    testimonies: ['tetris'],
  },
  {
    statement: 'Un appel au décloisonnement, à la simplification et à la promotion de l’ESS',
    rationale:
      'Les services économie, ESS et emploi-insertion suivent souvent les mêmes projets sans se coordonner. Un interlocuteur unique et des dossiers simplifiés faciliteraient l’accès des pôles aux dispositifs.',
    levers: ['internal_transversality', 'pedagogy'],
    stages: ['transversality'],
    levels: ['commune', 'epci', 'department'],
    status: 'retained',
    author: JEAN,
    testimonies: [],
  },
  {
    statement: 'Des logiques de coopération à faire vivre dans la durée',
    rationale:
      'Les forums et espaces de concertation qui ont fait naître le pôle doivent être maintenus au-delà du lancement, avec les têtes de réseau de l’ESS et les collectivités voisines.',
    levers: ['networks_concertation', 'inter_collectivite'],
    stages: ['collective_facilitation'],
    levels: ['epci', 'department'],
    status: 'debated',
    author: KARIM,
    testimonies: ['tetris'],
  },
  {
    statement: 'Un effort de structuration administrative, financière et démocratique à accompagner',
    rationale:
      'La gouvernance de la SCIC et la consolidation financière demandent des compétences que les structures membres n’ont pas toujours : le DLA et l’ingénierie des collectivités peuvent y répondre.',
    levers: ['skills_support'],
    stages: ['support'],
    levels: ['region', 'state'],
    status: 'proposed',
    author: KARIM,
    testimonies: [],
  },
  {
    statement: 'Une démonstration de l’utilité sociale qui reste à faire',
    rationale:
      'Les financeurs attendent des indicateurs partagés : emplois créés ou maintenus, structures accompagnées, coopérations nouvelles. Le pôle propose de les construire avec les collectivités.',
    levers: ['pedagogy'],
    stages: ['public_policy'],
    levels: ['region', 'state', 'europe'],
    status: 'debated',
    author: CAMILLE,
    testimonies: ['tetris'],
  },
  {
    statement: 'Inscrire le soutien au pôle dans le contrat de territoire et le schéma régional de développement économique',
    rationale:
      'Inscrire la coopération économique territoriale dans les cadres contractuels (contrat de territoire, SRDEII) la met à l’abri des changements d’équipe et des incertitudes budgétaires.',
    levers: ['contractual_frameworks'],
    stages: ['public_policy'],
    levels: ['epci', 'region'],
    status: 'proposed',
    author: JEAN,
    testimonies: ['tetris'],
  },
];

export interface DemoAnalysis {
  title: string;
  scope: { kind: 'stage'; key: SupportStage } | { kind: 'lever'; key: Lever };
  text: string[];
}

export const DEMO_ANALYSES: DemoAnalysis[] = [
  {
    title: 'Le repérage et l’émergence : des collectivités qui mettent en lien',
    scope: { kind: 'stage', key: 'detection' },
    text: [
      'Sur le Pays de Grasse comme dans le Luberon, les élus et les techniciens ont été les premiers acteurs du repérage : ils connaissent les initiatives de leur territoire et peuvent provoquer la rencontre entre des structures qui ne se connaissent pas.',
      'Les forums et les espaces de concertation formalisés jouent un rôle décisif. Ils permettent de co-construire le projet plutôt que de le prescrire, et de lire les besoins du territoire avec ceux qui y travaillent.',
    ],
  },
  {
    title: 'Impliquer les têtes de réseau dans une concertation pérenne',
    scope: { kind: 'lever', key: 'networks_concertation' },
    text: [
      'Les pôles où la concertation a duré au-delà du lancement ont mieux résisté aux changements d’équipe municipale. Les têtes de réseau de l’ESS, comme les CRESS, y assurent une continuité que les collectivités seules ne garantissent pas.',
    ],
  },
];

/** The first paragraph of the guide's introduction, in the TETRIS space. */
export const DEMO_GUIDE_INTRODUCTION =
  'Ce guide d’appui rassemble ce que le pôle TETRIS et les collectivités du Pays de Grasse ont appris en coopérant : des témoignages de terrain, des analyses par étape et par levier, et des préconisations débattues en séance. Il s’adresse aux élus et aux techniciens qui veulent soutenir un pôle territorial de coopération économique.';
