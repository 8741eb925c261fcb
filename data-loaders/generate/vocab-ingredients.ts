// The ingredient vocabulary: a few hundred base ingredients by category (in rough order of
// popularity), expanded with the modifiers Food.com users write ("fresh", "low-fat", "boneless
// skinless"…) into several thousand distinct strings with Zipf-like weights. Built once,
// deterministically: it does not depend on the seed.

export type IngredientCategory =
  | "veg"
  | "fruit"
  | "herb"
  | "spice"
  | "dairy"
  | "cheese"
  | "meat"
  | "poultry"
  | "seafood"
  | "baking"
  | "sweet"
  | "nut"
  | "grain"
  | "bread"
  | "oil"
  | "liquid"
  | "sauce"
  | "alcohol"
  | "brand";

interface CategorySpec {
  /** Share of the global "any ingredient" draws. */
  weight: number;
  bases: string[];
  /** Prefixes and how often each is used relative to the bare base. */
  modifiers: [string, number][];
}

const CATEGORIES: Record<IngredientCategory, CategorySpec> = {
  veg: {
    weight: 18,
    bases: [
      "onion", "garlic cloves", "carrots", "celery", "tomatoes", "potatoes", "garlic clove", "green onions", "zucchini", "mushrooms",
      "red onion", "green bell pepper", "red bell pepper", "spinach", "broccoli", "shallots", "corn",
      "cucumber", "green beans", "frozen peas", "cabbage", "jalapeno pepper", "cherry tomatoes",
      "yellow onion", "avocado", "scallions", "onions", "garlic", "lettuce", "cauliflower",
      "sweet potatoes", "eggplant", "asparagus", "leeks", "kale", "romaine lettuce", "red potatoes",
      "yellow squash", "butternut squash", "green chilies", "black olives", "kalamata olives",
      "artichoke hearts", "sun-dried tomatoes", "roasted red peppers", "capers", "bean sprouts",
      "snow peas", "water chestnuts", "bok choy", "brussels sprouts", "beets", "radishes", "parsnips",
      "turnips", "poblano pepper", "serrano pepper", "chipotle chiles in adobo", "yellow bell pepper",
      "orange bell pepper", "russet potatoes", "yukon gold potatoes", "new potatoes", "plum tomatoes",
      "roma tomatoes", "grape tomatoes", "baby spinach", "arugula", "mixed greens", "iceberg lettuce",
      "swiss chard", "collard greens", "portabella mushrooms", "shiitake mushrooms", "button mushrooms",
      "cremini mushrooms", "fennel bulb", "okra", "sugar snap peas", "bamboo shoots", "napa cabbage",
      "red cabbage", "spaghetti squash", "acorn squash", "pumpkin", "jicama", "tomatillos", "edamame",
      "lima beans", "pearl onions", "vidalia onion", "sweet onion", "white onion", "green olives",
      "pimientos", "sauerkraut", "dill pickles", "sweet pickle relish", "hash browns",
      "frozen mixed vegetables", "creamed corn", "hominy", "hearts of palm", "watercress", "endive",
      "radicchio", "celery root", "rutabaga", "kohlrabi", "banana peppers", "habanero pepper",
      "anaheim chilies", "wax beans", "chayote", "daikon radish", "frozen broccoli",
      "frozen chopped spinach", "coleslaw mix", "stir-fry vegetables", "pickled jalapenos", "peas",
      "escarole", "cucumbers", "green tomatoes", "pickling cucumbers", "mashed potatoes",
    ],
    modifiers: [
      ["fresh", 0.25], ["chopped", 0.12], ["frozen", 0.1], ["diced", 0.08], ["sliced", 0.07],
      ["canned", 0.06], ["large", 0.06], ["small", 0.05], ["baby", 0.04], ["minced", 0.03],
      ["medium", 0.05], ["shredded", 0.03], ["cooked", 0.03], ["roasted", 0.02], ["organic", 0.015],
      ["grated", 0.015], ["finely chopped", 0.015], ["thinly sliced", 0.012], ["steamed", 0.008],
      ["raw", 0.006], ["pickled", 0.004],
    ],
  },
  fruit: {
    weight: 7,
    bases: [
      "lemon", "bananas", "strawberries", "apples", "raisins", "lime", "blueberries", "orange",
      "pineapple", "cranberries", "coconut", "dried cranberries", "peaches", "raspberries",
      "granny smith apples", "pears", "cherries", "mango", "lemons", "oranges", "blackberries",
      "mandarin oranges", "crushed pineapple", "applesauce", "dates", "dried apricots", "golden raisins",
      "pumpkin puree", "maraschino cherries", "kiwi fruits", "grapes", "watermelon", "cantaloupe",
      "plums", "apricots", "nectarines", "grapefruit", "rhubarb", "figs", "pomegranate seeds",
      "currants", "prunes", "dried cherries", "honeydew melon", "papaya", "tangerines", "limes",
      "cranberry sauce", "mixed berries", "persimmons", "sour cherries", "quinces", "dried figs",
      "tart apples", "red apples", "fuji apples", "mangoes", "frozen blueberries", "frozen strawberries",
      "sweetened flaked coconut", "shredded coconut", "pie cherries", "canned peaches", "flaked coconut",
      "pineapple chunks",
    ],
    modifiers: [
      ["fresh", 0.3], ["frozen", 0.12], ["ripe", 0.08], ["dried", 0.06], ["sliced", 0.05],
      ["chopped", 0.05], ["canned", 0.04], ["diced", 0.03], ["large", 0.04], ["mashed", 0.02],
      ["unsweetened", 0.02], ["sweetened", 0.015], ["peeled", 0.02], ["organic", 0.01],
      ["halved", 0.01], ["pitted", 0.01],
    ],
  },
  herb: {
    weight: 6,
    bases: [
      "parsley", "fresh parsley", "cilantro", "basil", "fresh basil", "dried oregano", "dried thyme",
      "fresh cilantro", "oregano", "thyme", "dried basil", "bay leaf", "rosemary", "fresh thyme",
      "fresh rosemary", "dill", "fresh dill", "mint", "fresh mint", "chives", "fresh chives",
      "sage", "fresh sage", "dried parsley", "dried rosemary", "tarragon", "marjoram", "bay leaves",
      "fresh ginger", "gingerroot", "lemongrass", "fresh oregano", "flat leaf parsley", "dill weed",
      "italian parsley", "dried dill", "fresh tarragon", "kaffir lime leaves", "thai basil",
      "dried sage", "rubbed sage", "fresh italian parsley", "dried marjoram", "dried tarragon",
      "dried chives", "fresh basil leaves", "mint leaves", "cilantro leaves", "epazote", "lovage",
    ],
    modifiers: [
      ["fresh", 0.2], ["chopped fresh", 0.15], ["dried", 0.12], ["fresh minced", 0.04],
      ["chopped", 0.06], ["minced", 0.04], ["dried crushed", 0.03], ["finely chopped", 0.02],
      ["whole", 0.01], ["sprigs", 0.01],
    ],
  },
  spice: {
    weight: 10,
    bases: [
      "salt", "pepper", "black pepper", "cinnamon", "garlic powder", "paprika", "chili powder",
      "ground cumin", "cayenne pepper", "nutmeg", "ground cinnamon", "kosher salt", "onion powder",
      "red pepper flakes", "ground ginger", "cumin", "ground nutmeg", "dry mustard", "ginger",
      "italian seasoning", "fresh ground black pepper", "ground black pepper", "ground cloves",
      "allspice", "curry powder", "salt and pepper", "turmeric", "ground coriander", "sea salt",
      "white pepper", "smoked paprika", "cumin seed", "seasoning salt", "garlic salt", "celery seed",
      "cajun seasoning", "crushed red pepper flakes", "ground allspice", "garam masala", "cloves",
      "cardamom", "poultry seasoning", "coriander", "pumpkin pie spice", "taco seasoning", "mustard seeds",
      "fennel seed", "caraway seed", "lemon pepper", "creole seasoning", "old bay seasoning",
      "onion salt", "celery salt", "ground cardamom", "five-spice powder", "chinese five spice powder",
      "herbes de provence", "apple pie spice", "saffron", "star anise", "whole cloves", "black peppercorns",
      "peppercorns", "ground turmeric", "chipotle chile powder", "ancho chile powder", "ground red pepper",
      "coarse salt", "table salt", "mexican seasoning", "mixed spice", "steak seasoning",
      "montreal steak seasoning", "jerk seasoning", "greek seasoning", "adobo seasoning", "sumac",
      "za'atar", "cinnamon sticks", "whole nutmeg", "mace", "ground savory", "fenugreek seeds",
      "asafoetida powder", "vanilla bean", "cream of tartar", "msg", "ranch dressing mix",
      "dry onion soup mix", "dry italian salad dressing mix", "chili seasoning mix", "curry paste",
      "szechuan peppercorns",
    ],
    modifiers: [
      ["ground", 0.1], ["fresh ground", 0.03], ["dried", 0.03], ["whole", 0.03], ["crushed", 0.03],
      ["smoked", 0.01], ["hot", 0.01], ["mild", 0.008], ["coarse", 0.01], ["freshly grated", 0.01],
    ],
  },
  dairy: {
    weight: 9,
    bases: [
      "butter", "eggs", "milk", "sour cream", "egg", "cream cheese", "heavy cream", "buttermilk",
      "unsalted butter", "half-and-half", "egg whites", "egg yolks", "large eggs", "cream",
      "whipping cream", "heavy whipping cream", "plain yogurt", "skim milk", "evaporated milk",
      "sweetened condensed milk", "margarine", "cool whip", "whole milk", "greek yogurt",
      "vanilla yogurt", "low-fat milk", "egg substitute", "egg yolk", "egg white", "whipped cream",
      "vanilla ice cream", "frozen whipped topping", "dry milk powder", "nonfat dry milk powder",
      "2% low-fat milk", "soymilk", "almond milk", "creme fraiche", "plain nonfat yogurt",
      "light sour cream", "fat-free sour cream", "light cream cheese", "neufchatel cheese",
      "ghee", "clarified butter", "salted butter", "butter flavored crisco", "frozen yogurt",
      "chocolate ice cream", "hard-boiled eggs", "eggnog", "chocolate milk", "kefir",
    ],
    modifiers: [
      ["low-fat", 0.08], ["fat-free", 0.05], ["light", 0.05], ["softened", 0.05], ["cold", 0.03],
      ["melted", 0.03], ["nonfat", 0.02], ["reduced-fat", 0.03], ["organic", 0.01], ["warm", 0.01],
      ["room temperature", 0.01], ["beaten", 0.02],
    ],
  },
  cheese: {
    weight: 6,
    bases: [
      "parmesan cheese", "cheddar cheese", "mozzarella cheese", "shredded cheddar cheese",
      "cheese", "feta cheese", "swiss cheese", "monterey jack cheese", "sharp cheddar cheese",
      "shredded mozzarella cheese", "ricotta cheese", "cottage cheese", "parmesan", "goat cheese",
      "blue cheese", "romano cheese", "provolone cheese", "velveeta cheese", "american cheese",
      "pepper jack cheese", "colby-monterey jack cheese", "mexican blend cheese", "gruyere cheese",
      "italian cheese blend", "mascarpone cheese", "asiago cheese", "fontina cheese", "brie cheese",
      "gorgonzola", "parmigiano-reggiano cheese", "havarti cheese", "colby cheese", "queso fresco",
      "pecorino romano cheese", "muenster cheese", "smoked gouda cheese", "gouda cheese",
      "monterey jack pepper cheese", "processed cheese", "string cheese", "cheese sauce",
      "mild cheddar cheese", "white cheddar cheese", "jarlsberg cheese", "manchego cheese",
      "paneer", "halloumi cheese", "cotija cheese", "boursin cheese", "camembert cheese",
    ],
    modifiers: [
      ["shredded", 0.12], ["grated", 0.1], ["low-fat", 0.05], ["crumbled", 0.05], ["fresh", 0.04],
      ["sliced", 0.04], ["reduced-fat", 0.04], ["fat-free", 0.03], ["part-skim", 0.02], ["cubed", 0.02],
      ["light", 0.02], ["freshly grated", 0.02], ["extra-sharp", 0.01], ["aged", 0.01],
    ],
  },
  meat: {
    weight: 6,
    bases: [
      "ground beef", "bacon", "ham", "lean ground beef", "italian sausage", "pork chops",
      "pork tenderloin", "sausage", "beef stew meat", "smoked sausage", "chuck roast", "flank steak",
      "sirloin steak", "ground pork", "kielbasa", "pepperoni", "pork loin", "beef broth",
      "round steak", "pork shoulder", "boneless pork chops", "pancetta", "prosciutto", "chorizo sausage",
      "breakfast sausage", "hot dogs", "salami", "beef tenderloin", "rib eye steaks", "brisket",
      "short ribs", "pork ribs", "baby back ribs", "spareribs", "ground lamb", "lamb chops",
      "leg of lamb", "veal cutlets", "ground veal", "venison", "cooked ham", "ham steak", "turkey bacon",
      "canadian bacon", "corned beef", "roast beef", "deli ham", "bratwursts", "andouille sausage",
      "pork roast", "beef roast", "top sirloin steak", "skirt steak", "stew beef", "bacon bits",
      "smoked ham hock", "pork sausage", "hot italian sausage", "sweet italian sausage", "meatballs",
      "lamb shanks", "beef short ribs", "t-bone steaks", "new york strip steaks", "tri-tip roast",
      "pulled pork",
    ],
    modifiers: [
      ["lean", 0.06], ["cooked", 0.06], ["extra lean", 0.03], ["thinly sliced", 0.03], ["cubed", 0.03],
      ["diced", 0.03], ["boneless", 0.03], ["thick-cut", 0.02], ["smoked", 0.02], ["fully cooked", 0.015],
      ["chopped", 0.02], ["crumbled", 0.015], ["ground", 0.01], ["frozen", 0.01],
    ],
  },
  poultry: {
    weight: 5,
    bases: [
      "boneless skinless chicken breasts", "chicken breasts", "chicken", "boneless skinless chicken breast",
      "cooked chicken", "chicken thighs", "ground turkey", "chicken breast", "chicken breast halves",
      "boneless skinless chicken thighs", "chicken wings", "whole chicken", "chicken tenders",
      "chicken drumsticks", "turkey", "cooked turkey", "turkey breast", "ground chicken",
      "chicken pieces", "chicken legs", "roasting chicken", "cornish game hens", "duck breasts",
      "whole turkey", "smoked turkey", "deli turkey", "chicken livers", "chicken tenderloins",
      "rotisserie chicken", "cooked chicken breasts", "turkey sausage", "chicken sausage", "duck",
    ],
    modifiers: [
      ["cooked", 0.06], ["boneless", 0.04], ["skinless", 0.03], ["cubed", 0.03], ["shredded", 0.03],
      ["diced", 0.03], ["frozen", 0.02], ["fresh", 0.02], ["lean", 0.02], ["roasted", 0.015],
      ["grilled", 0.01], ["chopped", 0.02],
    ],
  },
  seafood: {
    weight: 3,
    bases: [
      "shrimp", "salmon fillets", "tuna", "crabmeat", "large shrimp", "tilapia fillets", "scallops",
      "cod fillets", "salmon", "halibut fillets", "cooked shrimp", "canned tuna", "white fish fillets",
      "clams", "mussels", "lobster tails", "catfish fillets", "smoked salmon", "anchovy fillets",
      "tuna steaks", "swordfish steaks", "imitation crabmeat", "sea scallops", "orange roughy fillets",
      "trout fillets", "mahi mahi fillets", "oysters", "squid", "sardines", "red snapper fillets",
      "sea bass fillets", "lump crabmeat", "baby shrimp", "tiger shrimp", "canned salmon", "crab legs",
      "flounder fillets", "haddock fillets", "littleneck clams", "bay scallops", "fish fillets",
    ],
    modifiers: [
      ["fresh", 0.08], ["frozen", 0.06], ["cooked", 0.05], ["raw", 0.03], ["canned", 0.03],
      ["peeled and deveined", 0.04], ["smoked", 0.015], ["skinless", 0.02], ["wild", 0.01],
      ["drained", 0.02], ["flaked", 0.02],
    ],
  },
  baking: {
    weight: 8,
    bases: [
      "flour", "all-purpose flour", "baking powder", "baking soda", "vanilla", "vanilla extract",
      "cornstarch", "shortening", "cocoa", "semi-sweet chocolate chips", "chocolate chips",
      "unsweetened cocoa powder", "whole wheat flour", "yeast", "active dry yeast", "almond extract",
      "bread flour", "cake flour", "self-rising flour", "cornmeal", "yellow cornmeal",
      "pure vanilla extract", "unflavored gelatin", "graham cracker crumbs", "miniature marshmallows",
      "marshmallows", "white chocolate chips", "milk chocolate chips", "bittersweet chocolate",
      "unsweetened chocolate", "semisweet chocolate", "dark chocolate", "butterscotch chips",
      "peanut butter chips", "instant vanilla pudding mix", "instant chocolate pudding mix",
      "yellow cake mix", "white cake mix", "chocolate cake mix", "devil's food cake mix", "brownie mix",
      "pie crust", "frozen pie crust", "pastry for single-crust pie", "puff pastry", "phyllo dough",
      "refrigerated crescent dinner rolls", "refrigerated biscuits", "pizza dough", "bisquick",
      "biscuit mix", "lemon extract", "peppermint extract", "coconut extract", "rum extract",
      "maple extract", "food coloring", "red food coloring", "sprinkles", "colored sugar",
      "instant yeast", "rapid rise yeast", "graham crackers", "vanilla wafers", "oreo cookies",
      "chocolate wafer cookies", "gingersnap cookies", "jell-o gelatin", "lemon jell-o",
      "strawberry jell-o", "cherry pie filling", "apple pie filling", "blueberry pie filling",
      "crisco", "lard", "tapioca", "quick-cooking tapioca", "arrowroot", "wheat germ", "oat bran",
      "vital wheat gluten", "cake mix", "angel food cake mix", "spice cake mix", "corn muffin mix",
      "toffee bits", "candied ginger", "candied cherries", "chocolate syrup", "caramels",
      "hershey's kisses", "m&m's", "chocolate sandwich cookies", "cinnamon chips",
      "german sweet chocolate", "candy corn", "pectin", "hot chocolate mix", "sourdough starter",
    ],
    modifiers: [
      ["unbleached", 0.02], ["sifted", 0.02], ["organic", 0.01], ["melted", 0.02], ["chopped", 0.02],
      ["mini", 0.02], ["dutch-processed", 0.005], ["pure", 0.01], ["imitation", 0.008],
    ],
  },
  sweet: {
    weight: 6,
    bases: [
      "sugar", "brown sugar", "honey", "powdered sugar", "granulated sugar", "white sugar",
      "light brown sugar", "maple syrup", "molasses", "dark brown sugar", "confectioners' sugar",
      "corn syrup", "light corn syrup", "splenda sugar substitute", "agave nectar", "raw sugar",
      "superfine sugar", "icing sugar", "caster sugar", "coconut sugar", "turbinado sugar",
      "dark corn syrup", "golden syrup", "pancake syrup", "sugar substitute", "stevia",
      "strawberry jam", "apricot preserves", "raspberry jam", "grape jelly", "orange marmalade",
      "seedless raspberry jam", "apple jelly", "red pepper jelly", "caramel ice cream topping",
      "hot fudge sauce", "nutella", "cinnamon sugar", "vanilla sugar", "pure maple syrup",
    ],
    modifiers: [
      ["packed", 0.06], ["sifted", 0.03], ["organic", 0.01], ["raw", 0.01], ["light", 0.01],
    ],
  },
  nut: {
    weight: 3,
    bases: [
      "walnuts", "pecans", "almonds", "peanut butter", "slivered almonds", "sliced almonds",
      "peanuts", "sesame seeds", "pine nuts", "cashews", "creamy peanut butter", "pecan halves",
      "sunflower seeds", "pistachios", "hazelnuts", "macadamia nuts", "chunky peanut butter",
      "flax seed", "pumpkin seeds", "poppy seeds", "almond butter", "chia seeds", "mixed nuts",
      "dry roasted peanuts", "toasted sesame seeds", "black sesame seeds", "tahini", "almond meal",
      "hemp seeds", "brazil nuts", "chestnuts",
    ],
    modifiers: [
      ["chopped", 0.25], ["toasted", 0.08], ["finely chopped", 0.04], ["roasted", 0.04],
      ["unsalted", 0.03], ["salted", 0.02], ["ground", 0.02], ["coarsely chopped", 0.03],
      ["raw", 0.02], ["natural", 0.01], ["blanched", 0.01],
    ],
  },
  grain: {
    weight: 5,
    bases: [
      "rice", "rolled oats", "long-grain rice", "spaghetti", "brown rice", "elbow macaroni",
      "egg noodles", "penne pasta", "pasta", "white rice", "quick-cooking oats", "lasagna noodles",
      "linguine", "fettuccine", "quinoa", "couscous", "instant rice", "basmati rice", "jasmine rice",
      "arborio rice", "wild rice", "orzo pasta", "bow tie pasta", "rotini pasta", "angel hair pasta",
      "rice noodles", "ramen noodles", "cheese tortellini", "ravioli", "bulgur", "pearl barley",
      "old-fashioned oats", "grits", "polenta", "shell pasta", "ziti pasta", "rigatoni pasta",
      "whole wheat pasta", "soba noodles", "udon noodles", "lentils", "red lentils", "black beans",
      "kidney beans", "chickpeas", "pinto beans", "great northern beans", "cannellini beans",
      "navy beans", "refried beans", "baked beans", "garbanzo beans", "split peas", "black-eyed peas",
      "butter beans", "white beans", "tofu", "firm tofu", "silken tofu", "tempeh", "granola",
      "corn flakes", "rice krispies", "cheerios", "millet", "farro", "wheat berries", "cream of wheat",
      "corn chex", "popcorn",
    ],
    modifiers: [
      ["cooked", 0.12], ["uncooked", 0.08], ["dry", 0.05], ["canned", 0.05], ["rinsed and drained", 0.04],
      ["whole wheat", 0.03], ["instant", 0.02], ["dried", 0.02], ["hot cooked", 0.03], ["extra firm", 0.01],
    ],
  },
  bread: {
    weight: 3,
    bases: [
      "flour tortillas", "bread crumbs", "corn tortillas", "french bread", "bread", "white bread",
      "panko breadcrumbs", "tortilla chips", "hamburger buns", "dry bread crumbs", "croutons",
      "italian bread", "sourdough bread", "pita bread", "english muffins", "saltine crackers",
      "ritz crackers", "crackers", "stuffing mix", "whole wheat bread", "bagels", "hot dog buns",
      "italian seasoned breadcrumbs", "seasoned bread crumbs", "cornbread", "baguette", "rye bread",
      "dinner rolls", "hoagie rolls", "kaiser rolls", "croissants", "naan bread", "taco shells",
      "wonton wrappers", "egg roll wrappers", "pizza crust", "flatbread", "potato chips",
      "pretzels", "oyster crackers", "cornflake crumbs", "melba toast", "challah", "brioche",
    ],
    modifiers: [
      ["fresh", 0.06], ["soft", 0.03], ["day-old", 0.02], ["whole wheat", 0.04], ["large", 0.03],
      ["toasted", 0.02], ["crushed", 0.03], ["stale", 0.01], ["plain", 0.02], ["low-fat", 0.01],
    ],
  },
  oil: {
    weight: 5,
    bases: [
      "olive oil", "vegetable oil", "oil", "extra virgin olive oil", "canola oil", "sesame oil",
      "cooking spray", "peanut oil", "coconut oil", "nonstick cooking spray", "light olive oil",
      "toasted sesame oil", "walnut oil", "grapeseed oil", "corn oil", "sunflower oil",
      "butter-flavored cooking spray", "olive oil flavored cooking spray", "chili oil", "truffle oil",
    ],
    modifiers: [["light", 0.02], ["organic", 0.01], ["cold-pressed", 0.004]],
  },
  liquid: {
    weight: 6,
    bases: [
      "water", "chicken broth", "boiling water", "lemon juice", "orange juice", "chicken stock",
      "lime juice", "cold water", "fresh lemon juice", "ice", "warm water", "beef broth",
      "vegetable broth", "fresh lime juice", "apple juice", "pineapple juice", "ice cubes",
      "low sodium chicken broth", "beef stock", "vegetable stock", "chicken bouillon cubes",
      "beef bouillon cube", "chicken bouillon granules", "coffee", "brewed coffee", "espresso",
      "cranberry juice", "club soda", "ginger ale", "lemonade", "tomato juice", "cola", "tea bags",
      "hot water", "lemon zest", "lemon rind", "orange zest", "lime zest", "grated lemon rind",
      "orange rind", "lemon, juice of", "lime, juice of", "orange, juice of", "lemon, zest of",
      "coconut milk", "light coconut milk", "coconut cream", "clam juice", "vegetable juice",
      "pomegranate juice", "green tea", "sparkling water", "apple cider", "grape juice",
      "frozen orange juice concentrate", "frozen lemonade concentrate", "v8 juice", "dashi", "limeade",
      "turkey drippings",
    ],
    modifiers: [["cold", 0.03], ["hot", 0.02], ["fresh", 0.04], ["low sodium", 0.04], ["fat-free", 0.02], ["homemade", 0.01]],
  },
  sauce: {
    weight: 8,
    bases: [
      "soy sauce", "worcestershire sauce", "mayonnaise", "ketchup", "dijon mustard", "salsa",
      "tomato sauce", "tomato paste", "diced tomatoes", "cream of mushroom soup", "vinegar",
      "balsamic vinegar", "cider vinegar", "white vinegar", "red wine vinegar", "hot sauce",
      "cream of chicken soup", "crushed tomatoes", "mustard", "barbecue sauce", "white wine vinegar",
      "rice vinegar", "tabasco sauce", "prepared mustard", "spaghetti sauce", "stewed tomatoes",
      "whole tomatoes", "teriyaki sauce", "hoisin sauce", "oyster sauce", "fish sauce",
      "apple cider vinegar", "rice wine vinegar", "enchilada sauce", "marinara sauce", "pizza sauce",
      "picante sauce", "italian dressing", "ranch dressing", "sriracha sauce", "chili sauce",
      "sweet chili sauce", "horseradish", "prepared horseradish", "pesto sauce", "alfredo sauce",
      "yellow mustard", "light mayonnaise", "miracle whip", "cream of celery soup",
      "condensed tomato soup", "cheddar cheese soup", "french onion soup", "liquid smoke",
      "steak sauce", "low sodium soy sauce", "tamari", "wasabi paste", "miso", "red curry paste",
      "green curry paste", "chili paste", "anchovy paste", "sherry vinegar", "caesar salad dressing",
      "thousand island dressing", "blue cheese dressing", "honey mustard", "spicy brown mustard",
      "whole grain mustard", "tartar sauce", "cocktail sauce", "duck sauce", "plum sauce",
      "black bean sauce", "chili garlic sauce", "ponzu sauce", "mirin", "gravy", "brown gravy mix",
      "rotel tomatoes", "italian-style diced tomatoes", "fire-roasted tomatoes", "tomato puree",
      "taco sauce", "green salsa", "salsa verde", "mango chutney", "hummus", "guacamole",
      "worcestershire sauce for chicken", "buffalo wing sauce", "vinaigrette", "sun-dried tomato pesto",
    ],
    modifiers: [
      ["low sodium", 0.04], ["fat-free", 0.03], ["light", 0.03], ["reduced-fat", 0.02], ["canned", 0.03],
      ["prepared", 0.02], ["organic", 0.01], ["homemade", 0.01], ["bottled", 0.015], ["chunky", 0.01],
      ["hot", 0.01], ["mild", 0.01], ["condensed", 0.02],
    ],
  },
  alcohol: {
    weight: 2,
    bases: [
      "white wine", "dry white wine", "red wine", "dry red wine", "dry sherry", "sherry", "brandy",
      "rum", "dark rum", "bourbon", "vodka", "beer", "marsala wine", "tequila", "triple sec",
      "kahlua", "amaretto", "grand marnier", "gin", "light rum", "champagne", "port wine", "cognac",
      "whiskey", "irish cream", "coconut rum", "peach schnapps", "creme de menthe", "cointreau",
      "sake", "dark beer", "coffee liqueur", "orange liqueur", "vermouth", "dry vermouth",
      "sweet vermouth", "blue curacao", "frangelico", "limoncello", "sparkling wine", "hard cider",
      "chambord raspberry liqueur", "spiced rum", "butterscotch schnapps", "melon liqueur",
      "peppermint schnapps",
    ],
    modifiers: [["good quality", 0.01], ["cheap", 0.004], ["chilled", 0.01], ["cold", 0.01]],
  },
  brand: {
    weight: 0.7,
    bases: [
      "hellmann's mayonnaise", "campbell's cream of mushroom soup", "lawry's seasoned salt",
      "french's french-fried onions", "hershey's cocoa powder", "reese's peanut butter cups",
      "kraft macaroni and cheese", "jiffy corn muffin mix", "lipton onion soup mix",
      "pillsbury refrigerated pie crust", "duncan hines moist deluxe yellow cake mix",
      "land o'lakes butter", "baker's semi-sweet chocolate", "kellogg's corn flakes",
      "mccormick's montreal brand steak seasoning", "hunt's tomato sauce", "del monte sliced peaches",
      "kraft grated parmesan cheese", "philadelphia cream cheese", "heinz ketchup", "a.1. steak sauce",
      "frank's red hot sauce", "old el paso taco seasoning", "ro-tel diced tomatoes & green chilies",
      "lea & perrins worcestershire sauce", "uncle ben's converted rice", "nestle toll house chocolate chips",
      "quaker oats", "bisquick heart smart mix", "pepperidge farm herb stuffing", "velveeta shells & cheese",
      "stove top stuffing mix", "ritz crackers", "cheez-it crackers", "rice-a-roni", "shake 'n bake",
      "knorr vegetable soup mix", "goya sazon", "lawry's garlic salt", "morton's kosher salt",
      "eagle brand sweetened condensed milk", "karo light corn syrup", "smucker's strawberry jam",
      "cool whip lite", "jell-o instant pudding", "jimmy dean sausage", "oscar mayer bacon",
      "kraft singles", "miracle whip light", "newman's own balsamic vinaigrette",
      "paul prudhomme's poultry magic", "emeril's essence", "tony chachere's creole seasoning",
      "mrs. dash seasoning mix", "i can't believe it's not butter", "lucky charms cereal",
    ],
    modifiers: [],
  },
};

