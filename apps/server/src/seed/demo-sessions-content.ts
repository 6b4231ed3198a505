import type { ConsentAnswer, Lever, NoteCategory, SessionMode } from '@concerto/domain';

/**
 * One past concertation session per demo pole, as it was held: its agenda (with the time each item actually took),
 * who came, the notes posted on the board, the votes and every ballot, the decisions. Its minutes are built from
 * these by the sessions' own `buildMinutes`. People are the demo's accounts by e-mail.
 */

export interface DemoAgendaItem {
  title: string;
  minutes: number;
  actualMinutes: number;
  lever?: Lever;
  diagnosticSectionId?: string;
  notes: { author: string; text: string; category: NoteCategory; cluster?: string }[];
}

export type DemoVote = { title: string; item: number } & (
  | { kind: 'dot'; dots: number; options: string[]; ballots: Record<string, number[]> }
  | { kind: 'score'; options: string[]; ballots: Record<string, number[]> }
  | { kind: 'consent'; ballots: Record<string, { answer: ConsentAnswer; reason?: string }> }
);

export interface DemoSession {
  pole: string;
  title: string;
  daysAgo: number;
  /** Local time of the start, in France (hours). */
  hour: number;
  place: string;
  mode: SessionMode;
  animateur: string;
  absent: string[];
  agenda: DemoAgendaItem[];
  votes: DemoVote[];
  decisions: { item: number; text: string }[];
}

const CAMILLE = 'animatrice@demo.concerto.fr';
const KARIM = 'contributeur@demo.concerto.fr';
const JEAN = 'elu@demo.concerto.fr';
const SOPHIE = 'ecopole@demo.concerto.fr';
const THOMAS = 'okhra@demo.concerto.fr';
const NADIA = 'observatoire@demo.concerto.fr';

