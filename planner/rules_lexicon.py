"""Word lists for the rules planner: numerals, colours, materials, spatial phrases, scene nouns...

Small, general vocabularies (not sentence lists); the parser falls back on word shape for words
that are not here.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "single": 1, "lone": 1, "both": 2, "twin": 2, "dozen": 12, "several": 3, "few": 3,
}  # fmt: skip
# "a pair of", "a group of"...: counts given by a collective noun followed by "of".
COLLECTIVE_COUNTS = {
    "pair": 2, "couple": 2, "duo": 2, "trio": 3, "quartet": 4, "handful": 3, "dozen": 12,
    "group": None, "bunch": None, "herd": None, "flock": None, "pack": None, "crowd": None,
    "row": None, "line": None, "stack": None, "pile": None, "set": None, "team": None,
    "swarm": None, "school": None, "cluster": None, "collection": None, "lot": None, "lots": None,
    "number": None, "family": None, "series": None, "variety": None, "bouquet": None,
    "patchwork": None, "array": None, "assortment": None, "field": None,
}  # fmt: skip
VAGUE_QUANTIFIERS = _words("some many numerous various multiple countless lots plenty assorted")
DETERMINERS = _words(
    "a an the this that these those my your his her its our their each every another any either "
    "neither such what which"
)
NEGATORS = _words("no not without never nor none neither except excluding lacking")
CONJUNCTIONS = _words("and or but while whereas as so yet plus")

COLOURS = _words(
    "red green blue yellow orange purple violet pink brown black white gray grey silver gold "
    "golden beige cyan magenta turquoise teal navy maroon crimson scarlet lavender ivory cream "
    "tan olive lime indigo amber emerald azure bronze copper charcoal khaki mint peach coral "
    "ruby sapphire jade burgundy mauve rust sepia multicolored multicoloured colorful colourful "
    "rainbow blond blonde auburn ginger brunette"
)
COLOUR_SHADES = _words("light dark bright pale deep pastel neon vivid dull muted hot soft rich")
MATERIALS = _words(
    "wooden wood metal metallic steel iron glass plastic leather stone marble ceramic porcelain "
    "paper cardboard cotton wool woolen woollen silk velvet denim rubber concrete brick golden "
    "silver crystal fabric straw wicker bamboo clay bronze copper aluminum aluminium fur furry "
    "knitted plush felt tin chrome granite"
)
SIZES = _words(
    "big small large tiny huge giant little tall short long wide narrow thick thin massive "
    "enormous miniature mini medium oversized petite gigantic high low"
)
SHAPES = _words(
    "round square rectangular circular triangular oval spherical cubic cylindrical flat curved "
    "pointed spiky star-shaped heart-shaped"
)
OTHER_ADJECTIVES = _words(
    "old young new ancient modern vintage antique cute fluffy shiny rusty broken fresh ripe "
    "happy sad angry sleepy smiling beautiful elegant cozy cosy tiny fat skinny wet dry "
    "hot cold warm striped spotted checkered plaid polka-dotted dotted floral patterned "
    "transparent translucent glowing sparkling dirty clean empty full open closed wild "
    "majestic fierce friendly curious lonely busy quiet calm stormy misty foggy sunny snowy "
    "rainy cloudy dusty muddy sandy grassy rocky leafy fancy plain simple ornate delicate "
    "sturdy worn weathered abandoned lush dense tropical arctic desert rural urban "
    "mechanical robotic electric digital magical mysterious giant baby adult elderly "
    "male female handsome pretty ugly strong weak heavy light soft hard smooth rough "
    "fuzzy hairy bald curly straight wavy messy neat tidy sleek shaggy spiky clear bright dim "
    "shallow deep still serene tranquil peaceful vast tiny lone bold limited vibrant saturated "
    "desaturated textured glossy matte minimal cool"
)
ADJECTIVES = COLOURS | COLOUR_SHADES | MATERIALS | SIZES | SHAPES | OTHER_ADJECTIVES
ADJECTIVE_SUFFIXES = ("ful", "ous", "ive", "less", "ish", "able", "ible", "ical")

# Words that end a noun phrase (prepositions, verbs, auxiliaries, pronouns, adverbs...).
PREPOSITIONS = _words(
    "of in on at by with within without to from into onto over under above below beneath "
    "behind beside besides between among amongst across along alongside around near through "
    "toward towards against upon atop underneath inside outside past throughout via beyond "
    "like unlike amid amidst before after during until for about off up down out"
)
AUXILIARIES = _words(
    "is are was were be been being am has have had do does did can could will would shall "
    "should may might must there here it they he she we you i them him us me who whom whose "
    "that which where when how why what then than also too very really quite rather just "
    "only even still almost nearly all both full upward upwards downward downwards forward forwards "
    "backward backwards outward inward away nearby together apart alone ahead upstairs downstairs "
    "somewhere everywhere anywhere"
)
VERBS = _words(
    "sit sits sitting sat stand stands standing stood lie lies lying lay lays laying rest rests "
    "resting hang hangs hanging hung float floats floating fly flies flying run runs running "
    "walk walks walking jump jumps jumping swim swims swimming eat eats eating drink drinks "
    "drinking hold holds holding carry carries carrying wear wears wearing ride rides riding "
    "play plays playing look looks looking watch watches watching read reads reading sleep "
    "sleeps sleeping lean leans leaning perch perches perched perching grow grows growing "
    "shine shines shining glow glows glowing stretch stretches stretching rise rises rising "
    "face faces facing cover covers covering covered fill fills filling filled surround "
    "surrounds surrounding surrounded place placed sits positioned located situated shown "
    "depicted seen visible appear appears appearing dressed made topped filled decorated "
    "painted lit parked stacked scattered piled arranged spread lined framed reflected "
    "reflecting reaching reaches wait waits waiting chase chases chasing graze grazes grazing "
    "peek peeks peeking climb climbs climbing dance dances dancing fight fights fighting "
    "sing sings singing talk talks talking smile smiles laugh laughs laughing cast casts "
    "casting fall falls falling drift drifts drifting crawl crawls crawling kneel kneels "
    "kneeling pose poses posing gaze gazes gazing stare stares staring point points pointing "
    "overlook overlooks overlooking contain contains containing feature features featuring "
    "show shows showing include includes including sport sports sporting wield wields wielding "
    "has have with shone shined sat stood lay hung flew ran grew rose fell swam drove rode held wore ate "
    "drank sang spoke slept hid hidden driven ridden eaten taken thrown drawn blown flown shown grown "
    "seen given written worn torn sewn woven fallen stuck spun leapt jumped perched soared "
    "loom looms looming towering sprawl sprawls sprawling dotted lined "
    "depict depicts depicting portray portrays portraying capture captures capturing "
    "illustrate illustrates illustrating present presents presenting showcase showcases "
    "showcasing"
)
# Verbs whose object is part of the subject's region (worn, held, carried).
ATTACHING_VERBS = _words(
    "wear wears wearing wore dressed hold holds holding held carry carries carrying carried "
    "wield wields wielding sporting clutching clutches gripping grips having"
)

NOUN_ING_WORDS = _words(
    "building painting clothing ceiling wedding pudding ring string king wing swing spring "
    "evening morning lightning icing railing awning dumpling earring stocking sling ping "
    "bedding frosting stuffing carving drawing sculpture thing something nothing everything "
    "lighting backlighting shading rendering"
)

# Weather: the background and every region's context, never a region.
WEATHER_NOUNS = _words(
    "weather fog mist rain snow storm storms thunderstorm snowstorm rainstorm sandstorm blizzard "
    "drizzle downpour snowfall rainfall hail sleet haze smog"
)
# Nouns that set the scene: they go to the background prompt, not to regions.
SCENE_NOUNS = (
    _words(
        "beach shore coast seaside sea ocean lake river pond stream waterfall sky skyline horizon "
        "forest woods jungle rainforest field meadow grassland prairie savanna desert dunes "
        "mountain mountains hills valley canyon cliff cliffs glacier tundra island islands "
        "city town village street streets road highway alley square plaza downtown suburb "
        "park garden backyard yard courtyard farm countryside landscape cityscape seascape "
        "room bedroom kitchen bathroom livingroom office classroom library studio hall hallway "
        "corridor lobby restaurant cafe bar shop store market supermarket mall gym stadium "
        "arena theater theatre museum gallery church cathedral temple station airport harbor "
        "harbour port dock marina tunnel space universe galaxy cosmos underwater "
        "background backdrop foreground scene setting surface ground floor grass snow sand ice "
        "water weather fog mist rain night dawn dusk sunset sunrise twilight noon midnight "
        "daylight sunlight moonlight light lighting atmosphere environment interior exterior "
        "outdoors indoors wilderness swamp marsh orchard vineyard campsite playground "
        "wall walls lawn pavement sidewalk battlefield arctic cave rocks clouds quay wharf shoreline waves moon mars "
        "club nightclub ballroom greenery foliage clearing glade hill nook"
    )
    | WEATHER_NOUNS
)
# Nouns that frame the picture ("a photo of", "an oil painting of"): style, not content.
FRAMING_NOUNS = _words(
    "photo photograph picture image painting drawing illustration sketch render rendering "
    "artwork art portrait shot close-up closeup view scene depiction snapshot still frame "
    "poster cartoon watercolor watercolour print photography composition wallpaper style "
    "version design concept gouache woodcut linocut etching lithograph engraving mosaic collage "
    "screenprint fresco doodle comic anime manga lineart artstyle"
)
CANVAS_NOUNS = _words(
    "image picture frame photo photograph canvas scene composition painting view shot corner side edge "
    "center centre middle half"
)
CLOTHING_NOUNS = _words(
    "hat cap helmet scarf coat jacket shirt t-shirt dress skirt suit tie bowtie sweater hoodie "
    "jeans pants trousers shorts boots shoes sneakers sandals gloves glasses sunglasses goggles "
    "mask uniform costume robe gown apron vest cloak cape necklace bracelet earrings crown "
    "tiara backpack collar bandana beanie beret kimono sari veil"
)
PLURAL_ONLY = _words(
    "glasses sunglasses goggles scissors pants trousers jeans shorts binoculars pliers tongs "
    "headphones earphones pajamas pyjamas clothes leggings tights news series species"
)
IRREGULAR_PLURALS = {
    "people": "person", "men": "man", "women": "woman", "children": "child", "mice": "mouse",
    "geese": "goose", "teeth": "tooth", "feet": "foot", "oxen": "ox", "knives": "knife",
    "wolves": "wolf", "leaves": "leaf", "loaves": "loaf", "shelves": "shelf", "calves": "calf",
    "halves": "half", "elves": "elf", "thieves": "thief", "scarves": "scarf", "wives": "wife",
    "lives": "life", "dwarves": "dwarf", "hooves": "hoof", "cacti": "cactus", "fungi": "fungus",
    "dice": "die", "sheep": "sheep", "deer": "deer", "fish": "fish", "moose": "moose",
    "bison": "bison", "aircraft": "aircraft", "salmon": "salmon", "shrimp": "shrimp",
    "buses": "bus", "geishas": "geisha", "tomatoes": "tomato", "potatoes": "potato",
    "heroes": "hero", "mangoes": "mango", "volcanoes": "volcano", "dominoes": "domino",
    "cookies": "cookie", "movies": "movie", "pies": "pie", "ties": "tie", "zombies": "zombie",
    "hippies": "hippie", "brownies": "brownie", "goalies": "goalie", "calories": "calorie",
}  # fmt: skip
SINGULAR_S_ENDINGS = ("ss", "us", "is", "ys", "os", "as")
SINGULAR_S_WORDS = _words("bus gas lens canvas atlas iris cactus octopus hippopotamus platypus walrus circus")

# Style and light words that describe the whole picture.
STYLE_WORDS = _words(
    "photorealistic realistic hyperrealistic cinematic watercolor watercolour oil sketch "
    "anime manga cartoon pixel 3d render rendered digital illustration minimalist minimalistic "
    "vintage retro surreal impressionist impressionistic abstract noir monochrome sepia "
    "pastel vibrant moody dramatic ethereal dreamy whimsical gothic steampunk cyberpunk "
    "futuristic baroque renaissance cubist pop-art lowpoly low-poly isometric studio bokeh "
    "4k 8k hdr detailed highly intricate sharp soft golden hour sunset sunrise dawn dusk "
    "ultra hyper macro lens telephoto wide-angle 35mm 50mm 85mm "
    "night nighttime twilight misty foggy hazy rainy snowy sunny overcast neon candlelit "
    "backlit lit lighting light shadows"
)
# Style words picked up anywhere in a prompt (clearly about the whole picture).
GLOBAL_STYLE_WORDS = _words(
    "photorealistic hyperrealistic cinematic watercolor watercolour anime manga cartoon "
    "illustration minimalist minimalistic surreal impressionist impressionistic noir monochrome "
    "sepia steampunk cyberpunk baroque cubist lowpoly low-poly isometric bokeh 4k 8k hdr "
    "photography photograph"
)
TIME_NOUNS = _words(
    "sunset sunrise dawn dusk twilight night nighttime noon midnight daybreak evening morning "
    "afternoon daytime day summer winter autumn season hour nightfall sundown"
)
# Light sources said of the whole picture ("in soft lamplight"): light and mood, not things.
LIGHT_NOUNS = _words(
    "light lights lighting glow sunlight moonlight starlight lamplight candlelight firelight "
    "torchlight daylight sunshine illumination backlight backlighting rimlight shadows shadow "
    "atmosphere mood haze ambiance ambience"
)
# "traffic light", "fairy lights": things that give light, which get regions.
LIGHT_FITTINGS = _words(
    "traffic street ceiling desk tail head fairy string flash night pendant porch christmas "
    "stop brake signal landing reading bedside"
)
# Sites and renderers named for their look: "trending on artstation", "unreal engine".
STYLE_SOURCES = _words("artstation deviantart behance pixiv cgsociety unreal octane vray v-ray midjourney")
# Head nouns of phrases about how the picture looks ("bold shapes", "a limited palette",
# "fine details", "4k"): style for the base prompt and every region, never a region.
STYLE_HEAD_NOUNS = _words(
    "palette shapes lines strokes brushstrokes brushstroke brushwork linework colors colours "
    "tones hues aesthetic aesthetics quality resolution detail details textures grain bokeh "
    "exposure perspective style medium rendering render shading outlines gradients contrast "
    "saturation 4k 8k hdr uhd vibe vibes look finish depth chiaroscuro sfumato impasto"
)
IMAGE_NOUNS = _words(
    "image picture photo photograph scene view shot composition frame canvas snapshot close-up "
    "closeup wallpaper depiction"
)
STYLE_PHRASES = (
    "oil painting", "digital art", "digital painting", "pencil drawing", "pencil sketch",
    "charcoal drawing", "3d render", "concept art", "pixel art", "studio lighting",
    "soft light", "soft lighting", "golden hour", "dramatic lighting", "natural light",
    "cinematic lighting", "volumetric light", "shallow depth of field", "highly detailed",
    "high detail", "ultra detailed", "film photography", "street photography", "long exposure",
    "line art", "vector art", "ukiyo-e", "art nouveau", "art deco", "at night", "at dawn",
    "at dusk", "at sunset", "at sunrise", "at noon", "in the morning", "in the evening",
    "in the rain", "in the snow", "in winter", "in summer", "in autumn", "in spring",
)  # fmt: skip

# Parts of a thing: "its bulging eyes", "the frog's skin" describe the owner, not new regions.
BODY_PARTS = _words(
    "eye eyes skin fur hair tail tails wing wings paw paws leg legs arm arms hand hands face head "
    "ear ears nose mouth beak feather feathers scale scales horn horns mane teeth tooth petal petals "
    "claw claws whisker whiskers fin fins shell antler antlers trunk tusk tusks hoof hooves lips "
    "cheeks cheek eyebrows beard mustache moustache body neck shoulder shoulders feet foot back lap "
    "roof door doors chimney wheel wheels handle lid screen sail sails mast spout stem tower towers "
    "window windows balcony porch steeple dome spire gate"
)
# Nouns for light, air and look rather than things to place: "a warm glow", "long shadows".
ABSTRACT_NOUNS = (
    _words(
        "glow light lights shadow shadows reflection reflections atmosphere mood ambiance ambience "
        "silhouette sunlight moonlight breeze wind air color colour colors colours texture textures "
        "pattern patterns detail details tone tones hue hues shade shades contrast warmth haze "
        "sparkle sparkles shine gleam glare lighting vibe feeling sense motion movement spots"
    )
    | LIGHT_NOUNS
)
# Usual shapes (width / height) of things, so a person gets a tall box and a bus a wide one.
TALL_NOUNS = _words(
    "person man woman boy girl child kid baby people lady gentleman girl soldier knight king queen "
    "chef astronaut robot fisherman doctor nurse teacher student player dancer singer farmer "
    "lighthouse tower skyscraper building tree palm giraffe bottle vase lamp candle statue door "
    "column pillar rocket streetlight lamppost sunflower cactus "
    "snowman ladder flag umbrella penguin owl zombie warrior wizard witch princess prince"
)
WIDE_NOUNS = _words(
    "car bus truck train boat ship sofa couch bench bed table desk horse cow elephant bear "
    "crocodile alligator plane airplane bridge keyboard laptop fence shelf bookshelf pig sheep "
    "motorcycle bicycle bike tractor van taxi canoe kayak whale dolphin shark sedan limousine "
    "piano rug carpet blanket cat dog fox wolf lion tiger deer zebra camel rhino hippo "
    "dinosaur cake pizza sandwich hotdog bowl plate tray skateboard surfboard suitcase"
)

# -ing words that name a purpose in a compound noun ("dining table", "fishing boat"), unlike
# actions ("a running dog"): they stay in a label when the head is not a person or an animal.
GERUND_MODIFIERS = _words(
    "dining living swimming washing fishing frying sewing rocking reading sleeping walking "
    "ironing cutting shopping baking dressing drinking boxing racing running climbing diving "
    "parking waiting mixing writing cooking chopping skating hiking camping surfing stepping "
    "landing changing sailing serving watering rolling spinning sparkling"
)
# People and animals: an -ing word before them is what they do ("a sleeping cat").
ANIMATE_NOUNS = _words(
    "person man woman boy girl child kid baby lady gentleman people men women children kids "
    "soldier knight king queen chef astronaut fisherman fishermen doctor nurse teacher student "
    "player dancer singer farmer grocer vendor worker musician athlete runner cyclist rider "
    "warrior wizard witch princess prince couple family friend friends crowd "
    "dog puppy cat kitten bird horse cow sheep goat pig duck goose chicken hen rooster fox wolf "
    "bear lion tiger elephant giraffe zebra monkey rabbit mouse rat squirrel deer owl eagle hawk "
    "parrot penguin fish whale dolphin shark frog turtle snake lizard butterfly bee insect heron "
    "swan seagull gull crow pigeon camel donkey panda koala kangaroo otter seal dragon unicorn "
    "robot creature animal"
)
# Things other things stand or lie on: "in the middle of the table" means on it.
SURFACE_NOUNS = _words(
    "table desk counter countertop bench plate tray bed shelf sofa couch rug carpet blanket mat "
    "platform pedestal tablecloth board cake pizza dish platter windowsill sill step steps roof "
    "stage floor bar"
)
# Usual sizes, so that a cup alone is not drawn as big as the picture: small things, and big
# ones (buildings, mountains, big vehicles and animals) that may fill it. Others are in between.
SMALL_NOUNS = _words(
    "cup mug glass bottle vase jar can apple orange banana lemon lime pear peach plum cherry "
    "strawberry fruit clock phone smartphone book ball bird butterfly kite candle lamp hat cap "
    "shoe boot bowl plate teapot kettle donut doughnut sandwich toy key watch remote spoon fork "
    "knife scissors toothbrush hydrant frisbee suitcase backpack handbag bag purse wallet flower "
    "rose tulip daisy egg broccoli carrot cookie croissant cupcake muffin lantern bell balloon "
    "frog mouse rabbit bunny squirrel hamster bee insect owl parrot hummingbird sparrow robin "
    "chick kitten puppy snail crab laptop keyboard pen pencil brush feather leaf shell stone "
    "pebble mushroom tie glove sock ring necklace coin camera toaster canoe kayak skateboard "
    "guitar violin trophy gift present box basket pumpkin pineapple watermelon potato tomato "
    "onion pepper cucumber hotdog burger hamburger teddy doll figurine ornament"
)
LARGE_NOUNS = _words(
    "house building castle church cathedral tower lighthouse skyscraper mountain volcano tree "
    "ship bus train truck airplane plane jet bridge elephant giraffe whale dinosaur windmill "
    "barn cabin cottage temple palace pyramid waterfall statue mansion monument fortress "
    "skyline rocket spaceship tractor locomotive"
)
# Colour words that are also things: "a photo of an orange", "a rainbow over the sea".
COLOUR_NOUNS = _words("orange oranges lime limes peach peaches olive olives rainbow rainbows plum plums")