/** Where a string sits in the vocabulary. */
export interface Vocabulary {
  names: string[];
  categories: IngredientCategory[];
  /** Global weight of each string (relative frequency among "any ingredient" draws). */
  weights: Float64Array;
  index: Map<string, number>;
  /** Indices of each category's strings, and their weights. */
  byCategory: Record<IngredientCategory, { ids: number[]; weights: number[] }>;
}

/** Meat, poultry and seafood: a recipe holding any is not vegetarian. */
export const ANIMAL_CATEGORIES: ReadonlySet<IngredientCategory> = new Set(["meat", "poultry", "seafood"]);

const ANIMAL_WORDS =
  /\b(chicken|beef|pork|bacon|ham|sausage|turkey|lamb|veal|shrimp|salmon|tuna|crab|fish|steak|anchov|pepperoni|salami|prosciutto|pancetta|clam|scallop|oyster|lobster|chorizo|kielbasa|venison|duck|gelatin|jell-o|jimmy dean|oscar mayer|dashi)/;

/** True for strings that a vegetarian tag must exclude (by category or by name). */
export const isAnimal = (name: string, category: IngredientCategory): boolean =>
  ANIMAL_CATEGORIES.has(category) || ANIMAL_WORDS.test(name);

const UNMODIFIABLE = /salt|mix|seasoning|paste|powder|extract|msg|cream of tartar|spice|masala|provence|sumac|za'atar/;

