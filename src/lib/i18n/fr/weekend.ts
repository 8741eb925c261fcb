// Page Semaine et week-end (src/[lang]/weekend.md).
import type { WeekendMessages } from "../en/weekend.js";

export const weekend: WeekendMessages = {
  page: {
    title: "Semaine et week-end",
    summary:
      "Cuisine-t-on autrement le dimanche que le lundi ? Volumes, temps, complexité, nutrition, ingrédients et tags selon le jour de la semaine, avec les tests annoncés.",
  },
  title: "Semaine et week-end, {from}–{to}",
  lede: "Publie-t-on d’autres recettes le samedi et le dimanche que du lundi au vendredi ? Chaque carte compare les deux avec un test réellement calculé, corrigé quand elle en fait beaucoup, et donne la taille de l’écart à côté de sa valeur p. Choisissez les années : toutes les cartes les suivent.",
  range: {
    label: "Années analysées",
    from: "De",
    to: "À",
    summary: "{years} années sélectionnées : {from}–{to}.",
  },
  groups: { weekday: "Semaine (lun.–ven.)", weekend: "Week-end (sam.–dim.)" },
  effect: { negligible: "négligeable", small: "faible", medium: "moyen", large: "fort" },
  period: {
    full: "toute la période {from}–{to}",
    decade: "{from}–{to}",
    sameAsRange:
      "Le test de rangs et les boîtes à moustaches portent sur {period}, votre période. Ils demandent la valeur de chaque recette : ils sont calculés à la construction du site pour toute la période et pour chaque décennie des données ({decades}).",
    differs:
      "Le test de rangs et les boîtes à moustaches portent sur {period}, et non sur votre période {rangeFrom}–{rangeTo} : ils demandent la valeur de chaque recette et ne sont calculés à la construction du site que pour toute la période et pour chaque décennie des données ({decades}). Choisissez l’une de ces périodes pour voir les siens.",
    noDecades: "aucune : les années des données tiennent dans une décennie",
  },
  tests: {
    caption: "Tests",
    test: "Test",
    statistic: "Statistique",
    df: "ddl",
    p: "p",
    adjusted: "p ajustée",
    effect: "Taille d’effet",
    period: "Années",
    welch: "t de Welch",
    mannWhitney: "U de Mann–Whitney",
    chiSquare: "Khi-deux (parts égales)",
    cohensD: "d de Cohen = {d} ({size})",
    rankBiserial: "r rang-bisérial = {r} ({size})",
    cohensW: "w de Cohen = {w} ({size})",
    none: "–",
  },
  summary: {
    caption: "Résumé par groupe",
    group: "Groupe",
    n: "Recettes",
    mean: "Moyenne",
    sd: "Écart-type",
    median: "Médiane",
    iqr: "Q1–Q3",
    range: "{low} à {high}",
    note: "n, moyenne et écart-type suivent votre période ; médiane et quartiles viennent de la période des boîtes ({period}).",
  },
  volume: {
    title: "Volume de recettes par jour de la semaine",
    question: "Publie-t-on plus de recettes certains jours de la semaine ?",
    kpi: {
      label: "Volume de recettes",
      weekdayPerDay: "Semaine (par jour)",
      weekendPerDay: "Week-end (par jour)",
      difference: "Week-end vs semaine",
      busiest: "Jour le plus actif",
    },
    bars: { y: "Recettes", mean: "Moyenne des 7 jours", tip: "{day} : {n} recettes ({share})" },
    deviation: { y: "Écart à la moyenne des 7 jours", tip: "{day} : {deviation}" },
    takeaway:
      "De {from} à {to}, {total} recettes ont été publiées ; jour le plus actif : {busiest} ({busiestN}) ; le plus calme : {quietest} ({quietestN}). Un jour de week-end a compté en moyenne {weekendPerDay} recettes contre {weekdayPerDay} pour un jour de semaine ({difference}).",
    uneven:
      "Les recettes ne se répartissent pas également sur les sept jours (khi-deux = {statistic}, ddl = {df}, {p} ; w de Cohen = {w}, effet {size}).",
    even: "La répartition sur les sept jours est compatible avec des parts égales (khi-deux = {statistic}, ddl = {df}, {p} ; w de Cohen = {w}).",
    none: "Aucune recette n’a été publiée de {from} à {to}.",
    method:
      "DuckDB compte les recettes conservées par année et par jour ISO de la semaine de leur date de publication (1 = lundi … 7 = dimanche ; samedi et dimanche forment le week-end). Votre navigateur additionne les années de votre période. Les recettes par jour d’un groupe sont son total divisé par son nombre de jours de la semaine (cinq en semaine, deux le week-end) ; l’écart d’un jour est (son nombre − la moyenne des 7 jours) / la moyenne des 7 jours.\n\nLe test d’ajustement du khi-deux compare les sept nombres à des parts égales (sept effectifs attendus de total/7 ; ddl = 6) ; chaque jour de la semaine revient aussi souvent sur plusieurs années, à un jour près par an. Le w de Cohen = √(khi-deux / n) mesure le déséquilibre (0,1 faible, 0,3 moyen, 0,5 fort) : sur des milliers de recettes, un infime déséquilibre est déjà significatif. Un seul test, au seuil α = {alpha}.",
  },
  duration: {
    title: "Temps de préparation",
    question: "Les recettes du week-end demandent-elles plus de temps ?",
    kpi: {
      label: "Temps de préparation",
      weekday: "Semaine (moyenne)",
      weekend: "Week-end (moyenne)",
      difference: "Écart",
      iqr: "Semaine Q1–Q3",
    },
    box: {
      x: "Minutes",
      tip: "{group} : médiane {median}, Q1–Q3 {q1}–{q3}, moustaches {low}–{high}, moyenne {mean}, n = {n}",
    },
    takeaway:
      "Les recettes du week-end demandent en moyenne {weekend} et celles de la semaine {weekday} ({difference} ; t de Welch = {t}, {p} ; d de Cohen = {d}, {size}).",
    takeawayNone: "Un des groupes compte trop peu de recettes de {from} à {to} pour les comparer.",
    significant: "L’écart est significatif mais {size}.",
    rank: "Sur {period}, le test U de Mann–Whitney donne {p} (r rang-bisérial = {r}, {size}).",
    method:
      "DuckDB additionne, par année et par groupe (semaine, week-end), les recettes, leur temps de préparation et son carré ; votre navigateur additionne les années de votre période et en déduit exactement la moyenne et l’écart-type de chaque groupe. Le test t de Welch (variances inégales, degrés de liberté de Welch–Satterthwaite) compare les moyennes ; le d de Cohen divise l’écart par l’écart-type commun (0,2 faible, 0,5 moyen, 0,8 fort).\n\nLes temps de préparation sont asymétriques : un test de rangs est donné aussi, le U de Mann–Whitney avec correction des ex-aequo (approximation normale avec correction de continuité), dont la taille d’effet, le r rang-bisérial, est la probabilité qu’une recette du week-end prenne plus de temps qu’une recette de semaine moins l’inverse. Rangs et quartiles ne s’additionnent pas d’une année à l’autre : la construction du site les calcule à partir de la valeur de chaque recette pour toute la période et pour chaque décennie des données, et la carte dit quelle période ils couvrent. Boîtes à moustaches : la boîte va d’un quartile à l’autre (interpolation linéaire), le trait est la médiane, le point la moyenne, les moustaches atteignent les valeurs les plus extrêmes à moins de 1,5 écart interquartile de la boîte ; les valeurs au-delà sont comptées, pas dessinées. Tests au seuil α = {alpha}.",
  },
  complexity: {
    title: "Complexité",
    question: "Les recettes du week-end sont-elles plus élaborées ?",
    measures: { score: "Score de complexité", steps: "Étapes", ingredients: "Ingrédients" },
    takeaway:
      "{count} des trois mesures de complexité diffèrent entre recettes du week-end et de semaine après la correction de Holm (t de Welch).",
    detail: "{measure} : week-end {weekend}, semaine {weekday} (d = {d}, {size} ; Holm {q}).",
    takeawayNone: "Un des groupes compte trop peu de recettes de {from} à {to} pour les comparer.",
    rank: "Sur {period}, U de Mann–Whitney (Holm sur les trois) : {list}.",
    rankItem: "{measure} {q}, r = {r}",
    method:
      "Le score de complexité, le nombre d’étapes et le nombre d’ingrédients sont comparés chacun comme le temps de préparation (t de Welch et d de Cohen à partir des sommes annuelles pour votre période ; U de Mann–Whitney avec le r rang-bisérial et boîtes à moustaches pour les périodes précalculées). Trois mesures font trois tests d’une même question : leurs valeurs p sont ajustées par la méthode de Holm (risque global) avant d’en déclarer une significative, au seuil α = {alpha} ; les valeurs p de Mann–Whitney sont ajustées de même.",
  },
  nutrition: {
    title: "Nutrition",
    question: "Les recettes du week-end sont-elles plus riches ?",
    nutrients: {
      calories: "Calories",
      totalFat: "Lipides",
      sugar: "Sucres",
      sodium: "Sodium",
      protein: "Protéines",
      saturatedFat: "Graisses saturées",
      carbohydrates: "Glucides",
    },
    chart: { x: "Week-end vs semaine (écart relatif des moyennes)", tip: "{nutrient} : {relative}, {q}" },
    legend: { significant: "significatif (q BH < {alpha})" },
    takeaway:
      "{count} des sept valeurs nutritionnelles diffèrent entre recettes du week-end et de semaine après la correction de Benjamini–Hochberg.",
    largestSignificant:
      "Le plus grand écart significatif concerne : {nutrient}, {relative} le week-end (d = {d}, {size} ; {q}).",
    largestNot: "Le plus grand écart, {nutrient} à {relative} le week-end, n’est pas significatif ({q}).",
    takeawayNone: "Un des groupes compte trop peu de recettes de {from} à {to} pour les comparer.",
    method:
      "DuckDB additionne, par année et par groupe, chacune des sept valeurs nutritionnelles (calories en kcal, les autres en % des apports journaliers) et leurs carrés, sur les recettes où la valeur est connue. Pour votre période, votre navigateur calcule les moyennes, l’écart relatif (moyenne week-end − moyenne semaine) / moyenne semaine, le t de Welch et le d de Cohen de chaque valeur. Sept tests sont faits : leurs valeurs p sont ajustées par Benjamini–Hochberg (taux de fausses découvertes) ; une valeur est marquée significative quand son q ajusté < {alpha}. Les valeurs nutritionnelles sont asymétriques, mais avec des centaines de recettes par groupe la moyenne suit presque une loi normale, ce que demande le test de Welch ; le d de Cohen dit si un écart significatif compte.",
  },
  items: {
    ingredients: {
      title: "Ingrédients",
      question: "Quels ingrédients penchent vers le week-end, et lesquels vers la semaine ?",
      unit: "ingrédients",
    },
    tags: {
      title: "Tags",
      question: "Quels tags penchent vers le week-end, et lesquels vers la semaine ?",
      unit: "tags",
      includeStructural: "Inclure les tags structurels",
      structuralNote: "{n} tags structurels écartés.",
      structuralMethod:
        "Les tags structurels (en-têtes de l’arbre des tags du site comme « preparation » ou « course », et tags tirés du temps, des étapes, des ingrédients ou de la nutrition de la recette comme « 60-minutes-or-less ») sont écartés par défaut, comme sur la page Tendances : ils disent comment le site a classé une recette, pas ce qui a été cuisiné. L’interrupteur les remet dans le test et la correction.",
    },
    chart: {
      x: "Part week-end − part semaine (points de pourcentage)",
      weekend: "Plus le week-end",
      weekday: "Plus en semaine",
      tip: "{item} : {weekend} des recettes du week-end, {weekday} des recettes de semaine ; V = {v}, {q}",
    },
    legend: { significant: "significatif (q BH < {alpha})" },
    none: "Aucun élément parmi les {unit} n’atteint la fréquence minimale de {from} à {to}.",
    takeaway:
      "{tested} {unit} sont assez fréquents pour être testés de {from} à {to} ; {significant} diffèrent entre recettes du week-end et de semaine après la correction de Benjamini–Hochberg.",
    leaders:
      "Les plus marqués : {weekendItem} le week-end ({weekendDiff} points, V = {weekendV}) et {weekdayItem} en semaine ({weekdayDiff} points, V = {weekdayV}).",
    leaderOne: "Le plus marqué : {item} ({diff} points le week-end, V = {v}).",
    small: "Même les effets les plus marqués sont minimes : le V de Cramér vaut au plus {v}.",
    method:
      "DuckDB compte, par année et par groupe, les recettes contenant chacun des {candidates} {unit} les plus fréquents parmi ceux présents dans au moins {minCount} recettes sur toute la période (une recette qui en cite un deux fois compte une fois). Pour votre période, votre navigateur additionne les années et teste chacun de ces {unit} présent dans au moins {minCount} recettes et {minShare} des recettes de la période : un test du khi-deux de son tableau 2×2 (le contient ou non × semaine ou week-end ; sans correction de continuité), avec la correction de Benjamini–Hochberg sur l’ensemble des tests. Le V de Cramér (ici |φ|) les classe : contrairement au coefficient de variation de parts minuscules, il ne favorise pas les éléments rares. Le graphique montre les {top} plus marqués dans chaque sens — vers le week-end et vers la semaine — et seuls ceux dont q < {alpha} sont marqués significatifs.",
  },
};
