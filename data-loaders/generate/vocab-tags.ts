// The Food.com tag vocabulary (about 500 tags): the fixed hierarchy every recipe carries
// (time-to-make, course, main-ingredient, preparation…), the cuisine tree, dietary and occasion
// tags, and a long tail drawn with Zipf weights. Tag choice itself is in recipe-tags.ts.

/** Time tags, tightest first, with the largest number of minutes each allows. */
export const TIME_TAGS: readonly [string, number][] = [
  ["15-minutes-or-less", 15],
  ["30-minutes-or-less", 30],
  ["60-minutes-or-less", 60],
  ["4-hours-or-less", 240],
];

/** Cuisine regions and their countries or styles, with relative weights. */
export const CUISINES: Record<string, { weight: number; styles: [string, number][] }> = {
  "north-american": {
    weight: 55,
    styles: [
      ["american", 40], ["southern-united-states", 10], ["canadian", 7], ["southwestern-united-states", 6],
      ["tex-mex", 4], ["cajun", 4], ["midwestern", 3], ["californian", 3], ["northeastern-united-states", 3],
      ["creole", 2], ["hawaiian", 2], ["pacific-northwest", 2], ["amish-mennonite", 1.5],
      ["pennsylvania-dutch", 1], ["soul", 1], ["native-american", 0.6], ["quebec", 0.6], ["ontario", 0.4],
      ["british-columbian", 0.3], ["baja", 0.3], ["puerto-rican", 0.4], ["navajo", 0.1], ["nova-scotia", 0.1],
      ["manitoba", 0.05], ["saskatchewan", 0.05], ["alberta", 0.1], ["new-brunswick", 0.05],
      ["prince-edward-island", 0.05], ["newfoundland", 0.05], ["northwest-territories", 0.02],
    ],
  },
  european: {
    weight: 28,
    styles: [
      ["italian", 35], ["french", 12], ["greek", 9], ["german", 7], ["english", 6], ["irish", 4],
      ["spanish", 4], ["scottish", 2], ["polish", 2], ["hungarian", 1.5], ["russian", 1.5],
      ["swedish", 1.2], ["scandinavian", 1.2], ["portuguese", 1.2], ["dutch", 1], ["swiss", 1],
      ["austrian", 1], ["danish", 0.8], ["norwegian", 0.8], ["finnish", 0.6], ["belgian", 0.6],
      ["welsh", 0.5], ["czech", 0.5], ["georgian", 0.2], ["icelandic", 0.1], ["british", 0.5],
    ],
  },
  asian: {
    weight: 12,
    styles: [
      ["chinese", 30], ["indian", 20], ["thai", 14], ["japanese", 12], ["korean", 5], ["vietnamese", 5],
      ["filipino", 3], ["indonesian", 2], ["malaysian", 2], ["szechuan", 1.5], ["pakistani", 1],
      ["cantonese", 0.8], ["hunan", 0.5], ["nepalese", 0.4], ["mongolian", 0.4], ["cambodian", 0.3],
      ["laotian", 0.2], ["beijing", 0.2], ["chinese-new-year", 0.3], ["sri-lankan", 0.2],
    ],
  },
  "middle-eastern": {
    weight: 2.5,
    styles: [
      ["lebanese", 4], ["turkish", 4], ["iranian-persian", 3], ["israeli", 2], ["iraqi", 1],
      ["palestinian", 1], ["saudi-arabian", 0.5], ["jordanian", 0.3], ["syrian", 0.4],
    ],
  },
  african: {
    weight: 1.5,
    styles: [
      ["moroccan", 5], ["south-african", 2], ["ethiopian", 2], ["egyptian", 2], ["nigerian", 1],
      ["sudanese", 0.4], ["somalian", 0.4], ["angolan", 0.3], ["congolese", 0.3], ["libyan", 0.3],
      ["tunisian", 0.4], ["kenyan", 0.3], ["ghanaian", 0.3],
    ],
  },
  "south-american": {
    weight: 1.2,
    styles: [
      ["brazilian", 4], ["argentine", 2], ["peruvian", 2], ["chilean", 1.5], ["colombian", 1.2],
      ["venezuelan", 1], ["ecuadorean", 0.6], ["uruguayan", 0.2],
    ],
  },
  caribbean: { weight: 1.2, styles: [["cuban", 3], ["jamaican", 3], ["puerto-rican", 2], ["dominican", 0.8], ["haitian", 0.4], ["trinidadian", 0.3]] },
  "central-american": { weight: 0.4, styles: [["guatemalan", 2], ["costa-rican", 2], ["honduran", 1], ["salvadorian", 1], ["nicaraguan", 0.5], ["panamanian", 0.5]] },
  "australian-and-new-zealand": { weight: 1, styles: [["australian", 5], ["new-zealand", 2], ["polynesian", 0.6], ["micro-melanesia", 0.2]] },
};

