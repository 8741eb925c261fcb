// La page Tendances : la période, les six cartes d'analyse (volume, temps de préparation,
// complexité, nutrition, ingrédients, tags), leurs graphiques et les phrases de synthèse que
// src/lib/trends/takeaways.ts choisit selon le signe et la significativité de chaque tendance.
import type { TrendsMessages } from "../en/trends.js";

export const trends: TrendsMessages = {
  title: "Tendances, {from}–{to}",
  lede: "Comment les recettes publiées sur Food.com ont évolué d'année en année : combien ont été publiées, combien de temps elles demandent, à quel point elles sont élaborées et riches, et quels ingrédients et tags ont progressé ou reculé. Choisissez les années : chaque graphique, chiffre et phrase de la page les suit.",
  range: {
    label: "Années analysées",
    from: "De",
    to: "À",
    summary: "{years} années sélectionnées : {from}–{to}.",
  },
  sentence: {
    up: "{subject} a augmenté de {slope} {unit} par an entre {from} et {to} (R² {r2}, {p}).",
    down: "{subject} a baissé de {slope} {unit} par an entre {from} et {to} (R² {r2}, {p}).",
    flat: "{subject} ne montre pas de tendance significative entre {from} et {to} ({slope} {unit} par an, {p}).",
    none: "{subject} : aucune tendance ne peut être ajustée entre {from} et {to} (trop peu d'années, ou aucune variation).",
  },
  clause: {
    up: "en hausse ({slope} par an)",
    down: "en baisse ({slope} par an)",
    flat: "pas de tendance significative",
  },
  units: {
    minutes: "min",
    points: "pt",
    kcal: "kcal",
    perYear: "{value} {unit}/an",
  },
  fit: {
    caption: "Tendances par moindres carrés pondérés (poids d'une année : ses recettes)",
    series: "Série",
    slope: "Pente par an",
    intercept: "Ordonnée à l'origine",
    r2: "R² pondéré",
    p: "p-value",
    ci: "Intervalle de confiance à {level} de la pente",
    years: "Années",
    none: "pas de tendance",
    subtitle: "{slope}/an · R² {r2} · {p}",
    subtitleNone: "aucune tendance ne peut être ajustée",
    line: "Tendance MCP",
  },
  volume: {
    title: "Volume de recettes",
    question:
      "Combien de recettes ont été publiées chaque année, et comment les effectifs annuels se répartissent-ils ?",
    showValues: "Afficher les valeurs",
    kpis: {
      label: "Volume sur les années choisies",
      years: { label: "Années", sub: "{from}–{to}" },
      total: { label: "Recettes", sub: "publiées sur ces années" },
      mean: { label: "Moyenne par an", sub: "médiane {median}" },
      peak: { label: "Année record", sub: "{n} recettes" },
    },
    bars: { y: "Recettes", tip: "{year} : {n} recettes" },
    qq: {
      title: "Diagramme quantile-quantile (loi normale) des effectifs annuels",
      x: "Quantile de la loi normale centrée réduite",
      y: "Recettes d'une année (triées)",
      tip: "{n} recettes · quantile normal {q}",
      reference: "Droite de référence",
      none: "Un diagramme Q-Q demande au moins trois années différentes.",
    },
    stats: {
      caption: "Statistiques détaillées des effectifs annuels",
      statistic: "Statistique",
      value: "Valeur",
      min: "Minimum",
      q1: "Premier quartile (Q1)",
      median: "Médiane",
      mean: "Moyenne",
      q3: "Troisième quartile (Q3)",
      max: "Maximum",
      std: "Écart-type",
      cv: "Coefficient de variation",
      r2: "R² du Q-Q (normalité)",
    },
    takeaway:
      "{total} recettes ont été publiées en {years} ans ({from}–{to}), {mean} par an en moyenne ; l'année la plus active a été {peakYear}, avec {peakN} recettes.",
    takeawayOneYear: "{total} recettes ont été publiées en {year}.",
    normality: {
      close: "Les effectifs annuels sont proches d'une loi normale (R² du Q-Q {r2}).",
      rough: "Les effectifs annuels ne sont qu'approximativement normaux (R² du Q-Q {r2}).",
      far: "Les effectifs annuels sont loin d'une loi normale (R² du Q-Q {r2}) : quelques années portent l'essentiel des recettes.",
    },
    method:
      "DuckDB compte les recettes par année civile de soumission ; une année sans recette à l'intérieur de la période compte zéro. Votre navigateur calcule ensuite tout ce qui est affiché pour les années choisies à partir de ces effectifs annuels, avec le module statistique du site (le même code que celui du build).\n\nLes quartiles interpolent linéairement entre les effectifs triés ; l'écart-type divise par n − 1 ; le coefficient de variation est l'écart-type rapporté à la moyenne. Le diagramme Q-Q associe les effectifs triés aux quantiles de la loi normale centrée réduite (médianes de Filliben, comme probplot de scipy) et ajuste une droite : un R² d'au moins {close} se lit comme proche de la normale, d'au moins {rough} comme approximativement normal.",
  },
  duration: {
    title: "Temps de préparation",
    question: "Les recettes demandent-elles plus ou moins de temps qu'avant ?",
    band: {
      label: "Bande de dispersion",
      q25q75: "Q25–Q75 (interquartile)",
      q10q90: "Q10–Q90 (large)",
      q05q95: "Q5–Q95 (très large)",
      q33q66: "Q33–Q66 (étroite)",
    },
    bubbles: "Taille des points selon les recettes",
    subject: { mean: "Le temps de préparation moyen", median: "Le temps de préparation médian" },
    series: {
      mean: "Moyenne",
      median: "Médiane",
      trendMean: "Tendance MCP de la moyenne",
      trendMedian: "Tendance MCP de la médiane",
    },
    kpis: {
      label: "Temps de préparation sur les années choisies",
      mean: { label: "Moyenne en {year}", sub: "minutes par recette" },
      median: { label: "Médiane en {year}", sub: "minutes par recette" },
      slopeMean: { label: "Tendance de la moyenne", sub: "R² {r2} · {p}" },
      slopeMedian: { label: "Tendance de la médiane", sub: "R² {r2} · {p}" },
      dispersion: { label: "Dispersion en {year}", sub: "largeur de la bande {band}" },
    },
    y: "Minutes",
    tip: "{year} · {n} recettes\nmoyenne {mean} · médiane {median}\n{band} : {low} à {high}",
    method:
      "DuckDB calcule, par année de soumission, le nombre de recettes, la moyenne et la médiane de leur temps de préparation et les quantiles qui bornent les bandes de dispersion (interpolation linéaire). Les temps sont ceux du nettoyage : dans les bornes décrites sur la page Données et méthodes.\n\nChaque droite de tendance est un ajustement par moindres carrés pondérés (MCP) de la moyenne (ou de la médiane) annuelle sur l'année, chaque année pesant son nombre de recettes : une année peu fournie déplace moins la droite. Le tableau donne la pente, l'ordonnée à l'origine (valeur de la droite en l'an 0), le R² pondéré, la p-value bilatérale de la pente (loi de Student, années − 2 degrés de liberté) et son intervalle de confiance à {level}. Une tendance est dite en hausse ou en baisse quand p < {alpha}. Tout est recalculé dans votre navigateur pour les années choisies.",
  },
  complexity: {
    title: "Complexité des recettes",
    question: "Les recettes deviennent-elles plus élaborées : plus d'étapes, plus d'ingrédients ?",
    subject: "Le score de complexité moyen",
    takeawayOthers: "Étapes par recette : {steps} ; ingrédients par recette : {ingredients}.",
    measures: {
      score: "Score de complexité",
      steps: "Étapes par recette",
      ingredients: "Ingrédients par recette",
    },
    mean: "Moyenne annuelle",
    band: "±1 écart-type",
    showBand: "Afficher la bande ±1 écart-type",
    tip: "{year} · {n} recettes\nmoyenne {value} · écart-type {sd}",
    method:
      "Le score de complexité d'une recette vaut ln(1 + minutes) + étapes + ½ × ingrédients, calculé à l'ingestion. DuckDB donne, par année, la moyenne et l'écart-type (n − 1) du score, du nombre d'étapes et du nombre d'ingrédients ; la bande couvre un écart-type de part et d'autre de la moyenne.\n\nChaque tendance est un ajustement par moindres carrés pondérés de la moyenne annuelle sur l'année, pondéré par les recettes de l'année, dite en hausse ou en baisse quand p < {alpha} ; elle est recalculée dans votre navigateur pour les années choisies.",
  },
  nutrition: {
    title: "Nutrition",
    question: "Les recettes deviennent-elles plus légères ou plus riches ?",
    statistic: { label: "Valeur annuelle", mean: "Moyenne", median: "Médiane" },
    nutrients: {
      calories: "Calories (kcal)",
      totalFat: "Lipides (% AJ)",
      sugar: "Sucres (% AJ)",
      sodium: "Sodium (% AJ)",
      protein: "Protéines (% AJ)",
      saturatedFat: "Graisses saturées (% AJ)",
      carbohydrates: "Glucides (% AJ)",
    },
    subject: {
      mean: "L'apport calorique moyen par recette",
      median: "L'apport calorique médian par recette",
    },
    takeawayCount:
      "Entre {from} et {to}, sur {total} valeurs nutritionnelles, {down} ont baissé significativement et {up} ont augmenté significativement.",
    tip: "{year} · {n} recettes\n{value}",
    method:
      "Food.com donne pour chaque recette ses calories et six valeurs en pourcentage des apports journaliers (% AJ) par portion : lipides, sucres, sodium, protéines, graisses saturées et glucides. DuckDB calcule leur moyenne et leur médiane par année (les calories négatives ont été écartées au nettoyage). La médiane est proposée parce que quelques recettes extrêmes tirent les moyennes.\n\nChaque tendance est un ajustement par moindres carrés pondérés de la valeur annuelle sur l'année, pondéré par les recettes de l'année, dite en hausse ou en baisse quand p < {alpha} ; elle est recalculée dans votre navigateur pour les années choisies.",
  },
  items: {
    movers: {
      both: "Plus forte hausse : {riser} ({riserSlope} pt de part par an, {riserP}) ; plus forte baisse : {decliner} ({declinerSlope} pt par an, {declinerP}).",
      riserOnly: "Plus forte hausse : {item} ({slope} pt de part par an, {p}) ; aucun recul.",
      declinerOnly: "Plus forte baisse : {item} ({slope} pt de part par an, {p}) ; aucune hausse.",
      none: "Trop peu d'années entre {from} et {to} pour classer hausses et baisses.",
    },
    top: {
      title: "Les plus fréquents",
      x: "Recettes qui le contiennent",
      tip: "{item} : {count} recettes ({share})",
    },
    diversity: {
      title: "Diversité par année",
      distinct: "Diversité : {unit} distincts dans toutes les recettes de l'année",
      rarefied: "Diversité : {unit} distincts dans {size} recettes tirées au hasard",
      series: "Effectif raréfié",
      trend: "Tendance MCP de la diversité raréfiée",
      tip: "{year} · {recipes} recettes\n{distinct} au total · {rarefied} sur {size}",
    },
    moversChart: {
      title: "Hausses et baisses",
      x: "Évolution de la part (points par an)",
      tip: "{item} : {slope} pt par an\nR² {r2} · {p} · {share} des recettes",
    },
    shares: {
      risers: "Part annuelle des plus fortes hausses",
      decliners: "Part annuelle des plus fortes baisses",
      y: "Part des recettes (%)",
      tip: "{item}, {year} : {share}\n{count} recettes sur {recipes}",
    },
    ingredients: {
      title: "Ingrédients",
      question:
        "Quels ingrédients ont progressé ou reculé, et les cuisiniers ont-ils puisé dans un garde-manger plus large ou plus étroit ?",
      diversitySubject: "La diversité (ingrédients distincts dans {size} recettes)",
      unit: "ingrédients",
      y: "Ingrédients distincts",
    },
    tags: {
      title: "Tags",
      question:
        "Quels tags ont progressé ou reculé, et les contributeurs ont-ils étiqueté leurs recettes de façon plus ou moins variée ?",
      diversitySubject: "La diversité (tags distincts dans {size} recettes)",
      unit: "tags",
      y: "Tags distincts",
    },
    method:
      "DuckDB compte, par année, les recettes qui contiennent chaque élément (un élément cité deux fois dans une recette compte une fois). Seuls les éléments présents dans au moins {minCount} recettes des années choisies sont classés ; les effectifs annuels arrivent dans votre navigateur en colonnes compactes et tout y est recalculé pour les années choisies.\n\nLes hausses et les baisses sont classées selon la pente de la part annuelle des recettes qui contiennent l'élément (moindres carrés pondérés sur toutes les années, pondérés par les recettes de l'année), et non selon l'écart entre la première et la dernière année, qui classerait le bruit des deux années les moins fournies. Les pentes sont en points de pourcentage de part par an.\n\nLa diversité compte les éléments distincts d'une année. Une année plus fournie montre naturellement plus d'éléments distincts : la courbe raréfiée les compte dans {size} recettes tirées au hasard dans chaque année ({samples} tirages déterministes, moyennés), ce qui compare les années à armes égales. Les années de moins de {size} recettes n'ont pas de valeur raréfiée.",
  },
};