function buildVocabulary(): Vocabulary {
  const names: string[] = [];
  const categories: IngredientCategory[] = [];
  const weights: number[] = [];
  const index = new Map<string, number>();
  const byCategory = {} as Vocabulary["byCategory"];
  const add = (name: string, category: IngredientCategory, weight: number) => {
    const known = index.get(name);
    if (known !== undefined) {
      weights[known] += weight;
      return;
    }
    index.set(name, names.length);
    names.push(name);
    categories.push(category);
    weights.push(weight);
    byCategory[category].ids.push(names.length - 1);
  };
  for (const [category, spec] of Object.entries(CATEGORIES) as [IngredientCategory, CategorySpec][]) {
    byCategory[category] = { ids: [], weights: [] };
    // Zipf within the category: the first bases are the everyday ones.
    let norm = 0;
    spec.bases.forEach((_, r) => (norm += 1 / (r + 3)));
    spec.bases.forEach((base, r) => {
      const w = (spec.weight * (1 / (r + 3))) / norm;
      add(base, category, w);
      const words = base.split(" ");
      // Long names, "x, juice of" forms and mixes take no prefix; nor does a prefix that repeats
      // a word of the base ("fresh fresh basil", "ground ground beef").
      if (words.length >= 3 || base.includes(",") || UNMODIFIABLE.test(base)) return;
      for (const [modifier, share] of spec.modifiers) {
        if (modifier.split(" ").some((m) => words.includes(m))) continue;
        add(`${modifier} ${base}`, category, w * share);
      }
    });
  }
  for (const category of Object.keys(byCategory) as IngredientCategory[]) {
    byCategory[category].weights = byCategory[category].ids.map((i) => weights[i]);
  }
  return { names, categories, weights: Float64Array.from(weights), index, byCategory };
}

