// La page Vue d'ensemble : indicateurs du jeu de données, recettes et interactions par an, pages.
import type { OverviewMessages } from "../en/overview.js";

export const overview: OverviewMessages = {
  title: "La cuisine maison sur Food.com, {first}–{last}",
  lede: "{recipes} recettes et {interactions} interactions (avis et notes) publiées sur Food.com, nettoyées et résumées à la construction de ce site. Commencez par la taille et l'étendue des données, puis ouvrez une analyse.",
  kpis: {
    title: "Le jeu de données en un coup d'œil",
    recipes: { label: "Recettes", sub: "conservées après nettoyage" },
    interactions: { label: "Interactions", sub: "avis et notes" },
    users: {
      label: "Utilisateurs",
      sub: "auteurs d'avis distincts ; {contributors} contributeurs de recettes",
    },
    rated: {
      label: "Interactions notées",
      sub: "{share} des interactions ; les autres sont des avis sans note",
    },
    meanRating: { label: "Note moyenne", sub: "sur 5 étoiles, interactions notées seulement" },
    recipeDates: { label: "Recettes publiées", sub: "du {from} au {to}" },
    interactionDates: { label: "Interactions publiées", sub: "du {from} au {to}" },
    years: { label: "Années de recettes", sub: "{n} années civiles" },
  },
  charts: {
    recipes: {
      title: "Recettes publiées par an",
      question: "Quand les recettes ont-elles été publiées ?",
      takeaway:
        "L'année la plus active est {peakYear}, avec {peakN} recettes ({peakShare} du total) ; la plus calme est {lowYear}, avec {lowN}.",
      method:
        "Chaque recette conservée après nettoyage est comptée dans l'année civile de sa date de publication. Les règles de nettoyage et les lignes qu'elles écartent sont sur la page Données et méthodes.",
      tip: "{year} : {n} recettes",
    },
    interactions: {
      title: "Interactions publiées par an",
      question: "Quand les internautes ont-ils commenté et noté ?",
      takeaway:
        "L'année la plus active est {peakYear}, avec {peakN} interactions ({peakShare} du total) ; la plus calme est {lowYear}, avec {lowN}.",
      method:
        "Chaque interaction conservée après nettoyage est comptée dans l'année civile de sa date. Les avis sans note sont inclus : ils comptent dans les volumes, pas dans les statistiques de notes.",
      tip: "{year} : {n} interactions",
    },
  },
  pages: {
    title: "Ce que chaque page éclaire",
    lede: "Chaque page est un rapport de quelques analyses ; chaque analyse répond à une question par un graphique et explique son calcul.",
    open: "Ouvrir",
  },
};
