// Page Communauté (src/[lang]/community.md).
import type { CommunityMessages } from "../en/community.js";

export const community: CommunityMessages = {
  page: {
    title: "Communauté",
    summary:
      "Les personnes derrière les avis : leur activité, la croissance et la fidélité de la communauté, l'indulgence des notes, et les recettes qui ont attiré le plus de monde.",
  },
  title: "La communauté, {from}–{to}",
  lede: "Qui écrit les avis ? À quel point le travail est inégalement partagé, comment la communauté a grandi et combien de temps ses membres sont restés, la générosité des notes, et les recettes qui ont attiré le plus de monde. Seuls des comptes sont montrés : aucun membre n'est jamais listé. Choisissez les années : la croissance les suit exactement ; les chiffres par membre montrent la période précalculée qui les contient.",
  range: {
    label: "Années analysées",
    from: "De",
    to: "À",
    summary: "{years} années choisies : {from}–{to}.",
  },
  period: {
    same: "Cette carte couvre {period}, votre plage. Les chiffres par membre et par recette ne s'additionnent pas d'une année à l'autre (un membre actif deux années reste un seul membre) : ils sont calculés à la construction pour toute la période et pour chaque décennie des données ({decades}).",
    differs:
      "Cette carte couvre {period}, pas votre plage {rangeFrom}–{rangeTo} : les chiffres par membre et par recette ne s'additionnent pas d'une année à l'autre (un membre actif deux années reste un seul membre), ils ne sont calculés à la construction que pour toute la période et pour chaque décennie des données ({decades}). La carte montre la plus étroite de ces périodes qui contient votre plage.",
    noDecades: "aucune : les années des données tiennent dans une décennie",
  },
  chart: {
    binTip: "{bin} interactions : {units} — {total} interactions en tout",
    lorenzX: "Part des membres, les moins actifs d'abord",
    lorenzY: "Part des interactions",
    lorenzTip: "Les {units} les moins actifs ont fait {share} des interactions",
  },
  activity: {
    title: "Activité",
    question: "Les interactions sont-elles partagées également entre les membres ?",
    takeaway:
      "En {from}–{to}, le 1 % de membres les plus actifs a fait {top1} des interactions et les 10 % les plus actifs {top10} ; {once} des membres n'ont interagi qu'une fois.",
    kpi: {
      label: "Activité de la période",
      users: "Membres actifs",
      once: "Une seule interaction",
      top1: "Part du top 1 %",
      top10: "top 10 % : {share}",
      gini: "Coefficient de Gini",
      median: "médiane {median}, moyenne {mean} par membre",
    },
    chart: { x: "Interactions par membre (échelle log)", y: "Membres (échelle log)" },
    method:
      "Toutes les interactions comptent : les avis notés (1–5) et les {unrated} avis sans note (note 0), que la recette ait été gardée ou écartée par une règle des recettes, soit {total} interactions sur la période. Les interactions de chaque membre sont comptées dans DuckDB ; seule la table des fréquences (combien de membres ont fait exactement n interactions) en sort.\n\nLe top 1 % (10 %) réunit les ceil(1 % (10 %) × membres) membres les plus actifs ; leur part est leurs interactions sur toutes les interactions. Le coefficient de Gini vaut Σ|xᵢ − xⱼ| / (2n²x̄) sans correction de petit échantillon (0 : tous également actifs). La courbe de Lorenz donne, pour chaque part de membres rangés du moins au plus actif, la part des interactions qu'ils ont faites. Les classes sont des puissances de deux (1, 2–3, 4–7…) ; les deux axes sont logarithmiques.",
  },
  growth: {
    title: "Croissance et fidélité",
    question: "Combien de membres sont arrivés chaque année, combien étaient actifs, et sont-ils revenus ?",
    takeaway:
      "{newUsers} membres ont fait leur première interaction en {from}–{to} ; l'activité a culminé en {peakYear} avec {peakUsers} membres actifs, et {retention} des nouveaux d'une année ont été actifs de nouveau l'année suivante.",
    takeawayNoRetention:
      "{newUsers} membres ont fait leur première interaction en {from}–{to} ; l'activité a culminé en {peakYear} avec {peakUsers} membres actifs.",
    none: "Aucune interaction ces années-là.",
    active: "Membres actifs",
    new: "Nouveaux membres",
    y: "Membres",
    kpi: {
      label: "Croissance sur la plage",
      newUsers: "Nouveaux membres",
      meanActive: "Membres actifs par an (moyenne)",
      peak: "Année la plus active",
      retention: "Actifs de nouveau un an après",
    },
    method:
      "Un membre est nouveau l'année de sa première interaction dans toutes les données (pas la première de votre plage), et actif une année où il a au moins une interaction (notée ou non). Ce sont des sommes par année : cette carte suit exactement votre plage.\n\nFidélité : parmi les nouveaux membres d'une cohorte c, la part ayant une interaction l'année c + k. La carte de chaleur montre chaque cohorte de votre plage, pour les années suivantes encore dans la plage. Le chiffre « un an après » regroupe les cohortes : Σ membres actifs en c + 1 / Σ tailles des cohortes, sur les cohortes dont l'année suivante est dans la plage. Les dernières années ont moins d'années suivantes à observer : leurs lignes sont plus courtes.",
  },
  cohorts: {
    x: "Années après la première interaction",
    y: "Cohorte (année de la première interaction)",
    color: "Part encore active",
    tip: "Cohorte {cohort}, {k} an(s) après : {active} membres sur {size} ({share})",
    none: "La plage n'a qu'une année : il n'y a pas d'année suivante où suivre une cohorte.",
  },
  leniency: {
    title: "Indulgence des notes",
    question:
      "Les membres notent-ils généreusement, et de combien les plus indulgents déplacent-ils la note moyenne ?",
    takeaway:
      "En {from}–{to}, {lenient} membres notent {threshold} ou plus en moyenne ; ils ont donné {share} des notes. Sans eux, la note moyenne serait {without} au lieu de {mean} ({pull}).",
    none: "Aucun membre n'a assez de notes sur cette période pour mesurer l'indulgence.",
    kpi: {
      label: "Indulgence sur la période",
      eligible: "Membres avec ≥ {min} notes",
      eligibleShare: "{share} des notes",
      meanOfMeans: "Moyenne de leurs notes moyennes",
      sd: "écart type {sd}",
      lenient: "Indulgents (moyenne ≥ {threshold})",
      pull: "Leur effet sur la moyenne",
      without: "{mean} avec eux, {without} sans",
    },
    chart: {
      x: "Note moyenne du membre",
      y: "Membres",
      tip: "Note moyenne {from}–{to} : {users} membres",
    },
    method:
      "Notes 1–5 seulement : un avis sans note (note 0) ne dit rien de l'indulgence. La note moyenne d'un membre n'est mesurée qu'à partir de {min} notes sur la période, car une moyenne de deux notes est surtout du bruit. Classes de 0,25 de 1 à 5 (5 dans la dernière) ; la ligne pointillée est la note moyenne de la période sur les {ratings} notes de {raters} membres. Médiane des moyennes des membres : {median} ; {allFive} d'entre eux ont toujours donné 5.\n\nUn membre est indulgent quand sa moyenne vaut au moins {threshold}. Leur effet est la note moyenne de la période moins la note moyenne des notes de tous les autres : de combien la moyenne baisserait sans eux. C'est une description, pas un test : les membres ne sont pas un échantillon aléatoire.",
  },
  popularity: {
    title: "Popularité des recettes",
    question:
      "Comment les interactions se répartissent-elles entre recettes, et quelles recettes sont les mieux notées une fois la chance écartée ?",
    takeaway:
      "En {from}–{to}, les 10 % de recettes les plus commentées ont reçu {top10} des interactions. La mieux notée, une fois les petits échantillons ramenés vers la moyenne : « {name} » ({bayesian} ; moyenne brute {mean} sur {ratings} notes).",
    none: "Aucune recette n'a {min} notes ou plus sur cette période.",
    kpi: {
      label: "Recettes de la période",
      recipes: "Recettes avec une interaction",
      once: "Commentées une fois",
      top10: "Part du top 10 % des recettes",
      prior: "Note moyenne a priori",
      median: "médiane {median}, moyenne {mean} interactions par recette",
      eligible: "{n} recettes classées",
    },
    chart: { x: "Interactions par recette (échelle log)", y: "Recettes (échelle log)" },
    table: {
      caption: "Les {n} recettes les mieux notées, {from}–{to}",
      rank: "N°",
      name: "Recette",
      bayesian: "Moyenne bayésienne",
      mean: "Moyenne brute",
      ratings: "Notes",
      interactions: "Interactions",
    },
    method:
      "Les interactions par recette comptent toutes les interactions (notées ou non) de toutes les recettes, gardées ou écartées ; la concentration se calcule comme sur la carte Activité.\n\nMieux notées : recettes gardées (elles ont un nom) avec au moins {min} notes 1–5 sur la période, classées par la moyenne bayésienne (w·m + Σ notes) / (w + n), où m est la note moyenne de la période sur toutes les recettes et w = {weight} : chaque recette est traitée comme si elle avait {weight} notes de plus à la moyenne, si bien qu'une poignée de 5★ ne peut pas prendre la tête. À égalité : plus de notes d'abord, puis par nom. Les {top} premières sont listées par leur nom seulement ; rien ne mène hors du site.",
  },
};