export const VOCABULARY: Vocabulary = buildVocabulary();

/** Index of a known ingredient string (throws on typos in the model tables). */
export function ingredientId(name: string): number {
  const id = VOCABULARY.index.get(name);
  if (id === undefined) throw new Error(`unknown ingredient "${name}" in the generator model`);
  return id;
}

/**
 * Trends the original app measured (1999 → 2018): when the first string is drawn, it becomes the
 * second with a probability rising linearly from `from` (1999) to `to` (2018). So kosher salt,
 * unsalted butter, olive oil and garlic cloves rise while salt, butter, margarine, vegetable oil,
 * sugar, eggs and vanilla fall.
 */
export const INGREDIENT_TRENDS: readonly { name: string; becomes: string; from: number; to: number }[] = [
  { name: "salt", becomes: "kosher salt", from: 0.02, to: 0.5 },
  { name: "butter", becomes: "unsalted butter", from: 0.02, to: 0.45 },
  { name: "margarine", becomes: "butter", from: 0.05, to: 0.9 },
  { name: "vegetable oil", becomes: "olive oil", from: 0.05, to: 0.55 },
  { name: "oil", becomes: "olive oil", from: 0.05, to: 0.5 },
  { name: "olive oil", becomes: "extra virgin olive oil", from: 0.02, to: 0.3 },
  { name: "garlic", becomes: "garlic cloves", from: 0.15, to: 0.6 },
  { name: "garlic clove", becomes: "garlic cloves", from: 0.1, to: 0.4 },
  { name: "sugar", becomes: "granulated sugar", from: 0.02, to: 0.4 },
  { name: "eggs", becomes: "large eggs", from: 0.02, to: 0.4 },
  { name: "vanilla", becomes: "vanilla extract", from: 0.1, to: 0.75 },
  { name: "pepper", becomes: "fresh ground black pepper", from: 0.08, to: 0.45 },
  { name: "flour", becomes: "all-purpose flour", from: 0.15, to: 0.55 },
  { name: "lemon juice", becomes: "fresh lemon juice", from: 0.1, to: 0.45 },
  { name: "cool whip", becomes: "heavy cream", from: 0.0, to: 0.5 },
  { name: "shortening", becomes: "unsalted butter", from: 0.0, to: 0.5 },
  { name: "parmesan cheese", becomes: "parmigiano-reggiano cheese", from: 0.01, to: 0.25 },
];

