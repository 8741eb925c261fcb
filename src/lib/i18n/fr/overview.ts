// La page Vue d'ensemble : indicateurs du jeu de données, recettes et interactions par an, pages.
// Le titre et le chapeau disent d'où viennent les données : une formulation par provenance.
import type { OverviewMessages } from "../en/overview.js";

export const overview: OverviewMessages = {
  page: {
    title: "Vue d'ensemble",
    summary:
      "Le jeu de données en un coup d'œil : combien de recettes, d'avis et de cuisiniers, et les années qu'ils couvrent.",
  },
  title: {
    files: "La cuisine maison sur Food.com, {first}–{last}",
    generated: "La cuisine maison dans des données générées à la manière de Food.com, {first}–{last}",
  },
  lede: {
    files:
      "{recipes} recettes et {interactions} interactions (avis et notes) publiées sur Food.com, nettoyées et résumées à la construction de ce site. Commencez par la taille et l'étendue des données, puis ouvrez une analyse.",
    generated:
      "{recipes} recettes et {interactions} interactions (avis et notes) inventées par le générateur de données du projet à la manière des données de Food.com, pas de vraies recettes, nettoyées et résumées à la construction de ce site. Commencez par la taille et l'étendue des données, puis ouvrez une analyse.",
  },
  kpis: {
    title: "Le jeu de données en un coup d'œil",
    recipes: { label: "Recettes", sub: "conservées après nettoyage" },
    interactions: { label: "Interactions", sub: "avis et notes ; {onKept} sur des recettes conservées" },
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
    note: "Ce que comptent les tuiles : les recettes sont celles conservées après nettoyage ; interactions, utilisateurs et notes comptent toutes les interactions conservées après nettoyage : {onKept} notent une recette conservée, {onSetAside} une recette écartée par une règle de nettoyage (la note est réelle, elle reste), et {before} sont datées d'avant la publication de leur recette. La page Données et méthodes détaille chaque règle et chaque décision.",
  },
  charts: {
    recipes: {
      title: "Recettes publiées par an",
      question: "Quand les recettes ont-elles été publiées ?",
      takeaway:
        "L'année la plus active est {peakYear}, avec {peakN} recettes ({peakShare} du total) ; la plus calme est {lowYear}, avec {lowN}.",
      method:
        "Chaque recette conservée après nettoyage est comptée dans l'année civile de sa date de publication, pour chaque année de la première à la dernière : une année sans recette compte 0, et aucune année hors de cette étendue n'est montrée. Les règles de nettoyage et les lignes qu'elles écartent sont sur la page Données et méthodes.",
      tip: "{year} : {n} recettes",
    },
    interactions: {
      title: "Interactions publiées par an",
      question: "Quand les internautes ont-ils commenté et noté ?",
      takeaway:
        "L'année la plus active est {peakYear}, avec {peakN} interactions ({peakShare} du total) ; la plus calme est {lowYear}, avec {lowN}.",
      method:
        "Chaque interaction conservée après nettoyage est comptée dans l'année civile de sa date, y compris les {onSetAside} dont la recette a été écartée par une règle de nettoyage ; une année sans interaction dans l'étendue compte 0. Les avis sans note sont inclus : ils comptent dans les volumes, pas dans les statistiques de notes.",
      tip: "{year} : {n} interactions",
    },
  },
  pages: {
    title: "Ce que chaque page éclaire",
    lede: "Chaque page est un rapport de quelques analyses ; chaque analyse répond à une question par un graphique et explique son calcul.",
    open: "Ouvrir",
  },
};
