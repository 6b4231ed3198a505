import { CAMILLE, type DemoDiagnostic, JEAN, KARIM, SOPHIE, THOMAS } from './demo-diagnostics-content.js';

/** The diagnostics of Ôkhra, Le Périscope and Les Ateliers (see `demo-diagnostics-content.ts`). */
export const DEMO_DIAGNOSTICS_MORE: DemoDiagnostic[] = [
  {
    pole: 'okhra',
    version: { name: 'Diagnostic présenté au Parc du Luberon', by: THOMAS, daysAgo: 50 },
    sections: [
      {
        id: 'grid-pole',
        paragraphs: [
          'La SCIC Ôkhra porte le pôle depuis l’ancienne usine d’ocre de Roussillon, devenue conservatoire des savoir-faire de la couleur. Le pôle est en phase de pérennisation : son modèle repose sur la formation, les visites et la boutique, avec 55 % d’autofinancement de la cellule d’animation.',
        ],
        score: 4,
        status: 'validated',
        justification: 'Structure coopérative solide et autofinancement élevé.',
        by: THOMAS,
      },
      {
        id: 'grid-territory',
        paragraphs: [
          'Le périmètre est celui du Pays d’Apt et du Parc naturel régional du Luberon, en milieu rural. L’activité touristique est très saisonnière : la moitié du chiffre d’affaires se fait en quatre mois.',
        ],
        score: 2,
        status: 'validated',
        justification: 'Territoire attractif mais saisonnalité forte.',
        by: THOMAS,
      },
      {
        id: 'support_stage-public_policy',
        paragraphs: [
          'Le Parc a aidé la coopérative à inscrire son projet dans les programmes opérationnels européens (FEDER et FSE) et dans la stratégie régionale d’innovation sociale. Le pôle est l’exemple, dans l’étude, d’un PTCE en phase avec l’Europe.',
        ],
        score: 4,
        status: 'validated',
        justification: 'Inscription européenne et régionale acquise.',
        by: KARIM,
      },
      {
        id: 'support_stage-rural',
        paragraphs: [
          'Une douzaine de structures coopèrent dans des villages où l’emploi permanent est rare. La formation aux métiers de la couleur permet de retenir des artisans à l’année.',
        ],
        score: 3,
        status: 'to_validate',
        justification: 'Effet réel sur l’emploi à l’année, encore à mesurer.',
        by: KARIM,
        afterVersion: true,
      },
      {
        id: 'lever-pedagogy',
        paragraphs: [
          'Un temps important a été consacré à expliquer aux financeurs ce qu’est une société coopérative d’intérêt collectif. Une fiche de présentation commune au Parc et à la SCIC est désormais remise à chaque nouvel interlocuteur.',
        ],
        score: 3,
        status: 'in_progress',
        justification: 'Outils de pédagogie en place ; les élus des communes restent à sensibiliser.',
        by: THOMAS,
      },
    ],
    comments: [
      {
        section: 'grid-territory',
        quote: 'la moitié du chiffre d’affaires se fait en quatre mois',
        author: KARIM,
        body: 'Source : bilan 2015 de la coopérative ? Ce serait utile de le citer pour le guide.',
        mentions: [THOMAS],
        replies: [{ author: THOMAS, body: 'Oui, bilan 2015 validé en assemblée générale. Je l’ajoute aux indicateurs du projet.' }],
        daysAgo: 20,
      },
    ],
  },
  {
    pole: 'periscope',
    version: { name: 'Diagnostic partagé avec les services du Sicoval', by: JEAN, daysAgo: 40 },
    sections: [
      {
        id: 'grid-collectivites',
        paragraphs: [
          'La Communauté d’agglomération du Sicoval n’est pas seulement financeuse : ses agents co-animent les groupes de travail et suivent les projets mutualisés. Le Département de la Haute-Garonne et la Région Occitanie interviennent sur des volets précis.',
        ],
        score: 3,
        status: 'validated',
        justification: 'Intercommunalité très impliquée ; Département et Région en appui ponctuel.',
        by: JEAN,
      },
      {
        id: 'grid-cooperation',
        paragraphs: [
          'Trente structures participent : associations, entreprises de l’ESS, PME du Sud-Est toulousain, services publics et un laboratoire d’économie territoriale de Toulouse. La gestion des compétences est la première activité partagée.',
        ],
        score: 3,
        status: 'validated',
        justification: 'Coopération large, portée par la gestion partagée des compétences.',
        by: CAMILLE,
      },
      {
        id: 'support_stage-collective_facilitation',
        paragraphs: [
          'L’intercommunalité tient la continuité de l’animation : elle réunit chaque mois les porteurs de projets et assure le lien avec les communes. Le Périscope est l’un des trois focus de l’étude sur les collectivités animatrices.',
        ],
        score: 4,
        status: 'validated',
        justification: 'Animation continue assurée par la collectivité.',
        by: JEAN,
      },
      {
        id: 'support_stage-transversality',
        paragraphs: [
          'La transversalité s’est développée par contamination : un premier projet commun entre le service développement économique et le service emploi, puis l’urbanisme et la culture ont rejoint la démarche.',
        ],
        score: 3,
        status: 'to_validate',
        justification: 'Quatre services associés ; pas encore de comité transversal formel.',
        by: JEAN,
        afterVersion: true,
      },
      {
        id: 'lever-internal_transversality',
        paragraphs: [
          'Proposition : un comité interservices semestriel présidé par l’élu à l’ESS, pour suivre ensemble les projets du pôle et leurs financements.',
        ],
        score: 2,
        status: 'in_progress',
        justification: 'Proposition débattue en séance, à valider en bureau communautaire.',
        by: CAMILLE,
        afterVersion: true,
      },
    ],
    comments: [
      {
        section: 'lever-internal_transversality',
        quote: 'comité interservices semestriel',
        author: CAMILLE,
        body: 'Le bureau communautaire pourrait-il en décider avant l’été ?',
        mentions: [JEAN],
        replies: [{ author: JEAN, body: 'Inscrit à l’ordre du jour du bureau de juin.' }],
        daysAgo: 10,
      },
    ],
  },
  {
    pole: 'ateliers',
    version: { name: 'Premier diagnostic du lieu', by: SOPHIE, daysAgo: 55 },
    sections: [
      {
        id: 'grid-pole',
        paragraphs: [
          'Association en phase d’amorce : neuf structures membres, une cellule d’animation d’un ETP, un budget autofinancé à 15 %. Le projet de lieu partagé dans une ancienne friche industrielle structure la coopération.',
        ],
        score: 1,
        status: 'validated',
        justification: 'Pôle jeune, très dépendant des financements publics.',
        by: SOPHIE,
      },
      {
        id: 'support_stage-place',
        paragraphs: [
          'Le lieu est à la fois un outil d’identification et de visibilité, un espace de coordination et un objet de mutualisation : ateliers de production, bureaux partagés, espace de formation. La Ville de Castres a proposé le bâtiment.',
        ],
        score: 3,
        status: 'in_progress',
        justification: 'Bâtiment identifié, travaux et modèle économique du lieu à finaliser.',
        by: SOPHIE,
      },
      {
        id: 'grid-collectivites',
        paragraphs: [
          'Après les élections municipales de 2014, le portage politique s’est fragilisé : le pôle a repris le dialogue avec la nouvelle équipe municipale. La communauté d’agglomération de Castres-Mazamet accompagne la structuration du collectif.',
        ],
        score: 2,
        status: 'to_validate',
        justification: 'Relation avec la Ville à reconstruire ; l’agglomération reste présente.',
        by: SOPHIE,
        afterVersion: true,
      },
      {
        id: 'lever-urban_projects',
        paragraphs: [
          'La friche est inscrite dans le projet de renouvellement urbain du quartier : les travaux du lieu pourraient être financés au titre de l’investissement de la politique de la ville.',
        ],
        score: 2,
        status: 'to_complete',
        justification: 'Piste à instruire avec le service urbanisme de l’agglomération.',
        by: SOPHIE,
      },
    ],
    comments: [
      {
        section: 'support_stage-place',
        quote: 'La Ville de Castres a proposé le bâtiment',
        author: SOPHIE,
        body: 'À confirmer par écrit par la nouvelle équipe municipale avant de lancer l’étude de programmation.',
        replies: [],
        daysAgo: 15,
      },
    ],
  },
];