export const DEMO_SESSIONS: DemoSession[] = [
  {
    pole: 'tetris',
    title: 'Comité de concertation — priorités de l’année',
    daysAgo: 21,
    hour: 14,
    place: 'Salle du conseil, Communauté d’agglomération du Pays de Grasse',
    mode: 'hybrid',
    animateur: CAMILLE,
    absent: [NADIA],
    agenda: [
      {
        title: 'Retour sur le diagnostic partagé',
        minutes: 30,
        actualMinutes: 35,
        diagnosticSectionId: 'grid-cooperation',
        notes: [
          {
            author: KARIM,
            text: 'Les entreprises de la filière des plantes à parfum viennent peu aux réunions : les inviter sur un projet concret.',
            category: 'concern',
            cluster: 'Mobiliser les entreprises',
          },
          {
            author: JEAN,
            text: 'Organiser une visite de la recyclerie pour les chefs d’entreprise du bassin.',
            category: 'idea',
            cluster: 'Mobiliser les entreprises',
          },
          { author: CAMILLE, text: 'Le lycée horticole propose d’accueillir la prochaine réunion plénière.', category: 'resource' },
        ],
      },
      {
        title: 'Financement de la coordination',
        minutes: 30,
        actualMinutes: 25,
        lever: 'employment_coordination',
        diagnosticSectionId: 'lever-employment_coordination',
        notes: [
          { author: JEAN, text: 'Une convention sur trois ans est possible si le pôle présente un plan d’action pluriannuel.', category: 'idea' },
          { author: KARIM, text: 'Quelle part la Région peut-elle prendre si l’agglomération s’engage sur trois ans ?', category: 'question' },
        ],
      },
      {
        title: 'Choix des projets prioritaires',
        minutes: 40,
        actualMinutes: 45,
        lever: 'urban_projects',
        notes: [
          {
            author: CAMILLE,
            text: 'La recyclerie et la plateforme de mobilité sont prêtes à démarrer ; les autres projets restent à l’étude.',
            category: 'idea',
          },
        ],
      },
    ],
    votes: [
      {
        title: 'Projets à prioriser cette année',
        item: 2,
        kind: 'dot',
        dots: 5,
        options: ['Recyclerie du Pays de Grasse', 'Plateforme de mobilité solidaire', 'Filière plantes à parfum', 'Compostage de proximité'],
        ballots: { [CAMILLE]: [2, 2, 1, 0], [KARIM]: [3, 1, 1, 0], [JEAN]: [1, 3, 0, 1] },
      },
      {
        title: 'Proposer une convention pluriannuelle de coordination au conseil communautaire',
        item: 1,
        kind: 'consent',
        ballots: {
          [CAMILLE]: { answer: 'agree' },
          [KARIM]: { answer: 'agree' },
          [JEAN]: { answer: 'abstain', reason: 'Je porterai la proposition, mais je dois d’abord en parler au bureau.' },
        },
      },
    ],
    decisions: [
      {
        item: 1,
        text: 'Proposer au conseil communautaire une convention de coordination sur trois ans (2 ETP), avec un plan d’action pluriannuel préparé par la SCIC.',
      },
      { item: 2, text: 'Prioriser la recyclerie et la plateforme de mobilité solidaire ; réexaminer la filière plantes à parfum à la prochaine séance.' },
    ],
  },
  {
    pole: 'ecopole',
    title: 'Séance de bilan de la convention pluriannuelle',
    daysAgo: 35,
    hour: 9,
    place: 'Écopôle alimentaire, Audruicq',
    mode: 'in_person',
    animateur: CAMILLE,
    absent: [],
    agenda: [
      {
        title: 'Bilan de la légumerie et des débouchés',
        minutes: 45,
        actualMinutes: 50,
        diagnosticSectionId: 'grid-economy',
        notes: [
          {
            author: SOPHIE,
            text: 'La restauration collective représente un tiers du chiffre d’affaires : sécuriser les marchés avec les collèges.',
            category: 'concern',
          },
          {
            author: CAMILLE,
            text: 'Le Département peut faciliter l’accès aux marchés des collèges via sa politique d’approvisionnement local.',
            category: 'resource',
          },
        ],
      },
      {
        title: 'Renouvellement de la convention',
        minutes: 30,
        actualMinutes: 30,
        lever: 'contractual_frameworks',
        notes: [{ author: SOPHIE, text: 'Demander l’inscription du pôle dans le SRDEII des Hauts-de-France.', category: 'idea' }],
      },
    ],
    votes: [
      {
        title: 'Renouveler la convention pour trois ans',
        item: 1,
        kind: 'consent',
        ballots: { [CAMILLE]: { answer: 'agree' }, [SOPHIE]: { answer: 'agree' } },
      },
    ],
    decisions: [{ item: 1, text: 'Renouveler la convention avec la communauté de communes pour 2017-2019 et solliciter la Région sur le SRDEII.' }],
  },
  {
    pole: 'okhra',
    title: 'Atelier avec le Parc : saisonnalité et emploi',
    daysAgo: 28,
    hour: 10,
    place: 'Conservatoire des ocres, Roussillon',
    mode: 'in_person',
    animateur: THOMAS,
    absent: [NADIA],
    agenda: [
      {
        title: 'Allonger la saison',
        minutes: 40,
        actualMinutes: 40,
        diagnosticSectionId: 'grid-territory',
        notes: [
          { author: KARIM, text: 'Des stages de formation en hiver pour les artisans de la couleur.', category: 'idea' },
          { author: THOMAS, text: 'La moitié du chiffre d’affaires se fait de juin à septembre.', category: 'concern' },
          { author: THOMAS, text: 'La Région finance des actions de tourisme hors saison dans les Parcs.', category: 'resource' },
        ],
      },
      {
        title: 'Formations à ouvrir',
        minutes: 30,
        actualMinutes: 35,
        lever: 'skills_support',
        notes: [{ author: KARIM, text: 'Un module « enduits et badigeons » pour les artisans du bâtiment.', category: 'idea' }],
      },
    ],
    votes: [
      {
        title: 'Intérêt des formations proposées',
        item: 1,
        kind: 'score',
        options: ['Enduits et badigeons', 'Pigments pour la céramique', 'Médiation culturelle'],
        ballots: { [THOMAS]: [5, 3, 4], [KARIM]: [4, 4, 2] },
      },
    ],
    decisions: [{ item: 0, text: 'Programmer trois stages d’hiver et en demander le financement au titre du tourisme hors saison.' }],
  },
  {
    pole: 'periscope',
    title: 'Groupe de travail transversalité',
    daysAgo: 14,
    hour: 17,
    place: 'Sicoval, Labège',
    mode: 'remote',
    animateur: JEAN,
    absent: [],
    agenda: [
      {
        title: 'Un comité interservices ?',
        minutes: 45,
        actualMinutes: 40,
        lever: 'internal_transversality',
        diagnosticSectionId: 'lever-internal_transversality',
        notes: [
          { author: JEAN, text: 'Un comité semestriel présidé par l’élu à l’ESS, avec l’économie, l’emploi, l’urbanisme et la culture.', category: 'idea' },
          { author: CAMILLE, text: 'Risque d’une réunion de plus sans décision : lui donner un budget à suivre.', category: 'concern' },
        ],
      },
    ],
    votes: [
      {
        title: 'Créer un comité interservices semestriel',
        item: 0,
        kind: 'consent',
        ballots: { [JEAN]: { answer: 'agree' }, [CAMILLE]: { answer: 'agree' } },
      },
    ],
    decisions: [
      { item: 0, text: 'Proposer au bureau communautaire un comité interservices semestriel chargé du suivi des projets du pôle et de leurs financements.' },
    ],
  },
  {
    pole: 'ateliers',
    title: 'Préfiguration du lieu partagé',
    daysAgo: 42,
    hour: 18,
    place: 'Les Ateliers, Castres',
    mode: 'in_person',
    animateur: SOPHIE,
    absent: [NADIA],
    agenda: [
      {
        title: 'Les usages du lieu',
        minutes: 45,
        actualMinutes: 55,
        diagnosticSectionId: 'support_stage-place',
        notes: [
          { author: SOPHIE, text: 'Ateliers de production au rez-de-chaussée, bureaux partagés à l’étage.', category: 'idea' },
          { author: SOPHIE, text: 'Prévoir un espace de formation ouvert aux structures extérieures.', category: 'idea' },
        ],
      },
      {
        title: 'Relation avec la nouvelle équipe municipale',
        minutes: 20,
        actualMinutes: 20,
        lever: 'pedagogy',
        notes: [{ author: SOPHIE, text: 'Inviter le nouvel adjoint à l’économie à visiter la friche.', category: 'idea' }],
      },
    ],
    votes: [
      {
        title: 'Usages prioritaires du lieu',
        item: 0,
        kind: 'dot',
        dots: 3,
        options: ['Ateliers de production', 'Bureaux partagés', 'Espace de formation'],
        ballots: { [SOPHIE]: [2, 1, 0] },
      },
    ],
    decisions: [{ item: 1, text: 'Inviter la nouvelle équipe municipale à une visite de la friche avant l’étude de programmation.' }],
  },
];