/**
 * Tags that carry no structure, drawn at random with Zipf weights (the order below is rank):
 * techniques, moods, equipment, dish shapes, occasions and oddities.
 */
export const LONG_TAIL_TAGS: readonly string[] = [
  "equipment", "taste-mood", "number-of-servings", "oven", "beginner-cook", "inexpensive",
  "one-dish-meal", "kid-friendly", "stove-top", "comfort-food", "sweet", "savory", "for-large-groups",
  "for-1-or-2", "presentation", "served-hot", "served-cold", "small-appliance", "technique",
  "to-go", "spicy", "potluck", "from-scratch", "brunch", "picnic", "weeknight", "dinner-party",
  "romantic", "food-processor-blender", "refrigerator", "novelty", "heirloom-historical",
  "oamc-freezer-make-ahead", "freezer", "microwave", "no-cook", "mixer", "crock-pot-slow-cooker",
  "camping", "tailgating", "gifts", "toddler-friendly", "infant-baby-friendly", "college",
  "independence-day", "super-bowl", "birthday", "wedding", "baby-shower", "broil", "stir-fry",
  "pan-fry", "deep-fry", "roast", "steam", "simmer", "saute", "baking", "marinating",
  "bread-machine", "dehydrator", "pressure-cooker", "rice-cooker", "ice-cream", "canning",
  "smoker", "double-boiler", "toaster-oven", "water-bath", "blender", "cookie-cutter",
  "pasta-maker", "ramekins", "waffle-iron", "fondue", "wok", "cast-iron-skillet", "dutch-oven",
  "muffin-tin", "bundt-pan", "springform-pan", "sheet-pan", "slow-cooker-friendly", "cooking-mixes",
  "copycat", "restaurant", "high-in-something", "free-of-something", "nut-free", "egg-free",
  "dairy-free", "wheat-free", "lactose", "kosher", "halal", "paleo", "whole30", "keto", "raw",
  "sourdough", "fermentation", "grains", "oatmeal", "brown-rice", "wild-rice", "polenta-and-grits",
  "quinoa", "couscous", "barley", "lentils", "black-beans", "kidney-beans", "white-beans",
  "chick-peas-garbanzos", "pinto-beans", "soy-tofu", "tempeh", "seitan", "nuts", "peanut-butter",
  "coconut", "chocolate", "white-chocolate", "caramel", "toffee", "marshmallows", "sprinkles",
  "cinnamon-rolls", "donuts", "scones", "biscotti", "macaroons", "meringue", "fudge", "truffles",
  "lollipops", "gelatin", "jello-shots", "trifles", "custards", "mousses", "souffles", "crepes",
  "dumplings", "pot-pie", "quiche", "frittatas", "omelets", "meatballs", "meatloaf", "burgers",
  "hot-dogs", "ribs", "wings", "kebabs", "fajitas", "tacos", "burritos", "enchiladas", "nachos",
  "quesadillas", "tamales", "empanadas", "spring-rolls", "sushi", "curries", "risotto", "paella",
  "gumbo", "jambalaya", "chowders", "bisques", "gazpacho", "ramen", "pho", "stroganoff",
  "casseroles", "lasagna", "macaroni-and-cheese", "spaghetti", "pizza", "calzones", "flatbread",
  "focaccia", "bagels", "pretzels", "crackers", "croutons", "stuffings-dressings", "gravies",
  "stocks", "glazes", "frostings", "icings", "fillings", "toppings", "syrups", "butters",
  "infused-oils", "vinegars", "herb-and-spice-mixes", "rubs", "brines", "marinades-and-rubs",
  "pickles", "relishes", "chutneys", "ketchups", "mustards", "salsas", "pestos", "hummus",
  "guacamole", "dips-lunch-snacks", "finger-food", "party-food", "hors-d-oeuvres", "tapas",
  "antipasto", "mezze", "bruschetta", "crostini", "deviled-eggs", "cheese-balls", "spreads",
  "pates", "terrines", "smoothies", "shakes", "punch", "lemonade", "iced-tea", "hot-chocolate",
  "coffee", "tea", "cocktails", "martinis", "margaritas", "sangria", "mocktails", "liqueurs",
  "eggnog", "cider", "wine", "beer", "st-patricks-day", "irish-st-patricks-day", "easter",
  "halloween", "halloween-cakes", "halloween-cocktails", "valentines-day", "mothers-day",
  "fathers-day", "new-years", "hanukkah", "passover", "ramadan", "rosh-hashana", "kwanzaa",
  "cinco-de-mayo", "mardi-gras-carnival", "memorial-day", "labor-day", "april-fools-day",
  "oktoberfest", "chinese-new-year", "diwali", "purim", "ramadan-eid", "bastille-day",
  "australia-day", "canada-day", "boxing-day", "pool-party", "bbq-party", "game-day",
  "movie-night", "sleepover", "housewarming", "retirement", "graduation", "bridal-shower",
  "funerals", "bake-sale", "lunchbox", "after-school-snack", "brown-bag", "camping-food",
  "ww-points", "weight-watchers", "south-beach-diet", "atkins", "zwt", "zaar-world-tour",
  "recipe-swap", "cookbook-challenge", "photo-tag", "pac", "nrg", "1-day-or-more",
  "less-than-10-ingredients", "thirty-minutes-or-less", "make-ahead", "leftovers",
  "budget", "dollar-stretcher", "fancy", "elegant", "rustic", "vintage", "grandmas-recipes",
  "family-recipes", "heritage", "scandinavian-christmas", "mexican-christmas", "christmas-cookies",
  "christmas-candy", "thanksgiving-sides", "thanksgiving-desserts", "easter-brunch",
  "summer-salads", "winter-soups", "fall-baking", "spring-vegetables", "garden-fresh",
  "farmers-market", "local", "organic", "sustainable", "foraged", "game", "duck", "goose",
  "rabbit", "quail", "venison", "elk", "bison", "ostrich", "frog-legs", "octopus", "squid",
  "eel", "snails", "offal", "liver", "tongue", "oxtail", "bone-marrow", "collard-greens",
  "kale", "swiss-chard", "beets", "turnips", "parsnips", "rutabaga", "leeks", "fennel",
  "artichoke", "okra", "plantains", "jicama", "tomatillos", "chiles", "chipotle", "jalapeno",
  "habanero", "ginger", "garlic", "lemongrass", "basil", "cilantro", "mint", "rosemary", "thyme",
  "sage", "dill", "saffron", "vanilla", "cinnamon", "nutmeg", "cardamom", "maple", "honey",
  "molasses", "agave", "stevia", "sugar-free", "very-low-carbs", "low-glycemic", "high-fiber",
  "high-calcium", "high-iron", "heart-healthy", "gluten-free", "vegan", "diabetic", "low-protein",
];

