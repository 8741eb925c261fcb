// Mots partagés par toutes les pages : noms du calendrier, commandes des cartes d'analyse, axes.
import type { CommonMessages } from "../en/common.js";

export const common: CommonMessages = {
  seasons: { winter: "Hiver", spring: "Printemps", summer: "Été", autumn: "Automne" },
  /** A season as a sentence names it: with its article, in lower case. */
  seasonsInSentence: { winter: "l'hiver", spring: "le printemps", summer: "l'été", autumn: "l'automne" },
  weekdays: {
    mon: "lundi",
    tue: "mardi",
    wed: "mercredi",
    thu: "jeudi",
    fri: "vendredi",
    sat: "samedi",
    sun: "dimanche",
  },
  weekdaysShort: {
    mon: "lun.",
    tue: "mar.",
    wed: "mer.",
    thu: "jeu.",
    fri: "ven.",
    sat: "sam.",
    sun: "dim.",
  },
  card: {
    permalink: "Lien vers cette analyse",
    copyLink: "Copier le lien",
    linkCopied: "Lien copié",
    method: "Comment est-ce calculé ?",
    downloads: "Télécharger",
    csv: "Données (CSV)",
    svg: "Graphique (SVG)",
    png: "Graphique (PNG)",
    exportFailed: "Échec de l'export",
    explore: "Ouvrir dans Explorer",
    exploreTitle:
      "Ouvrir la requête de cette carte comme un carnet dans la page Explorer, pour voir comment elle est calculée et la modifier",
    notExplorable: {
      columns: "La requête de cette carte utilise des colonnes absentes des tables du navigateur : {detail}.",
      functions: "La requête de cette carte utilise ce que DuckDB du navigateur n'a pas : {detail}.",
      none: "Cette carte n'est pas calculée par une requête SQL : il n'y a rien à ouvrir dans Explorer.",
      error: "La requête de cette carte ne peut pas s'exécuter sur les tables du navigateur : {detail}.",
    },
  },
  axis: { year: "Année", recipes: "Recettes", interactions: "Interactions", rows: "Lignes" },
  range: "{from} – {to}",
};
