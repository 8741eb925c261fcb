// La page Données et méthodes : rapport d'ingestion, règles de nettoyage expliquées, manifeste.
import type { DataMessages } from "../en/data.js";

export const data: DataMessages = {
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
      "Les règles s'appliquent dans l'ordre affiché. Chacune compte les lignes qu'elle retire parmi celles laissées par les règles précédentes : les comptes s'additionnent, lignes lues moins toutes les suppressions égale lignes conservées. Les lignes écartées ne sont pas perdues : l'ingestion les écrit dans un fichier de rejets avec la règle qui les a retirées.",
    rowsIn: "Lignes lues",
    rowsOut: "Lignes conservées",
    columns: { step: "Étape", rows: "Lignes", share: "Part des lignes lues", remaining: "Lignes restantes" },
    tip: "{step} : {rows}",
  },
  rules: {
    title: "Les règles de nettoyage, en clair",
    question: "Que fait chaque règle, et avec quelles bornes ?",
    takeaway:
      "Une recette est conservée si elle prend de {minutesMin} à {minutesMax} minutes, compte de {stepsMin} à {stepsMax} étapes et de {ingredientsMin} à {ingredientsMax} ingrédients.",
    method:
      "Les bornes sont celles que l'ingestion a réellement appliquées à ce jeu de données, lues dans son rapport. Les bornes sur les étapes et les ingrédients sont des quantiles des recettes restantes après la règle de durée : elles écartent les rares extrêmes sans seuil choisi à la main.",
    recipes: "Recettes",
    interactions: "Interactions",
    removed: "Lignes écartées : {n}",
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
    },
    interaction: {
      unparsable_row: {
        label: "Ligne illisible",
        explain: "Une ligne du fichier CSV impossible à lire est écartée.",
      },
      missing_date: {
        label: "Date manquante",
        explain: "Une interaction sans date ne peut pas être placée dans le temps.",
      },
      rating_out_of_range: {
        label: "Note hors limites",
        explain:
          "Une note doit être un nombre entier d'étoiles, ou 0 pour un avis sans note ; toute autre valeur est écartée.",
      },
      exact_duplicate: {
        label: "Doublon exact",
        explain:
          "Une ligne identique à une précédente (même utilisateur, recette, date, note et avis) n'est gardée qu'une fois.",
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
    sources: "Fichiers sources",
    files: "Fichiers de l'instantané",
    columns: { name: "Nom", file: "Fichier", rows: "Lignes", bytes: "Taille", sha256: "SHA-256" },
  },
};
