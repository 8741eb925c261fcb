// La page Données et méthodes : rapport d'ingestion, règles de nettoyage expliquées avec un
// échantillon des lignes écartées, intégrité des interactions, comparaison avec le nettoyage de
// l'application d'origine, manifeste et provenance.
import type { DataMessages } from "../en/data.js";

export const data: DataMessages = {
  page: {
    title: "Données et méthodes",
    summary:
      "D'où viennent les chiffres : les fichiers lus, chaque règle de nettoyage et les lignes qu'elle écarte, et les empreintes de l'instantané.",
  },
  title: "D'où viennent les chiffres",
  lede: "Chaque chiffre de ce site est calculé à la construction du site, à partir d'un instantané du jeu de données. Cette page montre ce qui a été lu, ce que chaque règle de nettoyage a écarté, et comment vérifier les fichiers.",
  report: {
    recipes: {
      title: "Nettoyage des recettes",
      question: "Combien de recettes passent les règles de nettoyage ?",
      takeaway: "{removed} des {rowsIn} recettes lues ({share}) ont été écartées ; {rowsOut} sont analysées.",
    },
    interactions: {
      title: "Nettoyage des interactions",
      question: "Combien d'interactions passent les règles de nettoyage ?",
      takeaway:
        "{removed} des {rowsIn} interactions lues ({share}) ont été écartées ; {rowsOut} sont analysées.",
    },
    method:
      "Les règles s'appliquent dans l'ordre affiché. Chacune compte les lignes qu'elle retire parmi celles laissées par les règles précédentes : les comptes s'additionnent, lignes lues moins toutes les suppressions égale lignes conservées. Les lignes écartées ne sont pas perdues : l'instantané les garde toutes dans rejects.parquet, avec la règle qui les a retirées, leur fichier et leur ligne d'origine, et leurs champs bruts.",
    rowsIn: "Lignes lues",
    rowsOut: "Lignes conservées",
    columns: { step: "Étape", rows: "Lignes", share: "Part des lignes lues", remaining: "Lignes restantes" },
    tip: "{step} : {rows}",
  },
  rules: {
    title: "Les règles de nettoyage, en clair",
    question: "Que fait chaque règle, et avec quelles bornes ?",
    takeaway:
      "Une recette est conservée si elle prend de {minutesMin} à {minutesMax} minutes, compte de {stepsMin} à {stepsMax} étapes et de {ingredientsMin} à {ingredientsMax} ingrédients, et a été publiée entre le {from} et le {to}.",
    method:
      "Les bornes sont celles que l'ingestion a réellement appliquées à ce jeu de données, lues dans son rapport. Les bornes sur les étapes et les ingrédients sont des quantiles des recettes restantes après la règle de durée : elles écartent les rares extrêmes sans seuil choisi à la main.",
    recipes: "Recettes",
    interactions: "Interactions",
    removed: "Lignes écartées : {n}",
    sample: "Télécharger les {n} premières lignes écartées par cette règle (CSV)",
    samples:
      "Chaque compte télécharge les premières lignes écartées par sa règle (jusqu'à {n}, en CSV : fichier et ligne d'origine, colonne, motif, champs bruts). L'instantané garde toutes les lignes écartées dans rejects.parquet ; pour lister celles d'une règle :",
    recipe: {
      unparsable_row: {
        label: "Ligne illisible",
        explain:
          "Une ligne du fichier CSV impossible à lire (nombre de champs erroné, guillemets cassés, nombre qui n'en est pas un) est écartée.",
      },
      duplicate_id: {
        label: "Identifiant en double",
        explain: "Un identifiant de recette déjà vu : seule sa première ligne est conservée.",
      },
      id_out_of_range: {
        label: "Identifiant hors limites",
        explain:
          "Un identifiant de recette qui n'est pas un nombre entier que les tables peuvent contenir (trop grand, ou avec une partie décimale, par exemple) est écarté, au lieu d'arrêter toute l'ingestion.",
      },
      bad_list: {
        label: "Liste mal formée",
        explain:
          "Tags, étapes et ingrédients sont des listes écrites dans la notation de Python ; une valeur qui n'est pas une liste de textes bien formée est écartée.",
      },
      bad_nutrition: {
        label: "Nutrition mal formée",
        explain:
          "Le champ nutrition doit être une liste d'exactement sept nombres (les calories, puis six pourcentages des apports journaliers) ; toute autre valeur est écartée.",
      },
      minutes_out_of_range: {
        label: "Temps de préparation hors limites",
        explain:
          "Une recette doit prendre entre {min} et {max} minutes : les entrées à zéro minute et les préparations de plusieurs jours sont écartées.",
      },
      n_steps_out_of_bounds: {
        label: "Nombre d'étapes hors bornes",
        explain: "Une recette doit compter entre {min} et {max} étapes.",
      },
      n_ingredients_out_of_bounds: {
        label: "Nombre d'ingrédients hors bornes",
        explain: "Une recette doit compter entre {min} et {max} ingrédients.",
      },
      missing_name_or_date: {
        label: "Nom ou date manquant",
        explain:
          "Une recette sans nom ou sans date de publication ne peut être ni affichée ni placée dans le temps.",
      },
      date_out_of_window: {
        label: "Date hors de la fenêtre plausible",
        explain:
          "Une recette publiée avant le {from} ou après le {to} est écartée : une telle date est une erreur, et elle étirerait chaque série annuelle d'années vides.",
      },
    },
    interaction: {
      unparsable_row: {
        label: "Ligne illisible",
        explain: "Une ligne du fichier CSV impossible à lire est écartée.",
      },
      id_out_of_range: {
        label: "Identifiant hors limites",
        explain:
          "Un identifiant d'utilisateur ou de recette qui n'est pas un nombre entier que les tables peuvent contenir est écarté, au lieu d'arrêter toute l'ingestion.",
      },
      missing_date: {
        label: "Date manquante",
        explain: "Une interaction sans date ne peut pas être placée dans le temps.",
      },
      date_out_of_window: {
        label: "Date hors de la fenêtre plausible",
        explain: "Une interaction datée d'avant le {from} ou d'après le {to} est écartée.",
      },
      rating_out_of_range: {
        label: "Note hors limites",
        explain:
          "Une note doit être comprise entre 0 et 5 étoiles (0 pour un avis sans note) ; toute autre valeur est écartée.",
      },
      exact_duplicate: {
        label: "Doublon exact",
        explain:
          "Une ligne identique à une précédente (même utilisateur, recette, date, note et avis) n'est gardée qu'une fois.",
      },
      unknown_recipe: {
        label: "Recette inconnue",
        explain:
          "Une interaction dont l'identifiant de recette ne figure sur aucune ligne lisible du fichier des recettes ne note rien que le site puisse montrer : elle est écartée.",
      },
    },
  },
  kept: {
    title: "Conservées, avec un traitement à part",
    question: "Quelles lignes restent dans les données mais sont traitées à part ?",
    takeaway:
      "Recettes dont les calories négatives ont été laissées vides : {calories}. Interactions qui sont des avis sans note : {unrated}.",
    method:
      "Un nombre de calories négatif est impossible : la recette est gardée pour toutes les autres analyses et ses calories sont laissées vides, si bien qu'aucune moyenne ne les utilise. Une note de 0 signifie que l'utilisateur a écrit un avis sans noter la recette : ces interactions comptent dans les volumes, jamais dans les statistiques de notes.",
    calories: { label: "Calories négatives laissées vides", sub: "{share} des recettes conservées" },
    unrated: { label: "Avis sans note", sub: "{share} des interactions conservées" },
  },
  integrity: {
    title: "Les interactions et les recettes qu'elles notent",
    question: "Les interactions conservées renvoient-elles à des recettes conservées ?",
    takeaway:
      "{onKept} des {kept} interactions conservées ({share}) notent une recette conservée et {onSetAside} une recette écartée par une règle de nettoyage ; {unknown}, qui ne renvoyaient à aucune recette du fichier, ont été écartées. {before} sont datées d'avant la publication de leur recette.",
    method:
      "L'ingestion confronte chaque interaction au fichier des recettes et tranche au cas par cas. Une interaction dont l'identifiant de recette est absent du fichier est écartée (règle « Recette inconnue »). Une interaction dont la recette existe mais a été écartée par une règle de recettes est conservée, car la note du lecteur est réelle, et marquée (colonne recipe_status = set_aside) : volumes, utilisateurs et notes la comptent ; les analyses qui relient interactions et recettes n'utilisent que les recettes conservées. Une interaction datée d'avant la publication de sa recette est conservée et marquée (colonne before_recipe) : la date est douteuse, pas la note.\n\nDans la Vue d'ensemble, interactions, utilisateurs et notes comptent toutes les interactions conservées ; les recettes comptent les recettes conservées.",
    onKept: { label: "Sur une recette conservée", sub: "{share} des interactions conservées" },
    onSetAside: { label: "Sur une recette écartée", sub: "conservées, marquées recipe_status = set_aside" },
    unknown: { label: "Sur aucune recette du fichier", sub: "écartées par la règle « Recette inconnue »" },
    before: { label: "Datées d'avant leur recette", sub: "conservées, marquées before_recipe" },
  },
  original: {
    title: "Comparaison avec le nettoyage de l'application d'origine",
    question: "Combien de recettes les règles de l'application d'origine auraient-elles conservées ?",
    more: "Les règles de l'application d'origine conserveraient {original} recettes du même fichier ; les nôtres en conservent {ours}, soit {diff} de plus.",
    fewer:
      "Les règles de l'application d'origine conserveraient {original} recettes du même fichier ; les nôtres en conservent {ours}, soit {diff} de moins.",
    same: "Les règles de l'application d'origine conserveraient {original} recettes du même fichier, autant que les nôtres.",
    method:
      "L'ingestion applique aussi au même fichier le nettoyage des recettes de l'application d'origine, dans son ordre : identifiants uniques, 1 à 180 minutes, bornes sur les étapes et les ingrédients tirées de ses propres quantiles à 2,5 % et 97,5 % des recettes restantes, nom et date présents, et pas de calories négatives. Nos règles diffèrent sur deux points : une recette aux calories négatives est conservée avec ses calories laissées vides (l'application d'origine l'écarte), et les lignes sur lesquelles l'application d'origine aurait échoué ou qu'elle aurait laissé passer (valeurs illisibles, identifiants hors limites, listes ou nutrition mal formées, dates hors fenêtre) sont écartées et comptées.",
    ours: { label: "Conservées par nos règles", sub: "les recettes que ce site analyse" },
    theirs: { label: "Conservées par les règles d'origine", sub: "même fichier, son ordre et ses bornes" },
    calories: {
      label: "Conservées, calories laissées vides",
      sub: "calories négatives : l'application d'origine écarte ces recettes",
    },
  },
  manifest: {
    title: "L'instantané du jeu de données",
    question: "À partir de quels fichiers exactement ce site a-t-il été construit ?",
    takeaway:
      "Jeu de données {id}, créé le {date}. Fichiers sources : {sources} ; fichiers de l'instantané : {files}.",
    method:
      "L'ingestion écrit le manifeste en dernier, après tous les fichiers de l'instantané : un instantané muni d'un manifeste est complet. Les empreintes SHA-256 identifient chaque fichier exactement ; la construction les vérifie en copiant l'instantané, et chacun peut vérifier une copie avec un outil standard comme sha256sum.",
    id: "Identifiant du jeu de données",
    created: "Création",
    schema: "Version du schéma",
    provenance: "Provenance des données",
    generated:
      "Générées par le générateur de données du projet (version {version}, échelle {scale}, graine {seed}), à la manière des données de Food.com : pas de vraies recettes.",
    fromFiles: "Ingérées à partir de fichiers : {label}.",
    fromFilesUnlabelled: "Ingérées à partir de fichiers fournis sans libellé de source.",
    window: "Dates plausibles",
    sources: "Fichiers sources",
    files: "Fichiers de l'instantané",
    columns: { name: "Nom", file: "Fichier", rows: "Lignes", bytes: "Taille", sha256: "SHA-256" },
  },
};
