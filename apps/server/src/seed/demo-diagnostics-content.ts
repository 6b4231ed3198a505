import type { SectionStatus } from '@concerto/domain';

/**
 * What the demo's five diagnostics say, a year into their concertation: sections of the characterisation grid, of
 * the stages where collectivités contribute and of the 8 levers, written from the study's facts and the demo
 * territory; each with a self-assessment (0–4), its justification and a status; a few comment threads on
 * passages; and the named version the space saved before its last session. People are the demo's accounts by
 * e-mail; section ids are those of the diagnostic template (`grid-…`, `support_stage-…`, `lever-…`).
 */

export interface DemoSectionContent {
  id: string;
  paragraphs: string[];
  score: number | null;
  status: SectionStatus;
  justification: string;
  /** Who last assessed it. */
  by: string;
  /** Written after the named version (so that comparing the version with today shows it). */
  afterVersion?: boolean;
}

export interface DemoCommentThread {
  section: string;
  /** The commented passage: words of one paragraph of the section. */
  quote: string;
  author: string;
  body: string;
  mentions?: string[];
  replies: { author: string; body: string }[];
  resolvedBy?: string;
  daysAgo: number;
}

export interface DemoDiagnostic {
  pole: string;
  sections: DemoSectionContent[];
  comments: DemoCommentThread[];
  version: { name: string; by: string; daysAgo: number };
}

export const CAMILLE = 'animatrice@demo.concerto.fr';
export const KARIM = 'contributeur@demo.concerto.fr';
export const JEAN = 'elu@demo.concerto.fr';
export const SOPHIE = 'ecopole@demo.concerto.fr';
export const THOMAS = 'okhra@demo.concerto.fr';

