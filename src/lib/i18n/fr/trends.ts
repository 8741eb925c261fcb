// La page Tendances : la période, les six cartes d'analyse (volume, temps de préparation,
// complexité, nutrition, ingrédients, tags), leurs graphiques et les phrases de synthèse que
// src/lib/trends/takeaways.ts choisit selon le signe et la significativité de chaque tendance.
import type { TrendsMessages } from "../en/trends.js";

export const trends: TrendsMessages = {
  page: {
    title: "Tendances",
    summary:
      "Comment la cuisine maison a évolué d'année en année : volumes, temps de préparation, complexité, nutrition, ingrédients et tags.",
  },
  title: "Tendances, {from}–{to}",
  lede: "Comment les recettes ont évolué d'année en année : combien ont été publiées, combien de temps elles demandent, à quel point elles sont élaborées et riches, et quels ingrédients et tags ont progressé ou reculé. Choisissez les années : chaque graphique, chiffre et phrase de la page les suit.",
  range: {
    label: "Années analysées",
    from: "De",
    to: "À",
    summary: "{years} années sélectionnées : {from}–{to}.",
  },
  sentence: {
    up: "{subject} a augmenté de {slope} {unit} par an entre {from} et {to} (IC à {level} {ci}, {p}).",
    down: "{subject} a baissé de {slope} {unit} par an entre {from} et {to} (IC à {level} {ci}, {p}).",
    flat: "{subject} ne montre pas de tendance significative entre {from} et {to} ({slope} {unit} par an, IC à {level} {ci}, {p}).",
    short:
      "{subject} : {years} années entre {from} et {to}, c'est trop peu pour parler de tendance (il en faut au moins {min}) ; la pente ajustée est de {slope} {unit} par an ({p}).",
    none: "{subject} : aucune tendance ne peut être ajustée entre {from} et {to} (trop peu d'années, ou aucune variation).",
  },
  clause: {
    up: "en hausse ({slope} par an)",
    down: "en baisse ({slope} par an)",
    flat: "pas de tendance significative",
  },
  interval: "{low} à {high}",
  units: {
    minutes: "min",
    points: "pt",
    kcal: "kcal",
    recipes: "recettes",
    perYear: "{value} {unit}/an",
  },
  fit: {
    caption: "Ajustements des tendances",
    note: "Principal : l'ajustement à effets aléatoires qu'utilisent les phrases ; son erreur type (ET) est la plus grande de celle de Knapp–Hartung (KH) et de celle de Newey–West (NW) ; I² est la part de la dispersion due aux écarts entre années ; ordre 1 et DW sont l'autocorrélation et la statistique de Durbin–Watson des résidus (environ 0 et 2 quand les années sont indépendantes). {comparison}",
    comparison: {
      wls: "MCP : les moindres carrés de l'application d'origine, chaque année pesant ses recettes.",
      wlsValues:
        "MCP : les moindres carrés de l'application d'origine, chaque année pesant son nombre de valeurs.",
      ols: "MCO : moindres carrés à poids égaux, comme avant.",
    },
    series: "Série",
    method: "Ajustement",
    headline: "Principal",
    wls: "MCP",
    wlsValues: "MCP",
    ols: "MCO",
    slope: "Pente par an",
    intercept: "Droite en {year}",
    se: "ET",
    p: "p",
    holm: "p (Holm, {n} valeurs)",
    ci: "IC à {level}",
    years: "Années",
    r2: "R²",
    i2: "I²",
    lag1: "Ordre 1",
    dw: "DW",
    seMethods: { knappHartung: "KH", neweyWest: "NW" },
    none: "pas de tendance",
    subtitle: "{slope}/an · {p}",
    subtitleNone: "aucune tendance ne peut être ajustée",
    line: "Tendance (effets aléatoires)",
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
      busiest: { label: "Les {k} années les plus actives", sub: "des recettes · Gini {gini}" },
    },
    bars: { y: "Recettes", tip: "{year} : {n} recettes" },
    lorenz: {
      title: "Répartition des recettes entre les années (courbe de Lorenz)",
      x: "Part des années, les plus calmes d'abord (%)",
      y: "Part des recettes (%)",
      tip: "{year} : {n} recettes\nles {years} d'années les plus calmes portent {recipes} des recettes",
      curve: "Courbe de Lorenz",
      equality: "Toutes les années égales",
      none: "Une courbe de Lorenz demande au moins deux années avec des recettes.",
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
      busiest: "Part des {k} années les plus actives",
      gini: "Coefficient de Gini",
    },
    takeaway:
      "{total} recettes ont été publiées en {years} ans ({from}–{to}), {mean} par an en moyenne ; l'année la plus active a été {peakYear}, avec {peakN} recettes.",
    takeawayOneYear: "{total} recettes ont été publiées en {year}.",
    concentration:
      "Les {k} années les plus actives portent {share} de ces recettes (coefficient de Gini des effectifs annuels : {gini}, où 0 signifie des années toutes égales).",
    subject: "Le nombre de recettes par an",
    method:
      "DuckDB compte les recettes conservées (celles qui ont passé toutes les règles de nettoyage de la page Données et méthodes) par année civile de soumission ; une année sans recette à l'intérieur de la période compte zéro, et aucune année hors de la période n'est montrée. Votre navigateur calcule ensuite tout ce qui est affiché pour les années choisies à partir de ces effectifs annuels, avec le module statistique du site (le même code que celui du build).\n\nLes quartiles interpolent linéairement entre les effectifs triés ; l'écart-type divise par n − 1 ; le coefficient de variation est l'écart-type rapporté à la moyenne. La concentration est décrite, pas testée : la part des recettes publiées pendant les {k} années les plus actives (affichée quand la période compte plus de {k} années) et le coefficient de Gini des effectifs annuels (l'écart absolu moyen entre deux années rapporté au double de la moyenne : 0 quand toutes les années ont le même effectif, vers 1 quand une seule les a toutes), qui vaut le double de l'aire entre la courbe de Lorenz et la diagonale. Les effectifs annuels montent puis descendent : ce ne sont pas des tirages indépendants d'une même loi, aucun test de normalité n'en est donc fait.\n\nLa tendance des effectifs annuels est l'ajustement principal de la page (voir Temps de préparation), la variance d'échantillonnage d'un effectif étant l'effectif lui-même (loi de Poisson). Une pente est dite en hausse ou en baisse quand p < {alpha} sur au moins {min} années ; une droite donne le sens des années choisies, pas leur forme.",
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
      trendMean: "Tendance de la moyenne",
      trendMedian: "Tendance de la médiane",
    },
    kpis: {
      label: "Temps de préparation sur les années choisies",
      mean: { label: "Moyenne, {from}–{to}", sub: "minutes par recette, sur {n} recettes" },
      median: { label: "Médiane, {from}–{to}", sub: "minutes par recette, sur {n} recettes" },
      slopeMean: { label: "Tendance de la moyenne", sub: "IC à {level} {ci} · {p}" },
      slopeMedian: { label: "Tendance de la médiane", sub: "IC à {level} {ci} · {p}" },
      dispersion: { label: "Dispersion, {from}–{to}", sub: "largeur de la bande {band}" },
    },
    y: "Minutes",
    tip: "{year} · {n} recettes\nmoyenne {mean} · médiane {median}\n{band} : {low} à {high}",
    method:
      "DuckDB calcule, par année de soumission et sur les recettes conservées, le nombre de recettes, la moyenne et la médiane de leur temps de préparation et les quantiles qui bornent les bandes de dispersion (interpolation linéaire). Les temps sont ceux du nettoyage : dans les bornes décrites sur la page Données et méthodes. DuckDB donne aussi l'écart-type de chaque année, l'erreur type de chaque médiane et le nombre de recettes par valeur de minutes, si bien que tout groupe d'années a des quantiles exacts.\n\nLes droites de tendance et les phrases utilisent l'ajustement principal, une régression à effets aléatoires de la moyenne (ou de la médiane) annuelle sur l'année. Une moyenne annuelle porte un bruit d'échantillonnage (variance s²/n), mais les années diffèrent aussi pour des raisons qu'aucun nombre de recettes ne gomme : l'ajustement estime cette variance entre années τ² (DerSimonian–Laird) et pondère chaque année par 1/(τ² + s²/n), si bien que les années les plus fournies ne fixent pas seules la pente. Son erreur type est la plus grande de celle de Knapp–Hartung (qui tient compte de l'estimation de τ²) et de celle de Newey–West (valable quand les résidus d'années consécutives sont corrélés) ; la p-value et l'intervalle à {level} viennent de la loi de Student à années − 2 degrés de liberté. La variance d'échantillonnage d'une médiane est le carré de son erreur type (McKean–Schrader : à partir des statistiques d'ordre qui bornent son intervalle à 95 % sans hypothèse de loi). Une année d'une seule recette n'a pas d'estimation de variance et sort de l'ajustement principal.\n\nUne pente est dite en hausse ou en baisse quand p < {alpha} sur au moins {min} années ; avec moins d'années, la phrase donne la pente sans parler de tendance. Le tableau ajoute, pour comparaison, l'ajustement par moindres carrés pondérés (MCP) de l'application d'origine (chaque année pesant ses recettes), la valeur de chaque droite la première année de la période, la part de la variation résiduelle qui tient aux écarts entre années (I²), ainsi que l'autocorrélation d'ordre 1 et la statistique de Durbin–Watson des résidus (environ 0 et 2 quand les années consécutives sont indépendantes).\n\nLes tuiles de moyenne, de médiane et de dispersion regroupent les recettes des {latest} dernières années de la période : la dernière année seule est d'ordinaire la moins fournie. Tout est recalculé dans votre navigateur pour les années choisies.",
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
      "Le score de complexité d'une recette vaut ln(1 + minutes) + étapes + ½ × ingrédients, calculé à l'ingestion. DuckDB donne, par année et sur les recettes conservées, la moyenne et l'écart-type (n − 1) du score, du nombre d'étapes et du nombre d'ingrédients ; la bande couvre un écart-type de part et d'autre de la moyenne.\n\nChaque tendance est l'ajustement principal de la page (voir Temps de préparation) : une régression à effets aléatoires de la moyenne annuelle sur l'année, la variance d'échantillonnage d'une année valant s²/n, avec la plus grande des erreurs types de Knapp–Hartung et de Newey–West. Elle est dite en hausse ou en baisse quand p < {alpha} sur au moins {min} années ; chaque mesure est testée pour elle-même. Le tableau ajoute l'ajustement par moindres carrés pondérés de l'application d'origine (poids : recettes). Les deux sont recalculés dans votre navigateur pour les années choisies.",
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
      "Entre {from} et {to}, sur {total} valeurs nutritionnelles, {down} ont baissé et {up} ont augmenté significativement (p-values ajustées par la méthode de Holm sur les {total}).",
    tip: "{year} · {n} recettes renseignées\n{value}",
    method:
      "Chaque recette porte, au format de Food.com, ses calories et six valeurs en pourcentage des apports journaliers (% AJ) par portion : lipides, sucres, sodium, protéines, graisses saturées et glucides. DuckDB calcule leur moyenne et leur médiane par année sur les recettes conservées (les calories négatives ont été laissées vides au nettoyage : aucune moyenne ni médiane ne les utilise). La médiane est proposée parce que quelques recettes extrêmes tirent les moyennes. Chaque valeur nutritionnelle est moyennée sur les recettes qui en ont une : son propre nombre de valeurs par année est son poids et le dénominateur de sa variance d'échantillonnage (s²/n pour une moyenne ; pour une médiane, le carré de son erreur type de McKean–Schrader).\n\nChaque tendance est l'ajustement principal de la page (voir Temps de préparation) : effets aléatoires, avec la plus grande des erreurs types de Knapp–Hartung et de Newey–West. La phrase qui compte les valeurs qui ont bougé fait sept tests à la fois : elle utilise des p-values ajustées par la méthode de Holm sur les sept (dernière colonne du tableau) et demande au moins {min} années ; la phrase sur les calories utilise la p-value propre des calories. Le tableau ajoute l'ajustement par moindres carrés pondérés de l'application d'origine (poids : nombre de valeurs de chaque nutriment). Tout est recalculé dans votre navigateur pour les années choisies.",
  },
  items: {
    movers: {
      counts:
        "Sur {tested} {unit} testés entre {from} et {to}, {up} ont progressé et {down} ont reculé significativement (Benjamini–Hochberg, q < {alpha}).",
      countsNone:
        "Sur {tested} {unit} testés entre {from} et {to}, aucun n'a progressé ni reculé significativement une fois les {tested} tests pris en compte (Benjamini–Hochberg, q < {alpha}).",
      both: "Plus forte hausse : {riser} ({riserSlope} pt de part par an, {riserQ}) ; plus forte baisse : {decliner} ({declinerSlope} pt par an, {declinerQ}).",
      riserOnly: "Plus forte hausse : {item} ({slope} pt de part par an, {q}) ; aucun recul significatif.",
      declinerOnly:
        "Plus forte baisse : {item} ({slope} pt de part par an, {q}) ; aucune hausse significative.",
      short:
        "Entre {from} et {to}, {years} années, c'est trop peu pour désigner des hausses et des baisses (il en faut au moins {min}).",
    },
    top: {
      title: "Les plus fréquents",
      x: "Recettes qui le contiennent",
      tip: "{item} : {count} recettes ({share})",
    },
    diversity: {
      title: "Diversité par année",
      distinct: "Diversité : {unit} distincts dans toutes les recettes de l'année",
      rarefied: "Diversité : {unit} distincts attendus dans {size} recettes tirées au hasard",
      series: "Effectif raréfié",
      trend: "Tendance (effets aléatoires)",
      tip: "{year} · {recipes} recettes\n{distinct} au total · {rarefied} attendus sur {size}",
      fitSeries: "Diversité raréfiée",
    },
    moversChart: {
      title: "Hausses et baisses significatives (q < {alpha})",
      x: "Évolution de la part (points par an)",
      tip: "{item} : {slope} pt par an\n{p} · {q} · {share} des recettes\nMCP : {wlsSlope} pt par an, {wlsP}",
      none: "Aucun des {unit} n'a progressé ni reculé significativement sur ces années.",
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
      includeStructural: "Inclure les tags de classement",
      structuralNote:
        "{n} tags de classement du format Food.com sont écartés des classements (cochez la case pour les inclure) : les têtes de l'arbre des tags, comme preparation, time-to-make, course ou occasion, et les tags qui répètent des chiffres de la recette, comme 30-minutes-or-less, 3-steps-or-less ou low-sodium.",
      structuralMethod:
        "Les tags de classement disent où une recette se range dans l'arbre des tags, ou répètent ses minutes, ses étapes, ses ingrédients ou sa nutrition, sans rien dire de sa cuisine ; presque chaque recette en porte plusieurs, ils dominent donc toutes les listes. Ils sont écartés des tags les plus fréquents, des tests et des hausses et baisses, sauf si la case est cochée. La diversité compte tous les tags.",
    },
    method:
      "DuckDB compte, par année, les recettes conservées qui contiennent chaque élément (un élément cité deux fois dans une recette compte une fois). Seuls les éléments présents dans au moins {minCount} recettes des années choisies sont classés ; les effectifs annuels arrivent dans votre navigateur en colonnes compactes et tout y est recalculé pour les années choisies.\n\nChaque élément classé est testé : sa part annuelle des recettes a-t-elle changé ? Le test utilise l'ajustement principal de la page (voir Temps de préparation), la variance d'échantillonnage d'une année valant p(1 − p)/N, avec p la part de l'élément sur les années choisies et N les recettes de l'année : la variance si rien ne changeait, qui reste positive une année sans l'élément. Avec des centaines d'éléments testés, certains passeraient p < {alpha} par le seul hasard : les p-values sont donc ajustées par Benjamini–Hochberg sur tous les éléments testés dans les années choisies (q, qui borne la part attendue de fausses découvertes), et seuls les éléments avec q < {alpha}, sur au moins {min} années, sont dits en hausse ou en baisse et dessinés. Les autres ne sont pas listés ; le CSV donne la pente, p et q de chaque élément, ainsi que la pente par moindres carrés pondérés de l'application d'origine (poids : recettes). Les pentes sont en points de pourcentage de part par an, sur toutes les années de la période, et non l'écart entre sa première et sa dernière année.\n\nLa diversité compte les éléments distincts d'une année. Une année plus fournie montre naturellement plus d'éléments distincts : la courbe raréfiée donne le nombre attendu d'éléments distincts dans {size} recettes tirées au hasard dans l'année, calculé exactement (formule de Hurlbert, par log-gamma dans DuckDB), ce qui compare les années à armes égales. Les années de moins de {size} recettes n'ont pas de valeur raréfiée. Une espérance exacte n'a pas de bruit d'échantillonnage propre : sa tendance principale est un ajustement par moindres carrés avec la plus grande des erreurs types classique et de Newey–West.",
  },
};
