// Mots partagés par toutes les pages : noms du calendrier, commandes des cartes d'analyse, axes.
import type { CommonMessages } from "../en/common.js";

export const common: CommonMessages = {
  seasons: { winter: "Hiver", spring: "Printemps", summer: "Été", autumn: "Automne" },
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
  },
  axis: { year: "Année", recipes: "Recettes", interactions: "Interactions", rows: "Lignes" },
  range: "{from} – {to}",
};