/** Dietary tags and the nutrition rule that grants each (see recipe-tags.ts). */
export const DIETARY_TAGS = [
  "low-sodium",
  "low-carb",
  "low-cholesterol",
  "low-calorie",
  "low-saturated-fat",
  "low-fat",
  "healthy",
  "high-protein",
  "vegetarian",
  "vegan",
  "gluten-free",
  "diabetic",
  "healthy-2",
  "high-in-something",
] as const;

/** Course and main-ingredient children the dishes may use (listed to keep the vocabulary in one place). */
export const COURSE_TAGS: readonly string[] = [
  "main-dish", "side-dishes", "desserts", "appetizers", "breakfast", "lunch", "snacks", "beverages",
  "breads", "salads", "soups-stews", "sauces", "condiments-etc", "dips", "salad-dressings",
  "cookies-and-brownies", "cakes", "pies-and-tarts", "pies", "tarts", "puddings-and-mousses",
  "frozen-desserts", "candy", "bar-cookies", "drop-cookies", "rolled-cookies", "brownies",
  "cheesecake", "cupcakes", "coffee-cakes", "cobblers-and-crisps", "muffins", "quick-breads",
  "yeast", "rolls-biscuits", "pancakes-and-waffles", "sandwiches", "wraps", "pizza", "pasta",
  "savory-pies", "stews", "soups", "chili", "clear-soups", "jams-and-preserves", "salad-dressings",
  "pasta-salad", "potato-salad", "fruit-salad", "green-salad", "egg-salad", "tuna-salad",
];

export const MAIN_INGREDIENT_TAGS: readonly string[] = [
  "vegetables", "meat", "poultry", "chicken", "beef", "pork", "fruit", "pasta-rice-and-grains",
  "eggs-dairy", "seafood", "fish", "shellfish", "beans", "cheese", "potatoes", "rice", "apples",
  "berries", "citrus", "lemon", "lime", "oranges", "strawberries", "bananas", "peaches",
  "pineapple", "tropical-fruit", "squash", "carrots", "corn", "mushrooms", "spinach", "broccoli",
  "peppers", "greens", "lettuces", "ground-beef", "steak", "turkey", "chicken-breasts",
  "chicken-thighs-legs", "whole-chicken", "shrimp", "salmon", "tuna", "crab", "lobster", "scallops",
  "clams", "mussels", "oysters", "ham", "bacon", "sausage", "lamb-sheep", "veal", "pumpkin",
  "sweet-potatoes", "eggplant", "zucchini", "asparagus", "cauliflower", "cabbage", "green-beans",
  "peas", "onions", "tomatoes", "cucumber", "cherries", "blueberries", "raspberries", "melons",
  "mango", "pears", "plums", "grapes", "kiwifruit", "avocado", "cranberry-sauce", "eggs",
  "tilapia", "cod", "halibut", "catfish", "trout", "bass", "sole-and-flounder", "pork-chops",
  "pork-loins", "pork-ribs", "roast", "brisket", "stew", "pasta-shells", "penne", "spaghetti",
  "lasagne", "macaroni", "fettuccine", "linguine", "rigatoni", "long-grain-rice", "short-grain-rice",
];
