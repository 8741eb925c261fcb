// Page Saisonnalité (src/[lang]/seasonality.md).
import type { SeasonalityMessages } from "../en/seasonality.js";

export const seasonality: SeasonalityMessages = {
  page: {
    title: "Saisonnalité",
    summary:
      "Publie-t-on d'autres recettes en hiver qu'en été ? Volumes, temps, complexité, nutrition, ingrédients et tags par saison, avec les tests annoncés.",
  },
  title: "Saisons, {from}–{to}",
  lede: "L'hiver va de décembre à février, le printemps de mars à mai, l'été de juin à août, l'automne de septembre à novembre, chacun dans son année civile. Chaque test cité ici est calculé sur les données, corrigé quand plusieurs sont faits à la fois, et accompagné d'une taille d'effet : sur des dizaines de milliers de recettes, une différence minime est « significative » sans compter. Choisissez les années : chaque carte les suit.",
  range: {
    label: "Années analysées",
    from: "De",
    to: "À",
    summary: "{years} années sélectionnées : {from}–{to}.",
  },
  period: {
    exact: "Test de rangs et boîtes : {from}–{to}, les années sélectionnées.",
    other:
      "Test de rangs et boîtes : {from}–{to}. Rangs et quartiles ne se cumulent pas à partir de sommes annuelles : ils sont précalculés pour toute la période et pour chaque décennie ; {from}–{to} est la plus proche des années sélectionnées.",
  },
  unit: { minutes: "min" },
  table: {
    season: "Saison",
    recipes: "Recettes",
    share: "Part",
    deviation: "vs moyenne",
    days: "Jours",
    perDay: "Par jour",
    calendarShare: "Part du calendrier",
    mean: "Moyenne",
    sd: "Écart-type",
    median: "Médiane",
    iqr: "IQR (Q1–Q3)",
    test: "Test",
    statistic: "Statistique",
    df: "ddl",
    p: "p",
    q: "q (BH)",
    pHolm: "p (Holm)",
    effect: "Taille d'effet",
    measure: "Mesure",
    nutrient: "Valeur nutritionnelle",
    item: "Élément",
    v: "V de Cramér",
  },
  tests: {
    equal: "χ² vs parts égales",
    calendar: "χ² vs jours du calendrier",
    anova: "ANOVA à un facteur",
    kruskal: "Kruskal–Wallis",
    w: "w = {value}",
    eta: "η² = {value}",
    epsilon: "ε² = {value}",
    none: "non calculable",
  },
  volume: {
    title: "Volume de recettes par saison",
    question: "Les recettes sont-elles publiées également au fil des saisons ?",
    kpis: {
      label: "Volume de recettes par saison",
      total: "Recettes",
      mean: "Moyenne par saison",
      max: "{season} (le plus)",
      min: "{season} (le moins)",
      vsMean: "{value} vs moyenne",
    },
    takeaway: {
      significant:
        "La saison la plus fournie est {max} ({maxShare} sur {total}) et la moins fournie {min} ({minShare}) ; l'écart aux parts égales est significatif ({p}), avec un effet {size} (w de Cohen = {w}). Par rapport aux jours de chaque saison : {calendarP}.",
      notSignificant:
        "La saison la plus fournie est {max} ({maxShare} sur {total}) et la moins fournie {min} ({minShare}), mais les parts ne diffèrent pas significativement de parts égales ({p}, w de Cohen = {w}).",
    },
    bars: { y: "Recettes", deviation: "Écart à la moyenne par saison (%)" },
    tip: "{season} : {n} recettes ({share}), {deviation} vs la moyenne, {perDay} par jour",
    method:
      "Les recettes sont comptées par année civile et par saison (hiver = janvier, février et décembre de la même année), puis additionnées sur les années choisies. Écart = (n − moyenne par saison) / moyenne par saison. Deux tests d'ajustement du khi² (3 degrés de liberté) : contre des parts égales, et contre la part de chaque saison dans les jours du calendrier entre la première et la dernière publication de ces années (l'hiver compte 90 ou 91 jours, le printemps et l'été 92, l'automne 91), pour que le calendrier seul ne passe pas pour un effet saisonnier. Le w de Cohen = √(χ²/n) mesure l'ampleur de l'écart (0,1 faible, 0,3 moyen, 0,5 fort). Seuil α = {alpha}.",
  },
  duration: {
    title: "Temps de préparation par saison",
    question: "Les recettes de certaines saisons prennent-elles plus de temps ?",
    takeaway: {
      significant:
        "Saison aux recettes les plus longues en moyenne : {max} ({maxMean}) ; les plus courtes : {min} ({minMean}). Le test de Kruskal–Wallis sur {from}–{to} conclut à des distributions différentes ({p}), avec un effet ε² = {epsilon} : {size}.",
      notSignificant:
        "Saison aux recettes les plus longues en moyenne : {max} ({maxMean}) ; les plus courtes : {min} ({minMean}) ; le test de Kruskal–Wallis sur {from}–{to} ne trouve pas de différence significative ({p}, ε² = {epsilon}).",
    },
    box: { y: "Minutes" },
    tip: "{season} : médiane {median}, Q1–Q3 {q1}–{q3}, moustaches {low}–{high}, {outliers} au-delà",
    method:
      "Moyennes et écarts-types par saison sont cumulés exactement à partir des sommes annuelles (n, Σx, Σx²) des années choisies, avec une ANOVA à un facteur (F, η²). Les temps de préparation sont asymétriques : le test principal est le H de Kruskal–Wallis fondé sur les rangs, avec correction des ex æquo, et sa taille d'effet ε² = H / (n − 1), calculé sur les minutes de chaque recette. Rangs, médianes et quartiles ne se cumulent pas à partir de sommes annuelles : ils sont précalculés pour toute la période et pour chaque décennie des données, et la carte indique la période affichée. Boîtes : quartiles par interpolation linéaire, moustaches aux valeurs extrêmes à moins de 1,5 IQR ; les valeurs au-delà sont comptées, pas dessinées (aucune valeur brute n'est envoyée à la page). Tailles d'effet : 0,01 faible, 0,06 moyen, 0,14 fort. α = {alpha}.",
  },
  complexity: {
    title: "Complexité par saison",
    question: "Les recettes sont-elles plus élaborées à certaines saisons ?",
    measures: { score: "Score de complexité", steps: "Étapes", ingredients: "Ingrédients" },
    takeaway: {
      some: "Les saisons diffèrent pour {measures} (ANOVA, ajustement de Holm sur trois mesures), et le plus grand effet est {size} : η² = {eta} ({measure}). Saison au score moyen le plus élevé : {max}.",
      none: "Aucune mesure de complexité ne diffère significativement selon la saison (ANOVA, ajustement de Holm sur trois mesures ; plus grand η² = {eta}).",
    },
    y: "Moyenne",
    tip: "{season} : moyenne {mean} (écart-type {sd}, {n} recettes)",
    method:
      "Score de complexité = ln(1 + minutes) + étapes + 0,5 × ingrédients. Pour chaque mesure, les moyennes par saison et une ANOVA à un facteur (F, η²) sont cumulées exactement à partir des sommes annuelles des années choisies ; les trois p-valeurs de l'ANOVA sont ajustées par Holm. Le test de Kruskal–Wallis (avec correction des ex æquo, ε²) de chaque mesure, ajusté par Holm sur les trois, porte sur les valeurs brutes d'une période précalculée, indiquée sous le tableau. α = {alpha}.",
  },
  nutrition: {
    title: "Nutrition par saison",
    question: "Les recettes sont-elles plus riches à certaines saisons ?",
    nutrients: {
      calories: "Calories",
      totalFat: "Lipides",
      sugar: "Sucres",
      sodium: "Sodium",
      protein: "Protéines",
      saturatedFat: "Graisses saturées",
      carbohydrates: "Glucides",
    },
    takeaway: {
      some: "{significant} valeurs nutritionnelles sur {count} diffèrent selon la saison après correction de Benjamini–Hochberg ; le plus grand effet concerne {nutrient} (η² = {eta}), au plus haut : {max}, au plus bas : {min}.",
      none: "Aucune valeur nutritionnelle ne diffère significativement selon la saison après correction de Benjamini–Hochberg (plus grand η² = {eta}, {nutrient}).",
    },
    heatmap: { z: "z-score entre saisons" },
    tip: "{nutrient}, {season} : moyenne {mean} (z = {z})",
    method:
      "Moyennes par saison des calories (kcal) et des six % des apports journaliers, cumulées exactement à partir des sommes annuelles des années choisies (une recette sans valeur est ignorée pour cette valeur). La carte de chaleur montre les moyennes de chaque valeur en z-scores entre les quatre saisons (écart-type de population) : elle dit quelle saison est haute ou basse pour cette valeur, pas de combien — le tableau donne les moyennes. Par valeur, une ANOVA à un facteur entre saisons (F, η²) ; les sept p-valeurs sont ajustées par Benjamini–Hochberg (q), significatives si q < {alpha}.",
  },
  items: {
    ingredients: {
      title: "Ingrédients par saison",
      question: "Quels ingrédients sont saisonniers ?",
      unit: "ingrédients",
    },
    tags: {
      title: "Tags par saison",
      question: "Quels tags sont saisonniers ?",
      unit: "tags",
      includeStructural: "Inclure les tags structurels",
      structuralNote:
        "{n} tags structurels (en-têtes de l'arborescence et tags tirés des minutes, étapes ou valeurs nutritionnelles) écartés.",
      structuralMethod:
        "Les tags structurels — en-têtes de l'arborescence de Food.com (« preparation », « course »…) et tags tirés des propres chiffres d'une recette (« 60-minutes-or-less », « low-sodium »…) — sont écartés par défaut : ils décrivent le classement du site, pas ce qui a été cuisiné. L'interrupteur les remet dans la famille testée.",
    },
    takeaway: {
      some: "{significant} {unit} sur {tested} testés varient avec la saison (ajustement BH, q < {alpha}) ; l'association la plus forte est {item} (V de Cramér = {v}) ; sa saison la plus fréquente : {season} ({share} des recettes de cette saison).",
      none: "Aucun des {tested} {unit} testés ne varie significativement avec la saison après correction de Benjamini–Hochberg.",
      empty: "Aucun de ces {unit} n'atteint la part minimale sur ces années : rien à tester.",
    },
    heatmap: {
      fill: "Part des recettes de la saison (%)",
      significant: "* significatif après BH (q < {alpha})",
    },
    tip: "{item}, {season} : {share} des recettes",
    method:
      "Candidats : les {max} {unit} les plus fréquents présents dans au moins {min} recettes sur toute la période (les données de la page restent légères). Pour les années choisies, un élément est testé si sa part moyenne sur les quatre saisons atteint {share} : par élément, un test du khi² d'indépendance présence × saison (tableau 2 × 4, 3 ddl), avec des p-valeurs ajustées par Benjamini–Hochberg sur tous les éléments testés. Les éléments sont classés par V de Cramér (force du lien entre présence et saison), et non par coefficient de variation de petites parts, qui favorise les éléments rares. La carte de chaleur montre les {top} plus forts dont les parts s'étalent sur au moins {range} points ; * marque q < {alpha}.",
  },
  sizes: {
    negligible: "négligeable",
    small: "faible",
    medium: "moyen",
    large: "fort",
  },
};
