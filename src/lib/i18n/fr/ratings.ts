// Page Notes (src/[lang]/ratings.md).
import type { RatingsMessages } from "../en/ratings.js";

export const ratings: RatingsMessages = {
  page: {
    title: "Notes",
    summary:
      "Ce que les lecteurs ont pensé des recettes : toutes les notes, leur tendance avec une incertitude honnête, leurs saisons et jours de la semaine, et ce qui est bien noté.",
  },
  title: "Notes, {from}–{to}",
  lede: "Toutes les interactions des données, notées ou non : les notes 1 à 5 font les statistiques, les avis sans note (note 0) comptent dans les volumes et comme part à part entière. Chaque carte montre son incertitude par un intervalle, jamais par un axe resserré. Choisissez les années : toutes les cartes les suivent.",
  range: {
    label: "Années analysées",
    from: "De",
    to: "À",
    summary: "{years} années choisies : {from}–{to}.",
  },
  trend: {
    title: "Tendance de la note moyenne mensuelle",
    question: "Les notes ont-elles dérivé au fil des ans ?",
    takeaway: {
      up: "De {from} à {to}, la note moyenne mensuelle a augmenté de {slope} étoile par an (IC à 95 % de {low} à {high}, {p} ; ajustement principal sur {months} mois d'au moins {min} notes).",
      down: "De {from} à {to}, la note moyenne mensuelle a baissé de {slope} étoile par an (IC à 95 % de {low} à {high}, {p} ; ajustement principal sur {months} mois d'au moins {min} notes).",
      flat: "De {from} à {to}, la note moyenne mensuelle ne montre pas de tendance significative : {slope} étoile par an (IC à 95 % de {low} à {high}, {p} ; ajustement principal sur {months} mois d'au moins {min} notes).",
      none: "De {from} à {to}, trop peu de mois comptent au moins {min} notes pour ajuster une tendance.",
    },
    kpi: {
      label: "Chiffres de la tendance (MCP, poids √n)",
      slope: "Pente (pondérée)",
      perYear: "étoile par an",
      r2: "R² (pondéré)",
      p: "p (MCP)",
      spearman: "Corrélation volume–note (Spearman pondéré)",
    },
    chart: {
      y: "Note moyenne (1–5)",
      wls: "Tendance MCP (√n)",
      headline: "Tendance principale",
      tip: "{month} : moyenne {mean} sur {n} notes",
    },
    fits: {
      fit: "Ajustement",
      weights: "Poids",
      slope: "Pente (étoiles/an)",
      ci: "IC à 95 %",
      p: "p",
      r2: "R²",
      headline: "Principal (effets aléatoires)",
      headlineWeights: "1/(τ² + s²/n)",
      wls: "MCP (application d'origine)",
      ols: "MCO",
      equal: "égaux",
    },
    method:
      "Notes 1 à 5 de toutes les interactions (recettes gardées ou écartées par une règle, datées avant leur recette ou non), groupées par mois civil. Les mois de moins de {min} notes sont écartés et comptés (carte de validation). Le temps est compté en années depuis le premier mois gardé : toute pente est en étoiles par an et toute ordonnée à l'origine est la moyenne ajustée de ce mois.\n\nLa droite MCP est celle de l'application d'origine : poids √n, le nombre de notes du mois. Elle suppose qu'un mois chargé est plus précis, ce qui ne vaut que si la dispersion entre mois n'était que du bruit d'échantillonnage. L'ajustement principal (celui de la phrase) est une régression à effets aléatoires avec la variance d'échantillonnage s²/n de chaque mois et la variance entre mois τ² (DerSimonian–Laird), avec la plus grande des erreurs types de Knapp–Hartung et de Newey–West. Les MCO pèsent chaque mois également. Le R² des MCP est pondéré. La corrélation de Spearman pondérée classe les volumes et les moyennes des mois, puis corrèle les rangs avec les poids √n. Une pente est dite hausse ou baisse quand son p principal est inférieur à {alpha}.",
  },
  validation: {
    title: "Validation méthodologique de la série mensuelle",
    question: "Les mois sont-ils assez comparables pour ajuster une seule tendance pondérée ?",
    takeaway:
      "{kept} mois comptent au moins {min} notes ; {excluded} mois, {ratings} notes en tout, sont écartés. Les volumes mensuels varient avec un coefficient de variation de {cv}, et la pondération par √n déplace la pente de {shift} de la pente non pondérée.",
    kpi: {
      label: "Chiffres de validation",
      months: "Mois gardés",
      excluded: "{n} sous le minimum",
      cv: "CV des volumes mensuels",
      shift: "Déplacement de la pente dû aux poids",
      variance: "Variance des moyennes mensuelles, pondérée / non pondérée",
    },
    chart: {
      volume: "Notes du mois",
      months: "Mois",
      weight: "Part des poids",
    },
    volumes: "Notes par mois gardé : minimum {min}, quartiles {q1} / {median} / {q3}, maximum {max}.",
    method:
      "La série mensuelle de la carte de tendance : les mois d'au moins {min} notes 1 à 5 (le minimum de l'application d'origine) ; les mois en dessous sont comptés, avec leurs notes. Les poids sont √n ; la part de chaque mois est tracée dans le temps. La variance des moyennes mensuelles est donnée non pondérée (ddof 1) et pondérée par √n comme poids de fiabilité. Le déplacement de la pente est |pente MCP − pente MCO| / |pente MCO| : de combien les poids √n changent la tendance.",
  },
  distribution: {
    title: "Distribution et stabilité des notes",
    question: "Comment les notes se répartissent-elles, et avec quelle précision connaît-on leur moyenne ?",
    takeaway:
      "{five} des notes sont des 5★ et {low} des notes de 2★ ou moins. La note moyenne est {mean} : IC à 95 % {ciLow}–{ciHigh} si chaque note était indépendante, {clusterLow}–{clusterHigh} en comptant les notes de chaque utilisateur comme une grappe ({period}). {unrated} des interactions sont des avis sans note.",
    kpi: {
      label: "Chiffres de la distribution",
      mean: "Note moyenne (IC à 95 %)",
      five: "Part de 5★",
      low: "Part de ≤ 2★",
      unrated: "Avis sans note",
    },
    chart: {
      rating: "Note (0 = avis sans note)",
      share: "Part",
      tip: "Note {rating} : {share} ({n})",
      five: "5★",
      low: "≤ 2★",
    },
    ci: {
      interval: "Intervalle",
      period: "Années",
      mean: "Moyenne",
      se: "Erreur type",
      bounds: "IC à 95 %",
      basis: "Sur la base de",
      naive: "Intervalle t (notes indépendantes)",
      cluster: "Intervalle par grappes d'utilisateurs",
      users: "{users} utilisateurs ; effet de plan {deff}",
    },
    method:
      "Toutes les interactions comptent ; la note 0 (un avis sans note) a sa propre barre et sa propre part, les statistiques portent sur les notes 1 à 5. Les parts de 5★ et de ≤ 2★ sont prises parmi les notes 1 à 5, par année dans le graphique de droite.\n\nDeux intervalles de la moyenne : l'intervalle t moyenne ± t(0,975, n − 1)·s/√n (la bande de l'application d'origine, moyenne ± 1,96·sd_w/√Σw, n'était pas une erreur type) ; et un intervalle robuste par grappes (sandwich CR1) sur les utilisateurs — les notes d'un même utilisateur ne sont pas indépendantes, ce sont les utilisateurs et non les notes qui sont les unités indépendantes : SE² = G/(G − 1)·Σ_g(S_g − n_g·ȳ)²/N², t à G − 1 ddl. L'effet de plan est le rapport des deux variances. L'intervalle par grappes a besoin des notes de chaque utilisateur sur toute la période : il est calculé à la construction pour toute la période et pour chaque décennie ; le tableau dit quelles années il couvre (la période égale à votre choix, sinon la plus courte qui le contient, sinon toute la période). Les utilisateurs sont seulement comptés, jamais listés.",
  },
  groups: {
    ratings: "Notes",
    mean: "Moyenne",
    ci: "IC à 95 %",
    sd: "Écart type",
    five: "5★",
    low: "≤ 2★",
    test: "Test",
    statistic: "Statistique",
    df: "ddl",
    p: "p",
    adjusted: "p (Holm)",
    effect: "Taille d'effet",
    anova: "ANOVA à un facteur",
    kruskal: "H de Kruskal–Wallis",
    chart: {
      mean: "Note moyenne et IC à 95 %",
      tip: "{group} : moyenne {mean} (IC à 95 % {low}–{high}), {n} notes",
    },
    takeaway: {
      significant:
        "{best} a la note moyenne la plus haute ({bestMean}) et {worst} la plus basse ({worstMean}) : une différence significative après Holm (ANOVA {p}, η² = {eta} ; Kruskal–Wallis {pk}, ε² = {epsilon}). Les tailles d'effet disent quelle part de la dispersion des notes les groupes expliquent.",
      flat: "{best} a la note moyenne la plus haute ({bestMean}) et {worst} la plus basse ({worstMean}), mais la différence n'est pas significative après Holm (ANOVA {p}, η² = {eta} ; Kruskal–Wallis {pk}, ε² = {epsilon}).",
      none: "Trop peu de notes sur ces années pour comparer les groupes.",
    },
  },
  seasons: {
    title: "Notes par saison",
    question: "Les lecteurs notent-ils différemment selon la saison ?",
    group: "Saison",
    users: "Utilisateurs (toute la période)",
    recipes: "Recettes (toute la période)",
    distinctNote:
      "Utilisateurs et recettes sont des comptes distincts sur toute la période {from}–{to} : un utilisateur actif plusieurs années ne s'additionne pas année par année, ces deux colonnes ne suivent donc pas le choix des années.",
    kpi: {
      label: "Chiffres par saison",
      volume: "Notes",
      cv: "CV des volumes saisonniers",
      ratio: "Rapport volume max / min",
      f: "F de l'ANOVA",
    },
    method:
      "Notes 1 à 5 de toutes les interactions selon la saison de leur date (hiver = décembre–février, décembre dans sa propre année civile). Par saison : notes, moyenne et son intervalle t, écart type, parts de 5★ et de ≤ 2★. ANOVA à un facteur (η², ω²) et Kruskal–Wallis (ε², calculé exactement à partir des comptes de chaque note) entre les quatre saisons ; leurs p sont corrigés par Holm entre les deux tests, et une différence est dite significative quand un p corrigé est inférieur à {alpha}. Avec autant de notes, même de minuscules différences sont significatives : lisez les tailles d'effet.",
  },
  weekdays: {
    title: "Notes en semaine et le week-end",
    question: "Les recettes sont-elles notées différemment le samedi et le dimanche ?",
    group: "Jour",
    mannWhitney: "U de Mann–Whitney (week-end contre semaine), z",
    welch: "t de Welch (week-end contre semaine)",
    takeaway: {
      significant:
        "Les notes du week-end valent en moyenne {weekend} contre {weekday} en semaine ({diff} étoile, d de Cohen = {d}) : une différence significative (Mann–Whitney {p} après Holm, r rang-bisérial = {r}).",
      flat: "Les notes du week-end valent en moyenne {weekend} contre {weekday} en semaine ({diff} étoile, d de Cohen = {d}) : pas de différence significative (Mann–Whitney {p} après Holm, r rang-bisérial = {r}).",
    },
    kpi: {
      label: "Chiffres semaine et week-end",
      weekday: "Note moyenne, lun–ven",
      weekend: "Note moyenne, sam–dim",
      d: "d de Cohen",
      p: "p de Mann–Whitney",
    },
    method:
      "Notes 1 à 5 de toutes les interactions selon le jour ISO de leur date (le jour où le lecteur a noté, pas celui où la recette a été publiée). Par jour : notes, moyenne et son intervalle t, parts. Entre les sept jours : ANOVA et Kruskal–Wallis, corrigés ensemble par Holm. Week-end (samedi, dimanche) contre semaine : U de Mann–Whitney (approximation normale avec corrections d'ex aequo et de continuité, r rang-bisérial) et t de Welch avec d de Cohen (écart type commun), corrigés ensemble par Holm ; significatif en dessous de {alpha}. Les tests de rangs sont exacts : avec six valeurs de note, les comptes fixent tous les rangs.",
  },
  properties: {
    title: "Ce qui est bien noté",
    question: "Les recettes rapides, simples ou d'un certain tag sont-elles mieux notées ?",
    names: {
      minutes: "Temps de préparation",
      complexity: "Complexité",
      ingredients: "Ingrédients",
      tags: "Tags principaux",
    },
    property: "Propriété",
    group: "Groupe",
    minutesFirst: "≤ {to} min",
    minutesBand: "{from}–{to} min",
    complexityFirst: "Q1 (≤ {to})",
    complexityBand: "Q{q} ({from}–{to})",
    complexityLast: "Q{q} (> {from})",
    ingredientsBand: "{n} ingr.",
    diff: "Δ vs reste",
    adjusted: "p (BH)",
    kpi: {
      label: "Chiffres des propriétés",
      rated: "Notes de recettes présentes",
      significant: "Groupes ≠ reste (BH)",
      etaMinutes: "η², tranches de temps",
      etaComplexity: "η², tranches de complexité",
    },
    takeaway: {
      some: "{significant} groupes sur {tested} diffèrent des notes de toutes les autres recettes après BH. Le mieux noté : {best} ({bestMean}, {bestDiff} par rapport au reste) ; le moins bien : {worst} ({worstMean}, {worstDiff}). Le plus grand d de Cohen vaut {d} : à lire avant de parler d'un grand écart.",
      none: "Trop peu de notes sur ces années pour comparer les propriétés des recettes.",
    },
    method:
      "Notes 1 à 5 des interactions dont la recette figure dans les données (une recette écartée n'a pas de propriétés), groupées selon une propriété de la recette notée. Temps de préparation en tranches fixes ≤ 15, 16–30, 31–60, 61–120, 121–180 minutes : 15, 30 et 60 sont les tags de durée de Food.com, 180 la borne du nettoyage, 120 coupe la longue traîne. Complexité (ln(1 + minutes) + étapes + 0,5 × ingrédients) en quintiles des scores des recettes (chaque tranche contient un cinquième des recettes, pas des notes) ; bornes tirées des données. Ingrédients : chaque nombre retenu par le nettoyage. Tags : les {tags} tags les plus notés, hors tags structurels ; une recette a plusieurs tags, les groupes se recouvrent donc. Par groupe : moyenne et son intervalle t (notes supposées indépendantes). Chaque groupe contre les notes de toutes les autres recettes : t de Welch avec d de Cohen, p ajustées par Benjamini–Hochberg au sein de chaque propriété ; significatif en dessous de {alpha}. Les tranches et les nombres d'ingrédients partagent les notes : une ANOVA (η²) entre eux est aussi donnée ; pas pour les tags, qui se recouvrent.",
  },
};
