/** French strings of the observatory's map of France. */
export const frObservatoryMap = {
  observatoryMap: {
    title: 'Carte des territoires',
    hint: 'Cliquez sur une région ou un département pour filtrer les tableaux, ou utilisez le tableau des chiffres sous la carte.',
    filteredOn: 'Chiffres filtrés sur : {{name}}.',
    allFrance: 'Revenir à toute la France',
    backToRegion: 'Revenir à la région {{name}}',
    mesh: 'Découpage',
    meshRegion: 'Régions',
    meshDepartement: 'Départements',
    metric: 'Teinte',
    metricMoney: 'Montants mobilisés',
    metricPoles: 'Nombre de pôles',
    metricPresence: 'Présence d’un niveau de collectivité',
    level: 'Niveau de collectivité',
    chartTitle: 'Carte : {{metric}} par {{mesh}}',
    meshRegionWord: 'région',
    meshDepartementWord: 'département',
    summary_one:
      '{{metric}} par {{mesh}} : {{count}} territoire avec au moins un pôle ; les pôles sont placés au centre de leur territoire. Les mêmes chiffres sont dans le tableau.',
    summary_other:
      '{{metric}} par {{mesh}} : {{count}} territoires avec au moins un pôle ; les pôles sont placés au centre de leur territoire. Les mêmes chiffres sont dans le tableau.',
    summaryUnplaced_one:
      '{{metric}} par {{mesh}} : {{count}} territoire avec au moins un pôle ; les pôles, trop nombreux, ne sont pas placés sur la carte de France. Les mêmes chiffres sont dans le tableau.',
    summaryUnplaced_other:
      '{{metric}} par {{mesh}} : {{count}} territoires avec au moins un pôle ; les pôles, trop nombreux, ne sont pas placés sur la carte de France. Les mêmes chiffres sont dans le tableau.',
    polesNotPlaced: 'Les pôles sont trop nombreux pour être placés sur la carte de France : choisissez une région pour les voir.',
    tableLabel: 'Voir les chiffres de la carte en tableau',
    tableCaption: 'Chiffres par {{mesh}} (mêmes filtres que la carte)',
    territory: 'Territoire',
    poles: 'Pôles',
    money: 'Montants mobilisés',
    presence: 'Pôles liés au niveau « {{level}} »',
    unlocated: 'Pôles non localisés',
    filterOn: 'Filtrer sur {{name}}',
    filterColumn: 'Filtrer les tableaux',
    pole: 'Pôle',
    source:
      'Fonds de carte livré avec l’application : Natural Earth (domaine public), codes INSEE. Les territoires d’outre-mer sont en médaillons à gauche. Un pôle sans région renseignée n’est pas placé : renseignez sa région et son département dans le profil du pôle.',
    nothing: 'Aucun pôle dans le périmètre et les filtres choisis.',
  },
} as const;
