// Le cadre du site : nom, navigation, choix de la langue, badge d'environnement, pied de page.
import type { ShellMessages } from "../en/shell.js";

export const shell: ShellMessages = {
  site: {
    title: "Back to the Kitchen",
    tagline: "La cuisine maison, lue dans les recettes et leurs avis",
    logoAlt: "Back to the Kitchen : retour à la vue d'ensemble",
  },
  nav: { label: "Analyses", menu: "Menu" },
  language: {
    label: "Langue",
    switchTo: "Lire cette page en français",
    names: { en: "English", fr: "Français" },
    codes: { en: "EN", fr: "FR" },
  },
  env: { label: "Environnement", local: "Local", preprod: "Préprod", prod: "Prod" },
  notice: {
    title: "Données générées à la manière de Food.com — pas de vraies recettes.",
    text: "Les recettes, avis et cuisiniers de ce site ont tous été inventés par le générateur de données du projet : les chiffres décrivent ces données, pas Food.com.",
  },
  footer: {
    version: "Version {version}",
    built: "Construit le {date}",
    dataset: "Jeu de données {id}",
    generated: "Données générées : générateur {version}, échelle {scale}, graine {seed}",
    source: "Source : {label}",
    sourceUnlabelled: "Source : fichiers fournis à l'ingestion (sans libellé)",
    rows: "{recipes} recettes · {interactions} interactions",
    commit: "Commit {commit}",
    repository: "Code source",
  },
  events: {
    label: "Partager des statistiques d'usage anonymes",
    refused: "Aucune statistique d'usage : votre navigateur demande à ne pas être suivi",
  },
};
