// Le cadre du site : nom, navigation, choix de la langue, badge d'environnement, pied de page.
import type { ShellMessages } from "../en/shell.js";

export const shell: ShellMessages = {
  site: {
    title: "Back to the Kitchen",
    tagline: "La cuisine maison sur Food.com, lue dans les données",
    logoAlt: "Back to the Kitchen : retour à la vue d'ensemble",
  },
  nav: { label: "Analyses", menu: "Menu", close: "Fermer le menu" },
  pages: {
    overview: {
      title: "Vue d'ensemble",
      summary:
        "Le jeu de données en un coup d'œil : combien de recettes, d'avis et de cuisiniers, et les années qu'ils couvrent.",
    },
    trends: {
      title: "Tendances",
      summary:
        "Comment la cuisine maison sur Food.com a évolué d'année en année : volumes, temps de préparation, complexité, nutrition, ingrédients et tags.",
    },
    data: {
      title: "Données et méthodes",
      summary:
        "D'où viennent les chiffres : les fichiers lus, chaque règle de nettoyage et les lignes qu'elle écarte, et les empreintes de l'instantané.",
    },
  },
  language: {
    label: "Langue",
    switchTo: "Lire cette page en français",
    names: { en: "English", fr: "Français" },
    codes: { en: "EN", fr: "FR" },
  },
  env: { label: "Environnement", local: "Local", preprod: "Préprod", prod: "Prod" },
  footer: {
    version: "Version {version}",
    built: "Construit le {date}",
    dataset: "Jeu de données {id}",
    rows: "{recipes} recettes · {interactions} interactions",
    commit: "Commit {commit}",
    repository: "Code source",
  },
  root: { title: "Back to the Kitchen" },
};