/** Produce and pantry items each season pulls in (sweet dishes / savoury dishes). */
export const SEASONAL_INGREDIENTS: Record<"winter" | "spring" | "summer" | "autumn", { sweet: string[]; savory: string[] }> = {
  winter: {
    sweet: ["ground cinnamon", "ground nutmeg", "ground cloves", "molasses", "peppermint extract", "cranberries", "dried cranberries", "eggnog", "ground ginger", "orange zest", "semisweet chocolate", "candied cherries"],
    savory: ["cranberries", "sweet potatoes", "parsnips", "turnips", "beef broth", "red wine", "fresh rosemary", "brussels sprouts", "kale", "leeks", "dried thyme", "pearl barley"],
  },
  spring: {
    sweet: ["rhubarb", "strawberries", "lemon zest", "fresh lemon juice", "fresh mint", "coconut", "apricots"],
    savory: ["asparagus", "fresh peas", "fresh dill", "new potatoes", "radishes", "baby spinach", "leeks", "fresh chives", "lemon juice", "green onions", "arugula"],
  },
  summer: {
    sweet: ["strawberries", "fresh strawberries", "blueberries", "fresh blueberries", "peaches", "fresh peaches", "watermelon", "raspberries", "cherries", "lime juice", "fresh mint", "nectarines", "cantaloupe", "ice"],
    savory: ["zucchini", "tomatoes", "fresh tomatoes", "fresh basil", "cherry tomatoes", "corn", "cucumber", "fresh corn", "yellow squash", "red bell pepper", "barbecue sauce", "fresh cilantro", "jalapeno pepper", "eggplant", "avocado", "lime juice"],
  },
  autumn: {
    sweet: ["pumpkin puree", "pumpkin", "ground cinnamon", "cinnamon", "apples", "granny smith apples", "pecans", "ground nutmeg", "maple syrup", "pumpkin pie spice", "cranberries", "pears", "dried cranberries", "apple cider"],
    savory: ["butternut squash", "sweet potatoes", "pumpkin", "acorn squash", "apples", "fresh sage", "cranberries", "brussels sprouts", "mushrooms", "dried sage", "pecans", "apple cider"],
  },
};
