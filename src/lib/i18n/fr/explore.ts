// La page Explorer : un carnet SQL sur les tables du jeu de données, exécuté par DuckDB dans le
// navigateur du lecteur.
import type { ExploreMessages } from "../en/explore.js";

export const explore: ExploreMessages = {
  page: {
    title: "Explorer",
    summary:
      "Posez vos propres questions en SQL : un carnet qui s'exécute dans votre navigateur, sur les mêmes tables que les analyses du site.",
  },
  title: "Posez vos propres questions aux données",
  lede: "Un carnet SQL sur les tables du jeu de données, exécuté par DuckDB dans votre navigateur : rien de ce que vous tapez ne quitte cette page. Le résultat de chaque cellule devient une table que les cellules suivantes peuvent lire ; partagez le carnet par un lien ou enregistrez-le en fichier .sql.",
  toolbar: {
    label: "Carnet",
    add: "Ajouter une cellule",
    runAll: "Tout exécuter",
    stop: "Arrêter",
    examples: "Exemples",
    examplesPick: "Ouvrir un exemple…",
    export: "Exporter en .sql",
    import: "Importer un .sql",
    imported: "Carnet importé depuis le fichier.",
    share: "Copier le lien",
    link: "Lien vers ce carnet",
    copied: "Lien copié : il ouvre ce carnet, cellules et SQL compris.",
    copyHint: "Copiez ce lien : il ouvre ce carnet, cellules et SQL compris.",
  },
  engine: {
    starting: "Démarrage de DuckDB…",
    ready: "DuckDB est prêt",
    failed: "DuckDB n'a pas pu démarrer : {message}",
  },
  cell: {
    label: "Cellule {name}",
    name: "Nom",
    run: "Exécuter",
    cancel: "Annuler",
    runHint: "Exécuter cette cellule (Ctrl+Entrée ou ⌘+Entrée dans l'éditeur)",
    up: "Monter la cellule",
    down: "Descendre la cellule",
    remove: "Supprimer la cellule",
    sqlLabel: "SQL de la cellule {name}",
    placeholder: "SELECT … FROM recipes — Ctrl+Entrée pour exécuter",
    csv: "Télécharger tout le résultat (CSV)",
  },
  status: {
    queued: "En attente de la requête précédente…",
    running: "Exécution…",
    stale: "Modifiée depuis sa dernière exécution : exécutez-la de nouveau pour mettre sa table à jour.",
    done: "{rows} lignes · {time}",
    statement: "Terminé · {time}",
    sql: "Erreur : {message}",
    timeout:
      "Arrêtée : la requête a dépassé le temps permis. Restreignez-la (un WHERE, un LIMIT, moins de jointures) et relancez-la.",
    cancelled: "Annulée. Le carnet est prêt pour la requête suivante.",
    load: "Une table n'a pas pu être chargée : {message}",
    engine: "Échec de DuckDB : {message}",
    loading: "Chargement de la table {table} : {loaded} sur {total} Mo…",
    loaded: "Table {table} chargée ; exécution…",
    dependency: "Exécution préalable de {name} : cette cellule lit sa table…",
    dependencyFailed: "La cellule {name}, que cette cellule lit, a échoué : corrigez-la d'abord.",
  },
  table: {
    label: "Résultat de la cellule {name}",
    previous: "Précédentes",
    next: "Suivantes",
    sort: "Trier par {column}",
    empty: "La requête ne renvoie aucune ligne.",
    range: "Lignes {from} à {to} sur {total}",
    rangeOf:
      "Lignes {from} à {to} des {shown} premières affichées ; {total} dans tout le résultat (téléchargez-le en CSV)",
  },
  chart: {
    title: "Graphique",
    type: "Graphique",
    x: "x",
    y: "y",
    types: { bar: "Barres", line: "Courbe", dot: "Points", histogram: "Histogramme" },
    error: "Ce graphique ne peut pas être tracé avec ces colonnes : {message}",
    unavailable: "Le graphique n'a pas pu être chargé : {message}",
  },
  errors: {
    nameEmpty: "Une cellule doit avoir un nom.",
    nameSyntax:
      "« {name} » n'est pas un nom SQL : lettres, chiffres et _, en commençant par une lettre ou _.",
    nameTooLong: "« {name} » dépasse {max} caractères.",
    nameReserved: "« {name} » est un mot-clé SQL : choisissez un autre nom.",
    nameTable:
      "« {name} » est une table du jeu de données : une cellule de ce nom la masquerait. Choisissez un autre nom.",
    nameTaken: "Une autre cellule s'appelle déjà « {name} ».",
    sqlEmpty: "La cellule n'a pas de SQL à exécuter.",
    sqlMany:
      "Une cellule exécute une seule instruction : répartissez-les en cellules (le résultat de chacune est une table que les suivantes peuvent lire).",
    sqlUnclosed: "Le SQL contient une apostrophe, un guillemet ou un commentaire non fermé.",
    importEmpty: "Le fichier ne contient aucune cellule.",
    importName:
      "Ligne {line} du fichier : le nom de cellule « {name} » n'est pas utilisable (un nom SQL, unique, qui n'est pas une table du jeu de données).",
    tooManyCells: "Un carnet contient au plus {max} cellules.",
  },
  share: {
    analysis:
      "Les requêtes de l'analyse {analysis}, telles que la construction du site les a exécutées. Exécutez-les, puis modifiez-les.",
    analysisFailed: "L'analyse n'a pas pu être ouverte : {message}",
    problems: {
      version:
        "Ce lien vient d'une autre version de la page et ne peut pas être lu. Un carnet vide est ouvert à la place.",
      corrupt:
        "Ce lien est abîmé (tronqué ou modifié ?) et ne peut pas être lu. Un carnet vide est ouvert à la place.",
      tooLarge: "Ce lien contient plus qu'un carnet ne peut contenir. Un carnet vide est ouvert à la place.",
      invalid:
        "Le carnet de ce lien n'est pas valide (un nom de cellule ou son SQL). Un carnet vide est ouvert à la place.",
    },
  },
  empty: {
    title: "Un carnet de cellules SQL",
    what: "Écrivez du SQL (le dialecte de DuckDB) sur les tables du jeu de données : les recettes, les interactions, leurs ingrédients et étiquettes, et les lignes écartées au nettoyage. Les requêtes s'exécutent dans votre navigateur : DuckDB démarre à l'ouverture de la page, et chaque table est chargée la première fois qu'une requête la lit.",
    cells:
      "Chaque cellule a un nom ; son résultat devient une table de ce nom, qu'une cellule suivante peut lire (SELECT … FROM ma_cellule). Exécutez une cellule avec son bouton ou Ctrl+Entrée, toutes avec « Tout exécuter ». Les résultats s'affichent en tableau triable et en graphique au choix.",
    start: "Partez d'un exemple, ou ajoutez une cellule :",
    tables: "Tables et colonnes",
    open: "Ouvrir",
  },
  examples: {
    opened: "Exemple « {title} » ouvert : « Tout exécuter » affiche ses résultats.",
    finder: {
      title: "Trouver une recette",
      summary:
        "Les recettes qui utilisent tous les ingrédients choisis, prêtes en 30 minutes au plus, les plus notées d'abord.",
      cells: {
        wanted: "Les ingrédients dont vous disposez : une ligne chacun.",
        quick: "Les recettes qui les utilisent tous et se préparent en 30 minutes au plus.",
        finder: "Leurs notes (une note de 0 est un avis sans note).",
      },
    },
    bestRated: {
      title: "Les recettes les mieux notées",
      summary: "Les meilleures notes moyennes parmi les recettes notées au moins 20 fois.",
      cells: {
        rated: "Les notes de chaque recette (0 signifie sans note : écarté).",
        best: "Les meilleures notes moyennes parmi les recettes notées au moins 20 fois.",
      },
    },
    reviewers: {
      title: "Les commentateurs les plus actifs",
      summary: "Les 20 lecteurs qui ont écrit le plus d'avis, et leurs notes comparées à celles de tous.",
      cells: {
        prolific: "Les 20 lecteurs qui ont écrit le plus d'avis.",
        habits: "Les notes qu'ils ont données, et celles de tous.",
        shares: "La part de chaque note, la leur et celle de tous (%).",
      },
    },
  },
};