/** TETRIS and the Écopôle; the three other poles are in `demo-diagnostics-more.ts`. */
export const DEMO_DIAGNOSTICS_GRASSE_AUDRUICQ: DemoDiagnostic[] = [
  {
    pole: 'tetris',
    version: { name: 'Diagnostic partagé — version du comité de pilotage', by: CAMILLE, daysAgo: 45 },
    sections: [
      {
        id: 'grid-collectivites',
        paragraphs: [
          'Quatre niveaux de collectivités sont impliqués : la Ville de Grasse, la Communauté d’agglomération du Pays de Grasse, le Département des Alpes-Maritimes et la Région Provence-Alpes-Côte d’Azur. L’agglomération est l’interlocutrice principale : son service développement économique suit le pôle depuis les premiers forums.',
          'Trois services sont mobilisés : l’économie, l’ESS et l’emploi-insertion. Le service emploi-insertion de l’agglomération participe aux comités de suivi des chantiers d’insertion du pôle.',
        ],
        score: 3,
        status: 'validated',
        justification: 'Quatre niveaux engagés, dont deux financeurs réguliers ; les services sectoriels restent à mobiliser.',
        by: CAMILLE,
      },
      {
        id: 'grid-pole',
        paragraphs: [
          'La structure porteuse est une société coopérative d’intérêt collectif, la SCIC TETRIS, dont l’agglomération est sociétaire sans la diriger. Le pôle est en phase de développement : vingt-quatre structures membres, une cellule d’animation de 2,5 ETP et un budget de 210 000 €, autofinancé à 35 %.',
        ],
        score: 3,
        status: 'validated',
        justification: 'Gouvernance coopérative stabilisée ; l’autofinancement de la cellule reste à consolider.',
        by: KARIM,
      },
      {
        id: 'grid-territory',
        paragraphs: [
          'Le pôle intervient à l’échelle de l’intercommunalité, sur un territoire péri-urbain qui va des quartiers de Grasse aux villages du haut pays. Les besoins de mobilité des salariés en insertion y sont un enjeu récurrent.',
        ],
        score: 2,
        status: 'in_progress',
        justification: 'Les communes du haut pays sont encore peu associées.',
        by: JEAN,
      },
      {
        id: 'grid-cooperation',
        paragraphs: [
          'Vingt-quatre structures coopèrent : entreprises de l’ESS, entreprises privées de la filière des plantes à parfum, organismes publics, un laboratoire de recherche et le lycée agricole et horticole de Grasse. La diversité des statuts est la force du pôle, mais aussi la source de rythmes de décision très différents.',
        ],
        score: 3,
        status: 'to_validate',
        justification: 'Une coopération large et réelle ; les entreprises privées participent moins aux instances.',
        by: KARIM,
        afterVersion: true,
      },
      {
        id: 'support_stage-detection',
        paragraphs: [
          'Le repérage a été le fait des techniciens de l’agglomération, qui connaissaient les recycleries, les jardins d’insertion et les entreprises de la filière mais ne les voyaient pas travailler ensemble. Des forums de l’économie sociale et solidaire ont créé la rencontre, puis un espace de concertation formalisé a permis de co-construire les premiers projets.',
        ],
        score: 4,
        status: 'validated',
        justification: 'Étape réussie et documentée : c’est le cœur du témoignage de l’étude.',
        by: CAMILLE,
      },
      {
        id: 'support_stage-public_policy',
        paragraphs: [
          'La Région a inscrit le pôle dans sa stratégie d’innovation sociale ; l’inscription dans le SRDEII reste à obtenir. Aucun programme opérationnel européen n’a encore été sollicité.',
        ],
        score: 1,
        status: 'in_progress',
        justification: 'Une seule inscription formelle, aucun fonds européen.',
        by: JEAN,
        afterVersion: true,
      },
      {
        id: 'lever-networks_concertation',
        paragraphs: [
          'La CRESS Provence-Alpes-Côte d’Azur participe à l’espace de concertation depuis son ouverture et apporte son appui méthodologique. Les réunions trimestrielles réunissent en moyenne quinze structures ; leur pérennité dépend encore de l’animation assurée par la SCIC.',
        ],
        score: 3,
        status: 'validated',
        justification: 'Concertation régulière et outillée ; à inscrire dans une convention pluriannuelle.',
        by: KARIM,
      },
      {
        id: 'lever-employment_coordination',
        paragraphs: [
          'Le poste de coordination du pôle est financé pour moitié par l’agglomération, sur des conventions annuelles. Les fonctions de recherche et développement des projets ne sont pas financées : elles reposent sur le temps bénévole des structures membres.',
        ],
        score: 2,
        status: 'to_validate',
        justification: 'Coordination financée mais précaire ; la R&D des projets n’a aucun financement dédié.',
        by: CAMILLE,
        afterVersion: true,
      },
      {
        id: 'lever-skills_support',
        paragraphs: [
          'Un dispositif local d’accompagnement a été mobilisé en 2014 pour la transformation de l’association en SCIC. Le lycée agricole et horticole apporte des compétences techniques sur les projets de la filière des plantes à parfum.',
        ],
        score: 2,
        status: 'in_progress',
        justification: 'Des compétences mobilisées au cas par cas, sans plan d’accompagnement.',
        by: JEAN,
      },
    ],
    comments: [
      {
        section: 'lever-employment_coordination',
        quote: 'conventions annuelles',
        author: JEAN,
        body: 'L’agglomération pourrait proposer une convention sur trois ans au prochain conseil communautaire : à mettre à l’ordre du jour de la prochaine séance ?',
        mentions: [CAMILLE],
        replies: [{ author: CAMILLE, body: 'Oui, je l’ajoute à l’ordre du jour. L’Écopôle d’Audruicq pourra témoigner de sa convention pluriannuelle.' }],
        daysAgo: 12,
      },
      {
        section: 'lever-networks_concertation',
        quote: 'quinze structures',
        author: KARIM,
        body: 'Chiffre à vérifier sur les feuilles d’émargement de l’année : j’ai compté douze à quatorze structures aux trois dernières réunions.',
        replies: [
          {
            author: CAMILLE,
            body: 'Vérifié : quinze en moyenne sur l’année, douze à quatorze depuis l’été. On garde quinze et on le précise dans le compte-rendu.',
          },
        ],
        resolvedBy: CAMILLE,
        daysAgo: 30,
      },
      {
        section: 'lever-skills_support',
        quote: 'dispositif local d’accompagnement',
        author: KARIM,
        body: 'Un second DLA serait utile sur le modèle économique de la recyclerie : la CRESS peut en faire la demande.',
        replies: [],
        daysAgo: 5,
      },
    ],
  },
  {
    pole: 'ecopole',
    version: { name: 'Diagnostic avant le renouvellement de la convention', by: CAMILLE, daysAgo: 60 },
    sections: [
      {
        id: 'grid-collectivites',
        paragraphs: [
          'La Communauté de communes de la Région d’Audruicq accompagne l’Écopôle depuis ses débuts : foncier mis à disposition et financement du poste de coordination. La Commune d’Audruicq, le Département du Pas-de-Calais, la Région Hauts-de-France et l’Europe complètent le tour de table.',
          'Depuis la loi NOTRe, le Département s’est retiré du soutien économique : seul le volet insertion est maintenu.',
        ],
        score: 3,
        status: 'validated',
        justification: 'Cinq niveaux présents, mais le retrait partiel du Département fragilise le volet insertion.',
        by: SOPHIE,
      },
      {
        id: 'grid-territory',
        paragraphs: [
          'Territoire rural de quinze communes, entre Calais et Saint-Omer. Les terres agricoles disponibles sont un atout ; l’éloignement des bassins d’emploi et le manque de transports en commun sont des freins pour les salariés en insertion.',
        ],
        score: 2,
        status: 'validated',
        justification: 'Des atouts fonciers, des freins de mobilité non résolus.',
        by: SOPHIE,
      },
      {
        id: 'grid-economy',
        paragraphs: [
          'Maraîchage biologique, légumerie, transformation et vente en circuits courts : le pôle produit des biens et forme ses salariés. Les débouchés de la restauration collective représentent un tiers du chiffre d’affaires de la légumerie.',
        ],
        score: 3,
        status: 'to_validate',
        justification: 'Modèle économique diversifié, dépendant des marchés publics de restauration.',
        by: CAMILLE,
        afterVersion: true,
      },
      {
        id: 'support_stage-support',
        paragraphs: [
          'L’accompagnement financier est inscrit dans le temps : une convention pluriannuelle de trois ans avec la communauté de communes plutôt que des subventions annuelles. Un dispositif local d’accompagnement a permis de structurer la gouvernance associative.',
        ],
        score: 4,
        status: 'validated',
        justification: 'Convention pluriannuelle et DLA : l’exemple cité par l’étude.',
        by: SOPHIE,
      },
      {
        id: 'support_stage-rural',
        paragraphs: [
          'Les moyens sont faibles mais la dimension participative est forte : les habitants participent aux chantiers de plantation et au conseil d’administration. Le maraîchage d’insertion fait vivre des terres et des villages.',
        ],
        score: 3,
        status: 'in_progress',
        justification: 'Ancrage local fort ; les leviers économiques restent limités.',
        by: SOPHIE,
        afterVersion: true,
      },
      {
        id: 'lever-contractual_frameworks',
        paragraphs: [
          'Le pôle figure dans le contrat de territoire de la communauté de communes. Son inscription dans le SRDEII des Hauts-de-France est en discussion avec les services de la Région.',
        ],
        score: 2,
        status: 'in_progress',
        justification: 'Un cadre intercommunal acquis, le cadre régional à obtenir.',
        by: CAMILLE,
      },
    ],
    comments: [
      {
        section: 'grid-collectivites',
        quote: 'seul le volet insertion est maintenu',
        author: CAMILLE,
        body: 'Préciser le montant maintenu par le Département pour l’année : il figure dans le plan de financement de la légumerie.',
        mentions: [SOPHIE],
        replies: [{ author: SOPHIE, body: 'Ajouté dans les financements du projet « Légumerie solidaire ».' }],
        resolvedBy: SOPHIE,
        daysAgo: 25,
      },
      {
        section: 'lever-contractual_frameworks',
        quote: 'en discussion avec les services de la Région',
        author: SOPHIE,
        body: 'Rendez-vous prévu avec la direction de l’économie de proximité de la Région le mois prochain.',
        replies: [],
        daysAgo: 8,
      },
    ],
  },
];
