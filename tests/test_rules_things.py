"""Which noun phrases the rules planner reads as things, and what belongs to whom (issue 9).

Each test is a construction of English in sentences written for these tests."""

from __future__ import annotations

import planner
from planner.plan import Plan
from planner.reading import Size
from planner.rules import reading_of
from planner.rules_vocab import ThingKind, _wordnet_things, entry, takes_no_object, vocabulary


def plan(prompt: str) -> Plan:
    return planner.make_plan(prompt, planner="rules")


def labels(prompt: str) -> list[str]:
    return [r.label for r in plan(prompt).regions]


def prompt_of(p: Plan, label: str) -> str:
    return next(r.prompt for r in p.regions if r.label == label)


def test_common_objects_from_the_public_vocabularies_are_things():
    got = labels("A goldsmith stands at an anvil next to a toolbox, and two clownfish circle a brain coral.")
    assert {"anvil", "toolbox", "clownfish", "brain coral"} <= set(got)


def test_an_unlisted_noun_wordnet_knows_is_the_kind_of_the_listed_word_above_it():
    """wordnet_things.tsv: a friar is a person, a vitrine a container (WordNet 3.0 puts them under
    listed words), so the friar gets a region and the pangolin is inside the vitrine."""
    assert labels("A friar and a stevedore stand beside a brazier.") == ["friar", "stevedore", "brazier"]
    reading = reading_of("A pangolin dozes inside a vitrine.")
    assert [(r.kind.value, r.subject, r.objects) for r in reading.relations] == [("in", 0, (1,))]
    assert entry("friar").kind is ThingKind.PERSON and entry("dromedary").size >= Size.LARGE
    assert entry("snowboarder").kind is ThingKind.PERSON  # not the shoe: WordNet's "slipper" slides


def test_a_bird_or_beast_shaped_like_an_agent_noun_is_the_animal_wordnet_names():
    """'-er' and '-or' words are read as someone doing something ("a skier"), but WordNet names a
    roadrunner, a flycatcher and a condor as animals: a small bird is drawn smaller than a cactus."""
    for word in ("roadrunner", "flycatcher", "condor", "sandpiper"):
        assert entry(word).kind is ThingKind.ANIMAL, word
    assert entry("skier").kind is ThingKind.PERSON and entry("woodcutter").kind is ThingKind.PERSON
    p = planner.make_plan("A roadrunner dashes past a tall cactus on the left.", planner="rules")
    boxes = {r.label: r.box for r in p.regions}
    area = lambda b: (b[2] - b[0]) * (b[3] - b[1])  # noqa: E731
    assert area(boxes["roadrunner"]) < area(boxes["tall cactus"]), p.regions


def test_a_machine_or_tool_shaped_like_an_agent_noun_is_the_kind_wordnet_names():
    """The agent-noun guess reads an unlisted '-er' word as someone, but a word WordNet knows as a
    machine or a tool is that: a floor sander is drawn as furniture-sized, never as a person."""
    for word in ("sander", "polisher", "sifter", "jackhammer"):
        assert entry(word).kind is not ThingKind.PERSON, word
    assert entry("skier").kind is ThingKind.PERSON and entry("gunner").kind is ThingKind.PERSON
    reading = reading_of("A carpenter pushes a sander across the floor beside a sifter.")
    sizes = {t.label: t.size for t in reading.things}
    assert list(sizes) == ["carpenter", "sander", "sifter"] and sizes["sifter"] is Size.SMALL, sizes


def test_a_creature_acted_on_gets_a_region_of_its_own():
    """A tiny thing someone acts on ('a girl eats an apple') is in the actor's prompt; a tiny
    creature moves on its own and is drawn where it is."""
    assert labels("A puppy chases a butterfly.") == ["puppy", "butterfly"]
    assert labels("An old cat watches a mouse.") == ["old cat", "mouse"]
    assert labels("A girl eats an apple.") == ["girl"]


def test_a_hyphened_participle_describes_the_thing_not_an_event():
    """'a boxing match' is an event, but 'a wood-burning range' is a stove that burns wood."""
    p = plan("A copper kettle sits on a wood-burning range.")
    assert [r.label for r in p.regions] == ["copper kettle", "range"]
    assert "wood-burning" in prompt_of(p, "range")
    assert labels("Two boys watch a boxing match.") == ["boy", "boy"]


def test_wordnet_nouns_that_are_parts_stuff_mostly_verbs_or_of_untrusted_sense_are_no_things():
    for word in ("sleeve", "shutter", "flour", "gravel", "slide", "forward", "macaroni", "topknot"):
        assert entry(word) is None, word


def test_a_verbs_past_participle_is_no_wordnet_thing():
    for word in ("chased", "chosen"):
        assert entry(word) is None, word
    assert labels("a fat goose, chased by a farmer in muddy boots, runs across the yard") == [
        "fat goose",
        "farmer",
    ]
    assert labels("the chosen knight kneels before a queen") == ["knight", "queen"]


def test_wordnet_things_lists_only_words_the_curated_files_do_not():
    """The curated files win: a word added to things.tsv or words.tsv must leave wordnet_things.tsv
    (run planner/data/make_wordnet_things.py again)."""
    derived = set(_wordnet_things())
    curated = set(vocabulary().things) | set(vocabulary().classes)
    assert len(derived) > 5000 and not derived & curated, sorted(derived & curated)[:10]


def test_class_names_of_objects365_open_images_and_lvis_are_things():
    got = labels("Next to the bidet sits a jacuzzi, and an aircraft passes over a snowmobile.")
    assert got == ["bidet", "jacuzzi", "aircraft", "snowmobile"]
    got = labels("A tall flagpole stands by a gravestone, and a dartboard hangs above a daybed.")
    assert got == ["tall flagpole", "gravestone", "dartboard", "daybed"]
    got = labels("A deckchair stands under a streetlight next to a fire extinguisher and a telephone pole.")
    assert got == ["deckchair", "streetlight", "fire extinguisher", "telephone pole"]


def test_common_concrete_nouns_missing_from_the_vocabularies_are_things():
    got = labels("Fireworks burst over a minaret while a kayaker drifts past a caique.")
    assert got == ["firework", "minaret", "kayaker", "caique"]
    got = labels("A sow dozes in the straw as swallows dart above an admiral and his assistant.")
    assert got == ["sow", "straw", "swallow", "admiral", "assistant"]
    assert labels("A heron swallows a fish beside a reed.") == ["heron", "fish", "reed"]


def test_common_foods_animals_and_vehicles_are_things():
    got = labels("Two samosas and a lychee sit beside a bassinet while a tutor reads.")
    assert got == ["samosa", "samosa", "lychee", "bassinet", "tutor"]
    got = labels("A mink watches a quail from under a toboggan near a steamroller.")
    assert got == ["mink", "quail", "toboggan", "steamroller"]
    got = labels("A beaver swims below a dam while a crow sits on a coffin beside a mausoleum.")
    assert got == ["beaver", "dam", "crow", "coffin", "mausoleum"]


def test_a_seat_is_a_thing_alone_and_a_part_of_a_named_vehicle():
    assert labels("A cat sleeps on a seat under a window.") == ["cat", "seat", "window"]
    assert labels("A parrot perches on the seat of a moped parked by a wall.") == ["parrot", "moped"]


def test_a_beehive_worn_by_a_person_is_her_hairdo_else_a_hive():
    p = plan("A singer with a black beehive holds a microphone.")
    assert [r.label for r in p.regions] == ["singer"] and "beehive" in prompt_of(p, "singer")
    assert labels("A beekeeper lifts a frame from a beehive.") == ["beekeeper", "frame", "beehive"]


def test_a_listed_pole_held_with_his_goes_with_its_holder():
    assert labels("A fisherman walks along the dock with his pole.") == ["fisherman", "dock"]
    assert "pole" in labels("A pole leans under a weathervane.")


def test_a_colour_before_an_unknown_noun_is_its_colour():
    assert labels("Three orange gobies swim past a rock.") == ["orange goby"] * 3 + ["rock"]


def test_a_listed_plural_after_a_prepositions_object_is_no_verb():
    got = labels("A van is parked under the stone arches.")
    assert got == ["van", "stone arch"]
    got = labels("On the shelf there is a tray with two boiled eggs.")
    assert "tray" in got and "boiled egg" not in got  # the eggs are on the tray, in its prompt


def test_a_participle_after_a_noun_starts_no_new_noun_phrase():
    got = labels("The sky streaked pink and gold above a kite.")
    assert got == ["kite"]


def test_a_likeness_of_something_is_the_thing_with_its_subject_in_its_prompt():
    p = plan("A glowing hologram of a tiger hovers over the square, next to a bronze bust of a poet.")
    assert [r.label for r in p.regions] == ["glowing hologram", "bronze bust"]
    assert "tiger" in prompt_of(p, "glowing hologram") and "poet" in prompt_of(p, "bronze bust")


def test_a_meal_is_no_thing_and_the_table_it_is_shot_on_is_the_setting():
    p = plan("Top-down flat-lay of a simple brunch on a pine table. A teapot stands on the left.")
    assert [r.label for r in p.regions] == ["teapot"]
    assert "pine table" in p.background_prompt
    assert "dinner" not in labels("A family eats dinner at a long table.")


def test_a_load_a_thing_is_laden_with_is_in_its_prompt():
    p = plan("A wheelbarrow heaped with red apples stands beside a garden shed.")
    assert [r.label for r in p.regions] == ["wheelbarrow", "garden shed"]
    assert "red apples" in prompt_of(p, "wheelbarrow")
    got = labels("A tall pole hung with paper streamers stands in the square.")
    assert got == ["tall pole"]


def test_tiny_things_a_thing_someone_pushes_is_full_of_are_in_its_prompt():
    p = plan("A fox drags a sack full of walnuts past an old well.")
    assert [r.label for r in p.regions] == ["fox", "sack", "old well"]
    assert "full of walnuts" in prompt_of(p, "sack")
    assert "walnut" not in prompt_of(p, "fox")
    assert "melon" in labels("A farmer pushes a cart full of melons.")  # bigger things keep a region


def test_a_building_part_given_its_building_is_in_its_prompt():
    p = plan("A stone manor with a slate turret stands on the left, and a spire rises on the right.")
    assert "slate turret" in prompt_of(p, "stone manor")
    assert not any(
        "turret" in label for label in labels("A stone manor with a slate turret stands on the left.")
    )
    assert "spire" in [r.label for r in p.regions]  # named alone, a spire is a thing


def test_a_material_before_an_action_word_still_describes_the_thing():
    assert labels("An old desk holds a pewter writing set and a brass reading lamp.")[-1] == "brass lamp"


def area(box: tuple[float, float, float, float]) -> float:
    return (box[2] - box[0]) * (box[3] - box[1])


def test_a_proper_name_the_prompt_treats_as_a_thing_is_one_labelled_by_its_name():
    p = plan("The Zugspitze, white and jagged, fills the top of the picture, and a hut sits below it.")
    boxes = {r.label.split()[-1]: r.box for r in p.regions}  # "white zugspitze": its colour told
    assert set(boxes) == {"zugspitze", "hut"}
    assert area(boxes["zugspitze"]) > area(boxes["hut"])  # a landmark is huge
    p = plan("Mount Elbrus rises behind a red barn.")
    assert prompt_of(p, "mount elbrus").startswith("Mount Elbrus")


def test_a_name_that_is_an_appositive_or_a_setting_is_no_thing():
    assert labels("The grandmother, Edna, sits on a wooden bench.") == ["grandmother", "wooden bench"]
    assert labels("Breakfast in Lisbon at dusk, a tram passes by.") == ["tram"]


def test_a_plant_is_drawn_in_its_pot():
    p = plan("A tiny cactus in a blue clay pot sits on the windowsill.")
    assert "blue clay pot" in prompt_of(p, "tiny cactus")


def test_bare_plurals_listed_after_a_rack_or_container_of_are_all_its_contents():
    p = plan("Two racks of rifles and lanterns stand against the barn wall.")
    assert "rifles and lanterns" in prompt_of(p, "rack")
    assert not {"rifle", "lantern"} & {r.label for r in p.regions}
    p = plan("A crate of lemons and limes sits on the dock.")
    assert "lemons and limes" in prompt_of(p, "crate")
    assert "lime" not in [r.label for r in p.regions]
    assert "pear" in labels("A bowl of cherries and three pears sits on the table.")  # counted: its own


def test_stockings_lanyards_and_waders_are_worn_in_a_tag_list_and_in_prose():
    p = plan("1girl, solo, elf archer, green hood, fishnet stockings, holding a bow, forest")
    assert "fishnet stockings" in prompt_of(p, "elf archer")
    assert "stocking" not in " ".join(r.label for r in p.regions)
    p = plan("A lifeguard with curly hair, mirrored sunglasses and an orange lanyard scans the waves.")
    assert "orange lanyard" in prompt_of(p, "lifeguard")
    p = plan("An angler in green waders and wool socks casts a line.")
    assert [r.label for r in p.regions] == ["angler"]


def test_food_is_drawn_in_the_container_it_lies_in():
    p = plan("Green pears in a rattan basket sit beside the stove.")
    assert "rattan basket" in prompt_of(p, "green pear")
    assert "rattan basket" in [r.label for r in p.regions]  # the basket keeps its own region


def test_a_small_thing_in_someones_hand_is_theirs():
    p = plan("A barista stands behind the bar on the left, a milk jug in her hand.")
    assert "milk jug" not in [r.label for r in p.regions]
    assert "milk jug" in prompt_of(p, "barista")
    assert "hand" not in prompt_of(p, "bar")


def test_what_someone_works_on_at_their_own_bench_is_in_their_prompt():
    p = plan("A cobbler mends a shoe at his workbench.")
    assert [r.label for r in p.regions] == ["cobbler", "workbench"]
    assert "shoe" in prompt_of(p, "cobbler")


def test_a_picture_set_in_a_place_is_the_frame():
    p = plan("A family portrait in a sunny garden: a boy sits on a bench.")
    assert "portrait" not in [r.label for r in p.regions]
    assert "painting" in labels("A painting in a gallery hangs crooked.")


def test_a_word_for_people_already_named_makes_no_new_region():
    got = labels("Two boys kneel by a pond while a girl sits on a rock behind the children.")
    assert "child" not in got and got.count("boy") == 2
    assert "child" in labels("A teacher stands at the board. The children sit at their desks.")


def test_a_figure_wears_what_it_is_said_to_wear():
    p = plan("Two boys build a scarecrow wearing a battered straw hat in a field.")
    assert "straw hat" in prompt_of(p, "scarecrow") and "straw hat" not in prompt_of(p, "boy")


def test_his_or_her_thing_belongs_to_the_person_not_their_mount():
    p = plan("A rider on a grey mare gallops along the beach, his red pennant flying behind.")
    assert "pennant" not in [r.label for r in p.regions] or "pennant" in prompt_of(p, "rider")
    p = plan("A herald on a black stallion trots past, his striped banner streaming.")
    assert "striped banner" in prompt_of(p, "herald")


def test_an_irregular_participle_keeps_its_load_and_its_form():
    p = plan("A lantern post strung with paper lanterns stands by the gate.")
    assert "strung with paper lanterns" in prompt_of(p, "lantern post")


def test_she_and_he_wear_their_own_clothes():
    p = plan("On the steps stand the king and the queen, she in a silver gown, he in a fur cloak.")
    assert "silver gown" in prompt_of(p, "queen") and "fur cloak" in prompt_of(p, "king")
    assert "silver gown" not in prompt_of(p, "king")


def test_a_cliff_something_stands_on_is_a_thing():
    assert "cliff" in labels("A white lighthouse stands on a cliff on the left, above a calm sea.")


def test_the_book_or_film_a_picture_comes_from_is_its_frame():
    p = plan("A spread from an old nursery rhyme book, pastel crayon. A goose waddles past a well.")
    assert [r.label for r in p.regions] == ["goose", "well"]
    assert "nursery rhyme book" in p.background_prompt


def test_someone_unlisted_in_something_worn_is_a_person_wearing_it():
    p = plan("A kiteboarder in a yellow wetsuit skims past a red buoy.")
    assert [r.label for r in p.regions] == ["kiteboarder", "red buoy"]
    assert "yellow wetsuit" in prompt_of(p, "kiteboarder")


def test_an_unlisted_garment_a_person_is_in_is_worn():
    p = plan("A weaver in a saffron kurta sits at a loom.")
    assert [r.label for r in p.regions] == ["weaver", "loom"]
    assert "saffron kurta" in prompt_of(p, "weaver")


def test_a_plural_after_a_participles_place_is_the_verb():
    got = labels("A heron perched on the boat railings watches, and a frog croaks.")
    assert "heron" in got and not any(label.endswith("watch") for label in got)


def test_a_name_inside_a_sentence_takes_no_article():
    p = plan("A squirrel gathers acorns while Uncle Hare, leaning on a fence, looks on.")
    assert any(r.prompt.startswith("Uncle Hare") for r in p.regions)
    p = plan("Above the dunes, the Orion nebula glows softly in the top left.")
    assert prompt_of(p, "nebula").startswith("the Orion nebula")


def test_a_thing_placed_after_an_adverb_is_placed():
    p = plan("A desert at night. The Orion nebula glows softly in the top left.")
    box = p.regions[0].box
    assert box[0] < 0.5 and box[1] < 0.5


def test_a_picture_described_by_its_colours_is_the_frame():
    assert labels("Portrait of a fisherman, black and white photograph, film grain.") == ["fisherman"]


def test_the_plain_word_for_the_one_person_named_is_that_person():
    p = plan("Portrait of a beekeeper at her hives. The old woman, in a veiled hat, smiles.")
    assert [r.label for r in p.regions].count("old woman") == 0
    assert "veiled hat" in prompt_of(p, "beekeeper")


def test_an_unlisted_subject_after_its_placing_verb_is_a_thing():
    assert "clay golem" in labels("In the corner of the cellar stands a clay golem.")


def test_an_appositive_says_who_the_person_is():
    p = plan("The captain, a lanky man in a wool coat, leans over a chart on the table.")
    got = [r.label for r in p.regions]
    assert "captain" in got and not any(label.endswith("man") for label in got)
    assert "wool coat" in prompt_of(p, "captain")


def test_a_counted_plural_in_a_prepositions_object_is_a_noun():
    got = labels("A row of four oil drums along the fence, and a crow.")
    assert sum(label.endswith("drum") for label in got) == 4


def test_the_verb_after_a_parenthesis_is_a_verb():
    got = labels("The old pilot, a tall man in a leather jacket, studies a map on the table.")
    assert "study" not in got and "map" in got


def test_tag_list_clothes_after_a_participle_are_worn():
    got = labels("1boy, solo, matching denim overalls, straw hat, wheat field, sunset")
    assert got == ["boy"]


def test_a_body_part_belongs_to_someone_not_to_the_last_thing():
    p = plan("1girl, standing, wooden fence, hair blowing, sunset")
    assert "hair" in prompt_of(p, "girl") and "hair" not in prompt_of(p, "wooden fence")


def test_high_key_is_lighting_not_a_key():
    assert labels("A perfume bottle on a white plinth, soft light, high key.") == [
        "perfume bottle",
        "white plinth",
    ]


def test_a_listed_thing_said_plural_is_no_lighting():
    p = plan("A jeweller works at a bench. On the wall a rack holds rows of brass keys.")
    assert "key" not in prompt_of(p, "jeweller") and "key" not in prompt_of(p, "bench")


def test_a_name_told_small_in_the_distance_is_placed():
    assert "mount elbrus" in " ".join(
        labels("A wave curls over two boats, with Mount Elbrus small in the distance.")
    )


def test_a_heap_of_small_things_someone_works_on_is_a_group_with_its_size_said():
    """'a gardener sweeps a big pile of petals': a pile of tiny things is a group of its own (not a
    tiny thing in the sweeper's hand), and the pile's size word stays in its prompt."""
    p = plan("A gardener sweeps a big pile of petals near the gate.")
    assert "petal" in [r.label for r in p.regions]
    assert "big pile" in prompt_of(p, "petal")
    assert "small stack" in prompt_of(plan("A small stack of coasters sits on the bar."), "coaster")


def test_small_craft_and_pools_one_sits_in_are_things():
    """Craft one rides ('a jet ski', 'a quad bike', 'a hovercraft') are vehicles, and a pool that is
    an object ('a plastic paddling pool', 'a hot tub') is a thing with a region, not the setting."""
    for word in ("jet ski", "quad bike", "hovercraft", "pedalo", "dune buggy"):
        assert entry(word) is not None and entry(word).kind is ThingKind.VEHICLE, word
    assert labels("A puppy naps in a blue paddling pool.") == ["puppy", "blue paddling pool"]
    assert "hot tub" in labels("Two friends relax in a hot tub on the deck.")
    assert entry("swimming pool") is not None and entry("swimming pool").kind is ThingKind.SCENE


def test_everyday_scene_objects_are_things():
    got = labels(
        "A lifeguard sits on a lounger next to a cooler, and a kayak paddle leans on a picnic table."
    )
    assert {"lounger", "cooler", "picnic table"} <= set(got)


def test_a_small_measure_of_food_is_part_of_the_food():
    p = plan("A stack of waffles topped with a dollop of cream sits on a plate.")
    assert not any(label in {"dollop", "cream"} for label in [r.label for r in p.regions])


def test_a_named_someone_dressed_in_a_parenthesis_is_a_thing_labelled_by_the_name():
    p = plan("Jack Frost, in a white fur cloak, kneels by the frozen pond.")
    assert prompt_of(p, "jack frost").startswith("Jack Frost in a white fur cloak")


def test_an_unknown_word_opening_a_sentence_and_acting_is_a_name():
    got = labels("Bulbasaur naps under a mushroom. Rain falls.")
    assert got[0] == "bulbasaur" and "rain" not in got


def test_the_camera_someone_looks_at_is_the_pictures():
    assert labels("A young fox stares at the camera from a hollow log.") == ["young fox", "log"]


def test_a_trees_branches_are_the_trees():
    p = plan("A lemon tree stands by the wall, its branches heavy with fruit.")
    assert "branch" not in [r.label for r in p.regions]
    assert "branches" in prompt_of(p, "lemon tree")


def test_bare_food_someone_acts_on_is_part_of_the_action():
    got = labels("An old baker kneads dough while his apprentice bakes bread beside a half sliced loaf.")
    assert "bread" not in got


def test_an_item_listed_after_a_things_part_is_not_held_by_the_thing():
    got = labels("On the shelf there is a clock, a teapot with a cracked spout and a row of jars.")
    assert "jar" in got


def test_an_unlisted_thing_named_with_the_acting_and_placed_is_a_thing():
    assert "module" in labels(
        "A rover crawls over the dunes. The landing module stands behind it on the right."
    )


def test_a_thing_someone_sits_or_stands_on_is_a_thing_of_its_own():
    got = labels("A sailor in a striped shirt sitting on a crate, and a clown standing on a barrel.")
    assert {"crate", "barrel"} <= set(got)


def test_a_title_line_naming_the_picture_is_no_thing():
    got = labels("Dreamy storybook painting. A fox naps under an oak tree.")
    assert "painting" not in " ".join(got) and "fox" in got


def test_a_canopy_part_given_with_with_belongs_to_its_stall():
    p = plan("On the right a flower stall with a green awning, and a boy waves.")
    assert "awning" not in " ".join(r.label for r in p.regions)
    assert "green awning" in prompt_of(p, "flower stall")


def test_dog_breeds_and_boards_are_things():
    got = labels("A pug sleeps under a bulletin board, next to a pomeranian.")
    assert {"pug", "bulletin board", "pomeranian"} <= set(got)


def test_a_name_given_with_named_or_called_is_the_thing_before():
    p = plan("A young shepherd named Tomas, in a wool cloak, leads a goat up the hill.")
    got = [r.label for r in p.regions]
    assert "tomas" not in got and "wool cloak" not in " ".join(got)
    assert "wool cloak" in prompt_of(p, "young shepherd")


def test_a_thing_on_her_arm_or_shoulder_is_carried():
    p = plan("An old woman crosses the square, a leather satchel on her shoulder.")
    assert "leather satchel" not in [r.label for r in p.regions]
    assert "leather satchel" in prompt_of(p, "old woman")


def test_a_toy_in_a_garment_wears_it():
    p = plan(
        "A rag doll in a gingham dress leans on a toy chest, and a plush rabbit in a bow tie sits nearby."
    )
    got = " ".join(r.label for r in p.regions)
    assert "dress" not in got and "bow tie" not in got
    assert "gingham dress" in prompt_of(p, "rag doll")


def test_an_adjective_that_is_also_a_noun_before_a_noun_describes_it():
    got = labels("A giant pale moon rises over a full harvest cart.")
    assert "giant" not in got and "moon" in " ".join(got)
    assert labels("A crate full of apples sits on a table.")[0] == "crate"


def test_a_tagged_part_after_its_owners_kind_is_a_part():
    got = labels("1girl, wolf girl, grey wolf ears, red jacket, forest")
    assert "wolf" not in got and "grey wolf" not in got


def test_a_shop_name_with_a_possessive_is_no_thing():
    got = labels("The door of Marlowe's Books is open, and a cat sleeps on the step.")
    assert "book" not in got and "cat" in got


def test_standing_guard_names_no_other_person():
    assert labels("Two sentries stand guard by a gate.").count("guard") == 0


def test_a_count_of_characters_before_the_characters_is_no_thing():
    got = labels("fantasy key visual, 2 characters, left: knight in armor, right: witch with a broom")
    assert "character" not in got and {"knight", "witch"} <= set(got)


def test_a_picture_word_in_a_tag_list_is_the_picture():
    got = labels("sci-fi key art, film poster, masterpiece, center: pilot in a flight suit")
    assert "poster" not in " ".join(got) and "pilot" in got


def test_a_stall_under_its_awning_keeps_it():
    p = plan("On the left a fruit stall under a yellow awning, and a boy buys a melon.")
    assert "yellow awning" in prompt_of(p, "fruit stall")


def test_a_counter_before_in_a_garment_does_not_wear_it():
    p = plan("The baker stands behind his counter in a floury apron.")
    assert "floury apron" in prompt_of(p, "baker")


def test_hyphenated_participles_and_ly_nouns_are_modifiers():
    got = labels("A knocked-over supply bucket lies by the door.")
    assert "supply bucket" in got


def test_letters_set_off_after_a_sign_are_its_part():
    p = plan("Above the shop hangs a wooden sign, shiny gold letters.")
    assert "letter" not in " ".join(r.label for r in p.regions)
    assert "shiny gold letters" in prompt_of(p, "wooden sign")


def test_bedding_and_cars_given_with_with_belong_to_the_thing_before():
    p = plan("A tram with two yellow cars waits, and a sofa with a knitted duvet sits on the right.")
    got = " ".join(r.label for r in p.regions)
    assert "yellow car" not in got and "duvet" not in got
    assert "two yellow cars" in prompt_of(p, "tram")


def test_a_part_after_with_in_a_later_sentence_does_not_reach_back():
    got = labels("A small bus waits by the curb. A parking lot with three cars.")
    assert got.count("car") == 3


def test_a_lunar_lander_is_bigger_than_an_astronaut():
    p = plan("A lunar lander rests on the dust, and an astronaut walks beside it.")
    assert {r.label for r in p.regions} >= {"lunar lander", "astronaut"}


def test_a_with_thing_set_at_its_owners_feet_is_its_own_thing():
    p = plan("An old sailor waits on the pier with a leather bag at his feet.")
    assert [r.label for r in p.regions].count("leather bag") == 1
    assert "leather bag" not in prompt_of(p, "old sailor")


def test_scales_given_with_with_belong_to_the_animal():
    p = plan("A snake with golden scales coils around a pillar.")
    assert "scale" not in " ".join(r.label for r in p.regions)


def test_a_past_participle_before_a_noun_is_its_adjective():
    from planner.rules_tokens import Tag, tokenize

    tags = {t.low: t.tag for t in tokenize("A sign with faded gold letters hangs over a bakery door.")}
    assert tags["faded"] is Tag.ADJ
    p = plan("A teapot and chipped blue cups sit on a tray.")
    assert "chipped" in prompt_of(p, "blue cup")
    assert "chipped" not in prompt_of(p, "teapot")


def test_a_material_and_a_noun_adjunct_before_a_thing_make_one_thing():
    assert labels("A canvas tote bag rests on a stool.") == ["canvas bag", "stool"]
    assert labels("The leather tote bag leans on a crate.") == ["leather bag", "crate"]
    assert labels("A woman sets a canvas bag by a bench.")[1:] == ["canvas bag", "bench"]


def test_the_adjectives_of_a_word_that_is_no_thing_go_to_the_thing_after_of():
    p = plan("The golden dome of a mosque rises behind a palm tree.")
    assert [r.label for r in p.regions] == ["golden mosque", "palm tree"]
    assert "golden" in prompt_of(p, "golden mosque")
    assert labels("A satellite drifts above the blue curve of a planet.") == ["satellite", "blue planet"]


def test_trades_mounts_and_settings_furnishings_are_things():
    got = labels(
        "A ringmaster bows beside a grey warhorse, a mascot waves by the hearth, and a walking mech "
        "guards a landing pad next to a cornfield."
    )
    assert {"ringmaster", "grey warhorse", "mascot", "hearth", "mech", "landing pad", "cornfield"} <= set(got)


def test_a_compound_of_material_and_thing_is_the_thing():
    got = labels("A stack of gold bars sits on a pallet beside a french press and a pumpkin patch.")
    assert {"gold bar", "french press", "pumpkin patch"} <= set(got)


def test_half_before_a_state_says_how_much_and_is_no_thing():
    got = labels(
        "A copper kettle half full of water sits on the stove, and a rowboat lies half buried in sand."
    )
    assert "copper kettle" in got and "rowboat" in got
    assert not any(label.endswith("half") for label in got)


def test_digit_tags_that_count_the_people_described_after_are_no_one_else():
    got = labels(
        "best quality, 1boy, 1girl, on the left a bearded pirate, eye patch, on the right a tall witch, "
        "pointed hat, harbour at dusk"
    )
    assert "boy" not in got and "girl" not in got
    assert {"pirate", "tall witch"} <= set(got)
    assert "girl" in labels("1girl, short red hair, white dress, holding an umbrella, standing in a field")


def test_a_number_word_after_a_colour_describes_the_part():
    p = plan("masterpiece, a ballerina, black twin buns, white tutu, on a stage")
    assert "bun" not in [r.label for r in p.regions]
    assert "black twin buns" in prompt_of(p, "ballerina")


def test_the_frame_named_with_the_is_the_picture():
    got = labels("Tall pines line both edges of the frame, and a deer stands to their right in the frame.")
    assert "frame" not in got and "deer" in got


def test_a_film_a_screen_glows_with_is_what_it_shows_not_the_frame():
    p = plan("In a dark den, a television glows with a cartoon film while a toddler naps on a beanbag.")
    assert "cartoon film" in prompt_of(p, "television")
    assert "cartoon film" not in prompt_of(p, "toddler") and "cartoon film" not in p.background_prompt


def test_the_hood_or_bumper_after_a_vehicle_of_the_sentence_is_its_part():
    got = labels("A rusty pickup truck waits at a drive-in, and two boys sit on the hood.")
    assert got == ["rusty pickup truck", "boy", "boy"]
    p = plan("A farmer leans on an old truck with a dented hood.")
    assert [r.label for r in p.regions] == ["farmer", "old truck"] and "dented hood" in prompt_of(
        p, "old truck"
    )
    assert "red hood" in prompt_of(plan("A girl in a red hood walks past a parked taxi."), "girl")
    assert "car" in labels("A tram stops by a bakery, and the car behind it is green.")


def test_verbs_after_who_and_after_to_are_no_things():
    assert "swing" not in labels("An acrobat who swings over the ring waves to a clown on a ball.")
    assert "watch" not in labels("A guard pretends not to watch while a thief climbs the garden wall.")


def test_an_adverb_between_a_verb_and_a_preposition_is_no_thing():
    assert "well" not in labels("A kitten sits on a rug, keeping well away from the barking dog.")


def test_the_sun_named_by_its_hour_is_light_and_a_sun_alone_is_a_thing():
    assert "sun" not in labels("Two hikers rest on a rocky ridge under the harsh noon sun.")
    assert "sun" not in labels("A reading nook with an armchair, afternoon sun through a round window.")
    assert "sun" in labels("A pale sun hangs over a fishing boat.")


def test_his_thing_belongs_to_the_person_of_the_sentence():
    p = plan("A groom waits at the altar. A ring bearer sits on a stool, tugging at his bow tie.")
    assert "bow tie" in prompt_of(p, "ring bearer")


def test_a_hair_style_does_not_end_the_list_of_what_someone_has():
    p = plan("A dancer with a mohawk and a leather vest leaps across the stage.")
    assert [r.label for r in p.regions] == ["dancer"]
    assert "leather vest" in prompt_of(p, "dancer")


def test_models_counted_before_the_people_described_are_those_people():
    got = labels("two models pose on a pier: a tall woman in a red coat and a young man in a grey suit")
    assert "model" not in got and {"tall woman", "young man"} <= set(got)


def test_a_skeleton_of_an_animal_is_one_thing_with_the_animal_in_its_prompt():
    p = plan("The skeleton of a whale hangs from the ceiling of the hall above a bench.")
    assert "whale" not in [r.label for r in p.regions]
    assert "whale" in prompt_of(p, "skeleton")


def test_a_side_word_and_a_palm_of_someone_are_no_things():
    assert "courtside" not in labels("Courtside, a coach shouts at a referee in a striped shirt.")
    assert not any("palm" in label for label in labels("A wizard holds a glowing orb above his open palm."))


def test_a_verb_word_before_a_listed_compound_or_after_a_noun_with_a_is_a_noun():
    assert "swivel chair" in labels("A night clerk dozes in a swivel chair behind a desk.")
    assert "windmill" not in labels("A forward leaps at the rim for a windmill dunk.")
    assert "hammock" in labels("Two palms lean over the sand, with a hammock strung between them.")
    assert {"man", "woman", "bench"} <= set(labels("A man and a woman sit on a bench by the lake."))


def test_characters_a_sign_is_written_in_are_no_people():
    assert "character" not in labels("A shop sign in Japanese characters hangs above a noodle stall.")


def test_a_frame_a_thing_is_in_is_part_of_it():
    p = plan("A mirror in a gilded frame hangs above a dresser.")
    assert [r.label for r in p.regions] == ["mirror", "dresser"]
    assert "gilded frame" in prompt_of(p, "mirror")


def test_a_bare_verb_after_a_plural_subject_is_its_verb_not_its_adjective():
    p = plan("Three old bicycles lean against the railing.")
    assert [r.label for r in p.regions][:3] == ["old bicycle"] * 3
    assert "lean" not in prompt_of(p, "old bicycle")
    assert "bare" in prompt_of(plan("The trees bare against the winter sky."), "tree")  # a listed adjective


def test_a_bare_verb_after_nouns_joined_by_and_is_their_verb():
    assert labels("A man, a woman and a child wait at the bus stop.")[:3] == ["man", "woman", "child"]
    assert labels("A fox and a badger dig near the roots.")[:2] == ["fox", "badger"]
    assert labels("The girl and the old dog nap under a tree.") == ["girl", "old dog", "tree"]
    assert "dog bed" in labels("A sofa, a lamp and a dog bed by the window.")  # a listed compound
    assert "tape measure" in labels("A hammer and a tape measure on the workbench.")  # no one to act


def test_an_s_verb_after_an_adverb_or_a_participle_is_the_subjects_verb():
    from planner.rules_tokens import Tag, tokenize

    assert "naps" not in prompt_of(plan("A cat lazily naps on a rug."), "cat")
    tags = {t.low: t.tag for t in tokenize("An old dog curled up dozes on a rug.")}
    assert tags["dozes"] is Tag.VERB


def test_a_bare_material_after_a_picture_and_on_is_its_medium_not_a_thing():
    p = plan("A pencil drawing on paper of an owl.")
    assert [r.label for r in p.regions] == ["owl"]
    assert "on paper" in p.background_prompt
    assert labels("A watercolour on linen of two swans.") == ["swan", "swan"]


def test_a_medium_on_a_bare_material_alone_is_the_picture_not_a_thing():
    p = plan("Charcoal on paper. An old sailor dozes beside a lantern.")
    assert [r.label for r in p.regions] == ["old sailor", "lantern"]
    assert "charcoal on paper" in p.background_prompt  # the sentence's capital is not kept
    assert labels("Three pears in a bowl, acrylic on canvas.") == ["pear"] * 3 + ["bowl"]


def test_fish_tools_and_site_things_of_the_public_vocabularies_are_things():
    got = labels("A carpenter stands near a mallet and a cordless drill, and a rusty saw lies on a griddle.")
    assert {"carpenter", "mallet", "drill", "rusty saw", "griddle"} <= set(got)
    got = labels("Two tuna and a mackerel lie on ice next to a scaffolding, under a steel girder.")
    assert got.count("tuna") == 2 and {"mackerel", "scaffolding", "steel girder"} <= set(got)
    assert "cake stand" in labels("A cake stand piled with muffins sits next to a shoebox.")


def test_a_ledge_of_a_building_leaves_the_building_a_thing():
    got = labels("A cat naps on the ledge of a lighthouse while a tall poplar sways.")
    assert {"cat", "ledge", "lighthouse", "tall poplar"} <= set(got)


def test_what_she_or_he_wears_in_a_new_clause_is_in_that_persons_prompt():
    p = plan("A girl and an old man share a bench. She wears a knitted beret and a raincoat.")
    assert [r.label for r in p.regions] == ["girl", "old man", "bench"]
    assert "knitted beret" in prompt_of(p, "girl") and "raincoat" in prompt_of(p, "girl")
    p = plan("A boy and his grandmother rest by the gate; he is barefoot in sandals.")
    assert "sandals" in prompt_of(p, "boy") and "sandal" not in [r.label for r in p.regions]


def test_a_garment_listed_after_an_unlisted_item_of_someone_is_theirs():
    p = plan("A clerk with a sleek pompadour and a grey vest stamps a letter.")
    assert [r.label for r in p.regions][0] == "clerk"
    assert "grey vest" in prompt_of(p, "clerk")


def test_everything_and_someone_are_pronouns_so_the_word_before_them_is_a_verb():
    p = plan("A grey heron watches everything from a post, wearing a tiny bow tie.")
    assert [r.label for r in p.regions][:1] == ["grey heron"]
    assert "bow tie" in prompt_of(p, "grey heron")


def test_a_singular_noun_after_a_count_names_the_kind_of_the_plural_after_it():
    assert labels("Two dock cranes with yellow arms loom over a jetty.") == ["dock crane"] * 2 + ["jetty"]


def test_the_medium_a_picture_is_drawn_in_is_no_thing():
    p = plan("A gentle illustration in soft graphite pencil. A hare sits by a stump.")
    assert [r.label for r in p.regions] == ["hare", "stump"]
    assert "pencil" in p.regions[0].prompt


def test_a_bounded_scene_something_stands_on_or_by_or_that_acts_is_a_thing():
    p = plan("A ruined chapel perches atop a rocky green hill above the bay.")
    assert [r.label for r in p.regions] == ["chapel", "green hill"]
    assert "rocky" in prompt_of(p, "green hill")
    assert labels("A little pond beside the old bench.") == ["little pond", "old bench"]
    assert "narrow stream" in labels("A narrow stream trickles past a water mill.")
    p = plan("A lane leads from a hamlet up to a village of slate-roofed houses near a lighthouse.")
    assert "slate-roofed houses" in prompt_of(p, "village")
    # in it, or named bare, it stays the setting
    assert labels("A boy fishes in a lake at dusk.") == ["boy"]
    assert labels("A windmill turns on the hill.") == ["windmill"]
    assert labels("A quiet meadow at noon. A hare sits by a stump.") == ["hare", "stump"]


def test_a_bounded_scene_named_again_as_the_landmark_of_a_place_is_a_thing():
    """'a boy wades in a shallow creek. On the far side of the creek, a deer drinks': something is
    placed by the creek, so the creek is drawn (with what the first mention said of it) and the
    later 'the creek' is the same one; a scene only named again as the setting stays the setting."""
    r = reading_of("A boy wades in a shallow creek. To the right of the creek, a deer grazes.")
    assert [t.label for t in r.things] == ["boy", "shallow creek", "deer"]
    relations = {(r.things[x.subject].head, x.kind.value, r.things[x.objects[0]].head) for x in r.relations}
    assert ("deer", "right_of", "creek") in relations
    assert "lake" in labels("Two otters play in a lake, and a heron fishes at the lake's edge.")
    assert labels("A girl reads in a meadow. Sheep graze in the meadow.") == ["girl", "sheep"]


def test_a_bounded_scene_after_the_verb_of_a_fronted_place_is_a_thing():
    """'Beyond the orchard rises a steep hill': the subject of an inverted sentence acts, so it is
    drawn; 'in a valley' named as the place of the sentence stays the setting."""
    assert "hill" in labels("A farmhouse with a red door. Behind the orchard rises a steep hill.")
    assert "brick wall" in labels("Two cyclists pause at a corner. Behind them stretches a long brick wall.")
    assert labels("In the valley sits a stone farmhouse.") == ["stone farmhouse"]


def test_the_middle_of_a_bounded_scene_is_a_place_in_the_setting():
    """'A heron stands in the middle of a pond': the pond is where the picture is, not a box under
    the heron; the heron is placed in the middle, and what follows is beside the heron."""
    p = reading_of("A heron stands in the middle of a pond, next to a duck.")
    assert [t.head for t in p.things] == ["heron", "duck"]
    assert p.things[0].place is not None and p.things[0].place.horizontal == "center"
    assert [(r.kind.value, r.subject, r.objects) for r in p.relations] == [("next_to", 0, (1,))]
    assert "pond" in labels("A heron stands on a rock beside a pond.")


def test_a_word_both_a_part_or_style_word_and_a_thing_is_the_thing_in_context():
    got = labels("On the vanity lie two lipsticks beside a jade comb.")
    assert got == ["vanity", "lipstick", "lipstick", "jade comb"]  # a vanity is a dressing table
    p = plan("A singer with dark lipstick waves from the stage.")
    assert "lipstick" not in [r.label for r in p.regions] and "dark lipstick" in prompt_of(p, "singer")
    p = plan("A blush palette lies open next to a sponge. Muted palette, soft light.")
    assert [r.label for r in p.regions] == ["blush palette", "sponge"]
    assert "muted palette" in p.background_prompt.lower()
    assert labels("A violin rests on a stand beside the piano.") == ["violin", "stand", "piano"]
    assert labels("A trophy sits on a marble stand by the door.") == ["trophy", "marble stand", "door"]
    assert labels("Two guards stand by the door.") == ["guard", "guard", "door"]


def test_colours_and_arrangements_after_in_are_no_things_and_stay_with_their_owner():
    p = plan(
        "Next to a wooden tray lie four candles in ivory, sage and pale plum shades, arranged in a neat fan."
    )
    assert [r.label for r in p.regions] == ["wooden tray", *["candle"] * 4]
    assert "ivory, sage and pale plum shades" in prompt_of(p, "candle")
    assert "in a neat fan" in prompt_of(p, "candle")
    assert labels("A ceiling fan turns above a desk.") == ["fan", "desk"]
    assert labels("An old oak shades the bench.") == ["old oak", "bench"]


def test_a_count_tag_followed_by_the_people_it_counts_gives_no_extra_people():
    got = labels("best quality, 2girls, two witches, pointed hats, broomsticks, full moon")
    assert got.count("witch") == 2 and "girl" not in got
    assert labels("1girl, long braid, red scarf, snowy street").count("girl") == 1


def test_a_scene_named_after_the_first_thing_is_a_place_not_the_whole_pictures_setting():
    late = plan(
        "A fox sleeps under an old oak tree. On a winding road, a farmer pushes a cart toward the barn."
    )
    assert "winding road" in late.background_prompt
    assert not any("winding road" in r.prompt for r in late.regions)
    early = plan("In a sunny kitchen, a girl pours milk into a bowl while a cat watches.")
    assert all("sunny kitchen" in r.prompt for r in early.regions)


def test_the_vocabulary_has_one_entry_per_word():
    from importlib.resources import files

    rows = files("planner").joinpath("data/things.tsv").read_text(encoding="utf-8").splitlines()
    words = [row.split("\t")[0] for row in rows if row and not row.startswith("#")]
    assert sorted(w for w in set(words) if words.count(w) > 1) == []
    rows = files("planner").joinpath("data/words.tsv").read_text(encoding="utf-8").splitlines()
    pairs = [tuple(row.split("\t")[:2]) for row in rows if row and not row.startswith("#")]
    assert sorted(p for p in set(pairs) if pairs.count(p) > 1) == []  # a word may be in several classes


def test_people_by_office_and_court_or_ship_furnishings_are_things():
    p = plan("A magistrate in a grey wig sits on a throne while a duchess waits by the lectern.")
    assert [r.label for r in p.regions] == ["magistrate", "throne", "duchess", "lectern"]
    assert "grey wig" in prompt_of(p, "magistrate")
    got = labels("Two pilots sit at a console below a wide viewport, a camcorder on the floor.")
    assert {"console", "wide viewport", "camcorder"} <= set(got)


def test_a_shared_thing_and_what_a_held_container_holds_stay_with_their_holders():
    p = plan("By the fountain, two sisters sharing a candy apple sit on a bench.")
    assert [r.label for r in p.regions] == ["fountain", "sister", "sister", "bench"]
    assert "candy apple" in prompt_of(p, "sister")
    p = plan("At a long table two fishermen hold a jug of cider.")
    assert "jug of cider" in prompt_of(p, "fisherman") and "cider" not in labels(
        "At a long table two fishermen hold a jug of cider."
    )


def test_in_the_manner_of_names_a_style_not_a_thing():
    assert "manner" not in labels(
        "A harbour at dusk in the manner of a Dutch master, a brig moored at the quay."
    )


def test_a_colour_after_a_participle_is_how_the_thing_looks_not_a_new_thing():
    p = plan("A tall lantern glowing orange stands beside a bench.")
    assert [r.label for r in p.regions] == ["tall lantern", "bench"]
    assert "glowing orange" in prompt_of(p, "tall lantern")


def test_a_count_tag_followed_by_described_characters_counts_them():
    got = labels("2boys, pirate king, grinning, young sailor, barefoot, ship deck, sunset")
    assert "boy" not in got and {"pirate king", "young sailor"} <= set(got)


def test_a_can_after_an_article_or_a_modifier_is_the_thing():
    assert labels("A green watering can sits by the shed door.")[0] == "green watering can"
    assert labels("The painting can hang above a sofa.") == ["painting", "sofa"]


def test_a_can_naming_a_listed_thing_with_the_noun_before_it_is_the_thing():
    assert labels("A trash can stands by the bakery door.") == ["trash can", "bakery door"]
    assert labels("Two garbage cans wait at the curb beside a van.")[:2] == ["garbage can"] * 2
    assert "can" not in " ".join(labels("The trash can be seen behind a fence."))


def test_latin_plurals_of_listed_things_are_those_things():
    assert labels("Three amphorae lean against a wall beside two cacti.") == ["amphora"] * 3 + ["cactus"] * 2
    assert labels("Two larvae crawl over orange fungi.") == ["larva", "larva", "orange fungus"]


def test_round_ten_everyday_things_are_things():
    got = labels("A bear cub naps on a cot by the radiator while a technician reads.")
    assert {"bear cub", "cot", "radiator", "technician"} <= set(got)
    assert {"menu", "handkerchief"} <= set(labels("A menu and a handkerchief lie on a small table."))


def test_a_bare_verb_before_an_article_after_a_noun_pair_is_the_verb():
    got = labels("On the left, rusty gear wheels crowd a narrow shelf.")
    assert "crowd" not in got
    assert "shelf" in " ".join(got)


def test_round_eleven_everyday_things_are_things():
    got = labels("A raccoon digs in a dumpster while asteroids drift above a pothos on a marble slab.")
    assert {"dumpster", "asteroid", "pothos", "marble slab"} <= set(got) or {
        "dumpster",
        "asteroid",
        "pothos",
        "slab",
    } <= set(got)
    assert "chaise" in " ".join(labels("A poodle naps on a blue chaise by the window."))


def test_a_count_tag_counts_the_members_named_by_their_role_after_it():
    got = labels(
        "best quality, 3girls, jazz trio on stage, the leader at center, the drummer on the left, the vocalist on the right"
    )
    assert "girl" not in got
    assert {"leader", "drummer", "vocalist"} <= set(got)


def test_a_one_person_tag_before_a_bare_role_word_is_that_person():
    got = labels("highres, 1girl, courier, rainy street, courier riding a scooter")
    assert "girl" not in got


def test_a_word_in_capitals_before_a_noun_is_no_verb():
    assert labels("A giant LED screen hangs behind the band.") == [
        "giant led screen"
    ]  # the label keeps the whole noun


def test_an_ing_noun_after_be_and_before_an_article_is_the_verb():
    assert "building" not in labels("Three boys are building a raft by the river.")


def test_an_opening_tag_naming_the_picture_is_no_thing():
    assert "portrait" not in " ".join(labels("Royal horse portrait, two ponies in a stable."))


def test_a_thing_held_on_its_owners_body_by_a_participle_stays_in_the_owners_prompt():
    p = plan("A sailor leans on a railing, a pipe dangling from his lips, and a dog sleeps nearby.")
    assert "pipe" not in [r.label for r in p.regions]
    assert "pipe" in prompt_of(p, "sailor")
    p = plan("A knight waits by the gate, a sword slung at her hip.")
    assert [r.label for r in p.regions] == ["knight", "gate"]


def test_a_bag_set_down_at_someones_feet_keeps_its_region():
    assert "handbag" in labels("A woman reads on a bench, a handbag resting at her feet.")


def test_compounds_whose_first_word_is_listed_are_one_thing():
    got = labels("On a desk lie a fountain pen, a rubber stamp and a box of paper clips.")
    assert {"fountain pen", "rubber stamp"} <= set(got)
    assert "paper" not in got
    got = labels("A skater in knee pads and roller skates rolls past a general store.")
    assert got == ["skater", "general store"]


def test_a_list_after_with_goes_on_past_an_item_on_a_body_part():
    p = plan("A clown with paint on his face and a red scarf juggles beside a tent.")
    assert [r.label for r in p.regions] == ["clown", "tent"]
    assert "red scarf" in prompt_of(p, "clown")


def test_trades_shop_things_and_ice_forms_are_things():
    got = labels(
        "A barber chats with his apprentice beside a cash register, and a seal rests on an ice floe."
    )
    assert got == ["barber", "apprentice", "cash register", "seal", "ice floe"]
    got = labels("The jarl raises his cup toward his opponent, and a guide points at a hoverbike.")
    assert {"jarl", "opponent", "guide", "hoverbike"} <= set(got)


def test_as_before_a_subject_and_its_verb_opens_a_clause():
    assert labels("A nurse waits by the sink as a puppy naps on the mat.") == [
        "nurse",
        "sink",
        "puppy",
        "mat",
    ]
    assert labels("A girl dressed as a pirate waves a sword.") == ["girl"]


def test_oven_mitts_and_a_smock_are_worn_things_in_a_list():
    p = plan("A baker in a grey smock and red oven mitts carries a tray.")
    assert [r.label for r in p.regions] == ["baker"]  # the tray is carried, in his prompt
    assert "red oven mitts" in prompt_of(p, "baker") and "grey smock" in prompt_of(p, "baker")


def test_someone_held_or_carried_is_still_someone_with_a_region():
    got = labels("A grandfather carrying his grandson walks along the pier.")
    assert got[:2] == ["grandfather", "grandson"]
    got = labels("On the porch a young dad holds a toddler in dungarees.")
    assert "toddler" in got and "young dad" in got
    assert labels("A nurse holding a clipboard walks down the ward.") == ["nurse"]


def test_a_sentence_may_open_with_a_bare_noun_whose_first_word_is_a_verb_form():
    got = labels("A barista wipes the counter. Washing machine humming in the back corner.")
    assert "washing machine" in got
    reading = reading_of("Rocking chair creaking beside a stove.")
    assert [t.label for t in reading.things] == ["rocking chair", "stove"]
    assert reading.relations and reading.relations[0].kind.value == "next_to"


def test_a_match_is_a_thing_but_a_sports_match_is_an_event():
    got = labels("Three spent matches lie beside an ashtray on the sill.")
    assert [g.split()[-1] for g in got[:3]] == ["match"] * 3
    assert "match" not in " ".join(labels("Two rivals shake hands after a chess match in the park."))
    assert "match" not in " ".join(labels("Fans cheer at a boxing match under bright lights."))


def test_a_plural_form_after_a_and_someone_is_what_they_do():
    assert labels("A sailor waves, a gull overhead.")[:2] == ["sailor", "gull"]
    assert labels("A fisherman nets, a heron watches.")[0] == "fisherman"


def test_a_noun_with_one_form_for_many_is_many_before_a_bare_verb():
    reading = reading_of("Sheep graze beside a wooden gate.")
    assert [t.head for t in reading.things] == ["sheep", "gate"] and reading.things[0].count is None
    reading = reading_of("Pale jellyfish drift across the top of the frame.")
    assert reading.things[0].count is None and reading.things[0].place is not None
    assert reading_of("A moose wades into a lake.").things[0].count == 1


def test_a_song_or_a_tune_is_no_thing():
    assert labels("A street singer performs a song beside a lamp post.") == ["street singer", "lamp post"]
    assert labels("An old man whistles a cheerful melody on a bench.") == ["old man", "bench"]


def test_a_wrist_or_an_ankle_is_a_part_of_its_owner():
    assert labels("A dancer wears a silver bangle on her wrist beside a piano.") == ["dancer", "piano"]
    assert labels("A cat licks its ankle on a rug.") == ["cat", "rug"]


def test_a_two_word_thing_keeps_its_foreign_second_word():
    p = plan("An old cat dozes on a green chaise longue by the window.")
    assert "green chaise longue" in [r.label for r in p.regions]
    assert "a green chaise longue" in prompt_of(p, "green chaise longue")


def test_a_label_keeps_a_kind_said_in_capitals():
    assert labels("A huge LED billboard glows over a taxi.") == ["huge led billboard", "taxi"]
    assert labels("A dusty DVD player sits under a lamp.") == ["dusty dvd player", "lamp"]


def test_a_hand_held_thing_an_actor_works_on_stays_in_the_actors_prompt():
    p = plan("A boy filling a bucket at a well, and a cobbler mends a boot on a bench.")
    assert [r.label for r in p.regions] == ["boy", "well", "cobbler", "bench"]
    assert "bucket" in prompt_of(p, "boy") and "boot" in prompt_of(p, "cobbler")
    assert labels("A pirate brandishing a cutlass stands beside a cannon.") == ["pirate", "cannon"]


def test_a_worn_pair_after_someone_and_on_is_worn_not_a_support():
    p = plan("A boy on roller skates races past a mailbox.")
    assert [r.label for r in p.regions] == ["boy", "mailbox"]
    assert "roller skates" in prompt_of(p, "boy")
    assert labels("A juggler on stilts and a dog on a stool.") == ["juggler", "dog", "stool"]
    assert "roller skate" in labels("A puppy chews on the roller skates.")


def test_stilts_under_a_building_are_its_legs_not_a_thing_of_their_own():
    """'a boathouse on stilts': after a building the stilts are what it stands on, said in its
    prompt like a juggler's stilts are in the juggler's."""
    p = plan("A green boathouse on stilts leans over a muddy creek.")
    assert [r.label for r in p.regions] == ["green boathouse", "muddy creek"]
    assert "on stilts" in prompt_of(p, "green boathouse")


def test_a_picture_painted_on_a_thing_named_after_it_is_in_that_things_prompt():
    p = plan("A drummer grins behind his kit, a flaming eagle painted on the kick drum.")
    assert "eagle" not in " ".join(r.label for r in p.regions)
    assert "flaming eagle" in prompt_of(p, "kick drum")
    got = labels("An anchor carved into a wooden chest sits by the bed.")
    assert "anchor" not in got and "wooden chest" in got


def test_the_owner_of_a_person_or_a_place_is_one_phrase_with_it():
    p = plan("The baker's daughter carries a basket past a fountain.")
    assert [r.label for r in p.regions] == ["daughter", "fountain"]
    assert "baker's daughter" in prompt_of(p, "daughter")
    p = plan("My uncle's workshop with a workbench by the door.")
    assert [r.label for r in p.regions] == ["workbench", "door"]
    assert "uncle's workshop" in p.background_prompt
    p = plan("The boy's cat naps on a cushion.")  # two phrases; the cat is what the clause is about
    assert [r.label for r in p.regions] == ["cat", "cushion"] and "boy's cat" in prompt_of(p, "cat")


def test_spinning_and_sewing_machines_are_things():
    got = labels("An old woman sits at a spinning wheel next to a sewing machine and a loom.")
    assert got == ["old woman", "spinning wheel", "sewing machine", "loom"]


def test_a_still_life_is_the_picture_and_its_label_keeps_the_listed_pair():
    assert labels("A still life of plums in a bowl.") == ["plum", "bowl"]
    assert labels("A still life painting leans against an easel.") == ["still life painting", "easel"]
    assert labels("A coffee table book lies on a rug.") == ["coffee table book", "rug"]


def test_a_picture_opening_with_with_or_in_a_style_is_the_frame():
    assert labels("A watercolour sketch with two swans on a lake.") == ["swan", "swan", "lake"]
    assert labels("Landscape painting in the Venetian style, a gondola under a bridge.") == [
        "gondola",
        "bridge",
    ]
    got = labels("A painting with a gilded frame hangs above the sofa.")
    assert got == ["painting", "sofa"]


def test_what_a_map_or_a_globe_shows_is_in_its_prompt():
    p = plan("A pirate map of a volcano island lies on a barrel.")
    assert [r.label for r in p.regions] == ["pirate map", "barrel"]
    assert "volcano island" in prompt_of(p, "pirate map")
    assert labels("A globe of the moon sits on a shelf.") == ["globe", "shelf"]


def test_the_maker_after_a_bare_picture_word_and_by_is_no_thing():
    p = plan("A hare in the snow, illustration by Tom Baker.")
    assert [r.label for r in p.regions] == ["hare"]
    assert "by Tom Baker" in p.background_prompt


def test_the_place_opening_an_inverted_sentence_keeps_no_verb_or_subject():
    p = plan("By the gate waits a herald in a blue tabard. A dog naps.")
    assert [r.label for r in p.regions] == ["gate", "herald", "dog"]
    assert prompt_of(p, "gate") == "a gate"
    assert "blue tabard" in prompt_of(p, "herald")
    p = plan("On the right a tall pine gives shelter.")  # a place with no object: the pine is the subject
    assert "giving shelter" in prompt_of(p, "tall pine")


def test_an_unknown_noun_with_a_list_of_features_then_a_verb_is_a_thing():
    got = labels("A hulking wendigo with long antlers and a ragged cloak prowls along the ridge.")
    assert got[0] == "wendigo"
    got = labels("An old luthier with thick glasses and a canvas apron leans over a lathe.")
    assert got[0] == "old luthier" and "canvas apron" not in got  # someone, who wears the apron


def test_trade_suffixes_name_someone_even_when_the_word_is_unlisted():
    got = reading_of("Two cheesemongers in white caps slice a wheel of cheese.").things
    assert got[0].head == "cheesemonger" and got[0].count == 2
    assert labels("A wheelwright fits a rim while a rope-maker watches.")[:2] == ["wheelwright", "rope-maker"]
    assert labels("A young numismatist examines a coin at the desk.")[0] == "young numismatist"
    assert "heist" not in labels("A heist crew waits beside a van.")


def test_instruments_nuts_cheeses_and_workshop_gear_are_things():
    got = labels("A dented euphonium rests beside a grindstone, and a bassoon leans on a safe.")
    assert {"euphonium", "grindstone", "bassoon", "safe"} <= set(got)
    got = reading_of("On the board lie a wedge of brie, a wheel of cheddar and 4 pistachios.").things
    assert {"wedge", "wheel", "pistachio"} <= {t.head for t in got}  # the cheeses are in the pieces' prompts
    p = plan("On the board lie a wedge of brie, a wheel of cheddar and 4 pistachios.")
    assert "brie" in prompt_of(p, "wedge") and "cheddar" in prompt_of(p, "wheel")


def test_a_held_thing_after_his_and_a_trade_possessive_is_his():
    got = labels("A tailor sits at his desk, holding a pocket watch up to his tailor's lens.")
    assert "pocket watch" not in got and "lens" not in got and "pocket" not in got
    assert "sister" in " ".join(labels("A girl walks to her sister's house beside a river."))


def test_the_book_a_picture_is_in_and_its_audience_are_no_things():
    got = labels("Page four of a children's comic book, bold inks. A puppy chases a ball.")
    assert got == ["puppy", "ball"]
    got = labels("A magazine cover for young gardeners, a woman kneels by a rose bush.")
    assert "gardener" not in " ".join(got) and "woman" in got
    assert "magazine" in labels("A cat sleeps on a magazine beside the lamp.")


def test_a_tangle_or_jumble_of_things_is_those_things():
    got = labels("A cat naps under a tangle of fishing nets beside a jumble of crates.")
    assert "tangle" not in got and "jumble" not in got and "crate" in got


def test_a_later_tag_naming_the_counted_kind_is_that_one():
    got = plan("1girl, 1boy, beach, sunset, girl with long braids, sun hat, boy with a surfboard, grinning")
    assert [r.label for r in got.regions].count("girl") == 1
    assert [r.label for r in got.regions].count("boy") == 1
    assert "braids" in prompt_of(got, "girl") and "braids" not in prompt_of(got, "boy")
    two = labels("2girls, park, girl with a red umbrella, girl with a kite")
    assert two.count("girl") == 2


def test_a_thing_wearing_something_wears_it():
    got = labels("A smiling sun wearing a straw hat rises over a barn.")
    assert "straw hat" not in got and "hat" not in got and "barn" in got


def test_a_part_named_by_an_animal_after_with_is_a_part():
    got = labels("A fairy with butterfly wings flutters over a tulip.")
    assert got == ["fairy", "tulip"]


def test_a_thing_on_someones_body_closing_the_sentence_is_theirs():
    got = labels("A courier hurries past the fountain, a parcel under her arm.")
    assert "parcel" not in got and "courier" in got


def test_a_tag_with_an_ing_verb_and_a_bare_held_thing_is_the_tagged_ones():
    got = plan("1boy, young knight, silver armor, swinging sword at a training dummy, castle yard")
    assert "sword" not in [r.label for r in got.regions]
    assert "swinging sword" in prompt_of(got, "young knight")


def test_a_name_after_a_word_for_someone_names_them():
    got = plan("Her nephew Bruno kneels beside a puppy on the rug.")
    assert [r.label for r in got.regions][:2] == ["nephew", "puppy"]  # not a thing named 'bruno'


def test_small_creatures_flowers_and_hand_tools_are_things():
    got = labels("A greyhound naps by a toadstool while a newt climbs a trowel beside the foxglove.")
    assert {"greyhound", "toadstool", "newt", "trowel", "foxglove"} <= set(got)


def test_a_worn_thing_around_ones_neck_is_worn_but_a_thing_at_ones_feet_is_not():
    got = labels("A nurse with a stethoscope around her neck reads a chart.")
    assert "stethoscope" not in got and "nurse" in got
    assert "crate" in labels("A sailor with a crate at his feet waits on the pier.")


def test_an_unknown_place_before_an_inverted_verb_and_its_subject_is_no_thing():
    got = labels("Beside the stove of a cramped galleyway stands a bearded cook.")
    assert "galleyway" not in got and "cook" in " ".join(got)


def test_a_phrase_with_a_possessive_is_its_owners_never_the_pictures_style():
    p = plan("A swan stands with its wings spread. A heron waits on a post.")
    assert "its wings" in prompt_of(p, "swan")
    assert "its wings" not in prompt_of(p, "heron")
    assert "its wings" not in p.background_prompt
    p = plan("A lantern on a step casts its warm light; a cat sleeps by the door.")
    assert "its warm light" not in prompt_of(p, "cat")


def test_what_someone_holds_after_a_comma_is_theirs_not_the_objects_before():
    p = plan("A monk kneels on a wooden raft, holding a brass astrolabe.")
    assert "astrolabe" in prompt_of(p, "monk")
    assert "astrolabe" not in prompt_of(p, "wooden raft")
    p = plan("A fairy floats near the miller's shoulder, holding an acorn cup.")
    assert "acorn cup" in prompt_of(p, "fairy")
    assert "acorn cup" not in prompt_of(p, "miller")
    p = plan("1boy, red coat, sitting on the roof of a tram, holding a brass astrolabe, night")
    assert "astrolabe" in prompt_of(p, "boy")
    assert "astrolabe" not in prompt_of(p, "tram")
    p = plan("A fisherman mends nets while his son, wearing a red scarf, sits on a crate.")
    assert "red scarf" in prompt_of(p, "son")  # the comma after the son: still the son's


def test_a_thing_raised_is_held_by_the_one_who_raises_it():
    p = plan("An old wizard with a grey beard stands on a mossy boulder, raising a silver wand.")
    assert "silver wand" in prompt_of(p, "old wizard")
    assert "wand" not in prompt_of(p, "boulder")
    p = plan("On the left a knight in silver armour raises a long spear.")
    assert "long spear" in prompt_of(p, "knight")


def test_where_an_action_takes_its_object_from_is_said_with_the_action():
    p = plan("A cook scoops rice from a steel bowl onto a plate.")
    assert "from a steel bowl" in prompt_of(p, "cook")
    assert "steel bowl" in [r.label for r in p.regions]  # it keeps its own region
    p = plan("A farmer takes eggs from a wire basket.")
    assert "wire basket" in prompt_of(p, "farmer")


def test_a_past_participle_after_an_ing_verb_describes_the_worn_or_held_thing():
    p = plan("A gladiator wearing dented armor and a torn cape kneels.")
    assert [r.label for r in p.regions] == ["gladiator"]
    assert "dented armor and a torn cape" in prompt_of(p, "gladiator")


def test_a_held_thing_listed_after_a_carried_big_thing_is_carried_too():
    p = plan("A painter carrying a long ladder and a tin bucket crosses the yard.")
    assert "tin bucket" in prompt_of(p, "painter")
    assert "bucket" not in [r.label for r in p.regions]
    assert "long ladder" in [r.label for r in p.regions]  # big: its own region still


def test_an_unlisted_thing_held_or_in_hand_is_its_holders():
    p = plan("A guard stands on the deck of a galleon, calipers in hand.")
    assert "calipers" in prompt_of(p, "guard")
    assert [r.label for r in p.regions] == ["guard", "galleon"]


def test_a_part_given_with_belongs_to_the_thing_before_when_none_of_its_usual_owners_is_near():
    p = plan("A donkey pulls a cart up the lane. On the hill stands a tower with broken sails.")
    assert "broken sails" in prompt_of(p, "tower")
    assert "sails" not in prompt_of(p, "cart")
    p = plan("A knight rides a horse with a braided mane.")
    assert "braided mane" in prompt_of(p, "horse")


def test_a_big_thing_with_a_vehicle_or_stall_is_fitted_on_it_not_held():
    p = plan("A fruit seller waits beside a stall with a striped parasol.")
    assert "striped parasol" in prompt_of(p, "stall")
    assert "parasol" not in prompt_of(p, "fruit seller")
    p = plan("A baker sells buns from a cart with a green parasol.")
    assert "green parasol" in prompt_of(p, "cart")
    p = plan("A woman sits on a bench with a book.")  # a small thing: still hers
    assert "book" in prompt_of(p, "woman")


def test_a_bare_noun_verb_between_a_plural_subject_and_a_plural_is_the_verb():
    from planner.rules_tokens import Tag, tokenize

    tags = {t.low: t.tag for t in tokenize("The twins grill skewers by the lake.")}
    assert tags["grill"] is Tag.VERB
    assert tags["skewers"] is Tag.NOUN
    p = plan("Two cooks grill skewers over a fire pit.")
    assert "grilling skewers" in prompt_of(p, "cook")


def test_an_unlisted_its_noun_in_an_aside_is_a_part_of_the_clauses_subject():
    p = plan("A brass telescope stands beside a globe, its polished eyepiece gleaming.")
    assert "polished eyepiece" in prompt_of(p, "brass telescope")
    assert "eyepiece" not in prompt_of(p, "globe")


def test_one_more_unlisted_noun_after_and_stays_in_the_description():
    p = plan("A chemist crushes salts with a mortar and pestle beside a window.")
    assert "pestle" in prompt_of(p, "mortar") and "pestle" not in [r.label for r in p.regions]
    p = plan("A girl strokes the pony's mane and whispers to it.")
    assert "whispers" not in prompt_of(p, "pony")


def test_an_unlisted_thing_a_lifeless_thing_holds_stays_its_own():
    p = plan("A guard stands by the door, and a glass cabinet holds a collection of old coins.")
    assert "collection of old coins" in prompt_of(p, "glass cabinet")
    assert "coins" not in prompt_of(p, "guard")


def test_a_thing_on_someones_body_in_an_aside_ending_the_sentence_is_theirs():
    p = plan("A sailor haggles over a barrel of rum, a thick ledger under his arm.")
    assert "thick ledger" in prompt_of(p, "sailor")
    assert "ledger" not in [r.label for r in p.regions]


def test_a_small_thing_hanging_from_someones_hand_is_theirs_even_when_not_listed_as_held():
    p = plan("A night watchman stands by the gate, a storm lamp dangling from his hand.")
    assert "storm lamp" in prompt_of(p, "watchman")
    assert [r.label for r in p.regions] == ["watchman", "gate"]


def test_a_thing_said_to_be_with_its_owner_is_in_the_owners_prompt_and_its_own_region():
    p = plan("A lighthouse keeper with a brass lantern waits by a shed with a rusty anchor beside the door.")
    assert "brass lantern" in prompt_of(p, "lighthouse keeper")
    assert "rusty anchor" in prompt_of(p, "shed") and prompt_of(p, "rusty anchor") == "a rusty anchor"


def test_words_said_of_a_later_name_for_a_thing_describe_it():
    p = plan("The pilot, a freckled woman in a flight jacket, waves.")
    assert "freckled" in prompt_of(p, "pilot")
    p = plan("A jeep waits by the gate. At dusk the muddy jeep rolls away.")
    assert "muddy" in prompt_of(p, "jeep")


def test_a_participle_after_a_verb_says_the_things_state():
    p = plan("An old canoe rests capsized near the reeds, and a fox sits hunched under the fence.")
    assert "capsized" in prompt_of(p, "old canoe") and "hunched" in prompt_of(p, "fox")


def test_a_bare_tag_naming_a_thing_again_is_that_thing():
    got = labels("best quality, 1boy, wizard, tall staff, black cat, cat beside wizard, moonlit tower")
    assert got.count("wizard") == 1 and got.count("black cat") == 1 and "cat" not in got
    got = labels("best quality, wooden chair, metal chair, chair beside window")
    assert got == ["wooden chair", "metal chair", "window"]  # told apart: two chairs, the last one of them


def test_a_tag_after_a_placed_tag_describes_its_subject_not_the_thing_it_is_placed_by():
    p = plan("best quality, 1girl, witch, pointed hat, black cat, cat beside witch, red collar, night")
    assert "red collar" in prompt_of(p, "black cat") and "red collar" not in prompt_of(p, "witch")


def test_a_tag_after_a_posed_and_placed_tag_describes_the_one_posed():
    """'1man kneeling beside the woman, grey beard, leather apron': the man kneels, so the tags
    after describe him, not the woman his place is said against."""
    p = plan(
        "best quality, 1woman, red curls, 1man kneeling beside the woman, grey beard, leather apron, forge"
    )
    assert "leather apron" in prompt_of(p, "man") and "leather apron" not in prompt_of(p, "woman")


def test_fish_opening_a_sentence_is_many_and_the_bare_word_after_it_their_verb():
    assert labels("Fish dart past a sunken anchor.") == ["fish", "anchor"]
    assert labels("Fish circle a sunken anchor.") == ["fish", "anchor"]


def test_two_people_joined_by_and_keep_both_before_a_verb_that_is_also_a_place():
    assert labels("A sailor and a girl lounge by the rail of a ferry.")[:2] == ["sailor", "girl"]
    assert labels("An old man and his grandson picnic under an oak.") == ["old man", "grandson", "oak"]


def test_a_vehicle_part_named_like_an_agent_noun_is_a_wide_thing_not_a_standing_person():
    for prompt in ("A rusty bumper lies beside an old tire.", "A wooden propeller rests beside a toolbox."):
        _, y0, _, y1 = plan(prompt).regions[0].box
        assert y1 - y0 < 0.6, prompt  # a standing person's box would be most of the height


def test_a_slogan_in_capitals_is_printed_on_the_garment_not_a_thing_of_its_own():
    p = plan("A chef in a HOT STUFF COMING THROUGH apron carries a tray past a bar.")
    assert "apron" not in " ".join(r.label for r in p.regions)
    assert "HOT STUFF COMING THROUGH apron" in prompt_of(p, "chef")
    p = plan("A boy in his I LOVE NY shirt waves at a bus.")
    assert "I LOVE NY shirt" in prompt_of(p, "boy")


def test_a_capital_opening_a_sentence_is_not_kept_in_a_region_unless_a_name_or_acronym():
    p = plan("Parking meter stands by a curb. Robots sweep a plaza. Old Nell feeds a goat. NASA rover rolls.")
    texts = [r.prompt for r in p.regions]
    assert any(t.startswith("a parking meter") for t in texts)
    assert any(t.startswith("robots") for t in texts)
    assert any("Old Nell" in t for t in texts) and any("NASA rover" in t for t in texts)


def test_a_counter_bar_or_raised_porch_someone_is_on_or_behind_is_a_thing():
    got = labels("A bartender stands behind the copper bar, polishing a glass.")
    assert "copper bar" in got
    got = labels("Behind the marble bar of a small Lisbon cafe waits a young waiter.")
    assert "marble bar" in got
    got = labels("An old dog dozes on a sagging wooden porch.")
    assert "wooden porch" in got
    got = labels("A couple drinks wine in a crowded bar.")
    assert "bar" not in got and "crowded bar" not in got  # in it: the setting


def test_wheels_grills_bunks_tins_and_sprigs_are_things_unless_a_vehicle_has_them():
    got = labels("A sailor stands at the wheel while a gull circles above.")
    assert {"sailor", "wheel"} <= set(got)
    got = labels("A rusty tricycle with a bent wheel leans on a wall.")
    assert "wheel" not in got and "bent wheel" not in got  # the tricycle's own wheel
    got = labels("A cook turns sausages on a gas grill beside a pet carrier.")
    assert {"gas grill", "pet carrier"} <= set(got)
    got = labels("A rosemary sprig lies next to a biscuit tin on the shelf.")
    assert {"rosemary sprig", "biscuit tin"} <= set(got)
    p = plan("A mouse nibbles a wheel of cheese.")
    assert [r.label for r in p.regions] == ["mouse", "wheel"] and "cheese" in prompt_of(p, "wheel")


def test_a_piece_of_a_stuff_is_the_region_and_the_stuff_is_in_its_prompt():
    """'A sheet of paper', 'a heap of sand', 'a stick of butter', 'a chunk of
    cheese', 'a bolt of silk': the piece is the thing one sees; the stuff says what it is made of."""
    p = plan("A potter stands beside a heap of sand and a bucket.")
    assert {"heap", "bucket"} <= set(labels_of(p)) and "sand" in prompt_of(p, "heap"), p.regions
    p = plan("A sheet of paper lies under a stick of butter, and a chunk of cheese sits on a plate.")
    assert {"sheet", "stick", "chunk", "plate"} <= set(labels_of(p)), p.regions
    assert "butter" in prompt_of(p, "stick") and "cheese" in prompt_of(p, "chunk")
    p = plan("A tailor measures a bolt of green silk on a long table.")
    assert "bolt" in labels_of(p) and "silk" in prompt_of(p, "bolt")
    p = plan("A heap of apples sits by a heap of sand.")  # things in the plural: the heap is theirs
    assert labels_of(p) == ["apple", "heap"] and "sand" in prompt_of(p, "heap"), p.regions


def test_a_kind_of_picture_named_by_two_words_is_the_frame():
    """'Character sheet', 'reference sheet': a kind of picture, though a sheet alone is a thing."""
    assert labels("Character reference sheet, 1girl, silver hair, red scarf.") == ["girl"]


def test_a_word_in_s_between_a_singular_subject_and_a_plural_is_its_verb():
    got = labels("A chef in a striped apron grills peppers over the coals.")
    assert "chef" in got and not any("grill" in g for g in got)


def test_an_action_after_a_list_of_worn_things_still_reaches_the_wearer():
    got = plan("A sailor in a striped vest and a wool cap coils a rope on the deck.")
    assert "coiling a rope" in prompt_of(got, "sailor")
    assert "striped vest and a wool cap" in prompt_of(got, "sailor")


def test_a_tool_after_the_object_of_an_action_is_the_subjects():
    got = plan("A farmer shoos at the goat with a broom.")
    assert labels("A farmer shoos at the goat with a broom.") == ["farmer", "goat"]
    assert "broom" in prompt_of(got, "farmer") and "broom" not in prompt_of(got, "goat")


def test_a_source_after_the_object_of_an_action_is_in_the_subjects_prompt():
    got = plan("A man feeds the ducks from a bucket.")
    assert "feeding the ducks from a bucket" in prompt_of(got, "man")
    assert [r.label for r in got.regions if "bucket" in r.prompt] == ["man"]


def test_someone_after_a_verb_keeps_what_is_with_them():
    got = plan("A nurse greets an old man with a cane.")
    assert "cane" in prompt_of(got, "old man") and "cane" not in prompt_of(got, "nurse")


def test_an_animal_in_a_story_uses_the_tool_of_its_action():
    got = plan("A hedgehog in a striped scarf pours cocoa from a little jug.")
    assert "pouring cocoa from a little jug" in prompt_of(got, "hedgehog")
    assert [r.label for r in got.regions] == ["hedgehog"]


def test_a_tool_after_an_object_of_at_is_the_subjects():
    got = plan("A clerk sorts letters, tapping at the cat with a spoon.")
    assert "spoon" in prompt_of(got, "clerk") and "spoon" not in prompt_of(got, "cat")


def test_a_verb_after_a_place_phrase_is_the_subjects_not_the_places_object():
    got = plan("A juggler on a barrel tosses three apples into the air.")
    assert "tossing" in prompt_of(got, "juggler") and "tossing" not in prompt_of(got, "barrel")
    got = plan("A kitten beside a teapot licks a spoon.")
    assert "licking" in prompt_of(got, "kitten") and "licking" not in prompt_of(got, "teapot")


def test_a_verb_in_s_after_a_bare_plural_object_is_the_persons_verb():
    got = plan("A clown on stilts tosses flaming torches.")
    assert "stilts" in prompt_of(got, "clown") and "flaming torches" in prompt_of(got, "clown")
    assert "kicking rolling stones" in prompt_of(plan("A man in boots kicks rolling stones."), "man")
    assert "stirring" in prompt_of(plan("A chef in clogs stirs boiling soup."), "chef")


def test_a_craftsman_word_is_a_person_who_wears_and_holds_things():
    got = plan("Right: the luthier, grey-haired, in a canvas apron and wire spectacles, tuning a violin.")
    assert labels("Right: the luthier, grey-haired, in a canvas apron and wire spectacles.") == ["luthier"]
    assert "apron" in prompt_of(got, "luthier")


def test_a_matte_painting_is_the_pictures_medium_not_a_thing():
    got = labels("A lighthouse on a cliff above a stormy sea, cinematic, matte painting.")
    assert "lighthouse" in got and not any("painting" in label for label in got)


def test_trade_words_for_people_are_people_who_carry_their_tools():
    got = plan("A harpooner with a scarred chest grips his lance while a deckhand coils a rope.")
    assert "chest" not in labels("A harpooner with a scarred chest grips his lance.")
    assert "lance" in prompt_of(got, "harpooner") and "deckhand" in labels("A deckhand coils a rope.")
    assert labels("A lamplighter in a long coat climbs a ladder.") == ["lamplighter", "ladder"]


def test_a_hand_held_thing_someone_looks_through_is_in_their_prompt():
    got = plan("A pirate squints through a dented spyglass toward the distant island.")
    assert "spyglass" not in labels("A pirate squints through a dented spyglass toward the distant island.")
    assert "spyglass" in prompt_of(got, "pirate")


def test_a_thin_stick_someone_leans_on_is_held_but_a_crate_they_sit_on_is_not():
    got = plan("An old shepherd leans on a crooked walking stick near the gate.")
    assert "walking stick" in prompt_of(got, "old shepherd")
    assert not any("stick" in label for label in labels("A shepherd leans on a crooked walking stick."))
    assert "crate" in labels("A fisherman sits on a crate.")


def test_a_stick_leant_on_after_he_or_she_is_held_by_the_one_the_pronoun_means():
    text = "A goat grazes by a barn. Her uncle mends the fence. He pauses by the gate, leaning on a crooked cane."
    assert "cane" in prompt_of(plan(text), "uncle")
    assert not any("cane" in label for label in labels(text))


def test_glasses_of_a_drink_are_drinking_glasses_holding_it():
    got = labels("Three glasses of lemonade stand on a wicker tray beside a vase.")
    assert "glass" in got and "lemonade" not in got
    assert labels("A librarian in round glasses reads a book.") == ["librarian"]


def test_sweat_drops_in_a_cartoon_are_one_noun_before_their_verb():
    got = labels("Two tiny sweat drops roll down the nervous cat's face.")
    assert not any(label.endswith("sweat") for label in got) and "cat" in " ".join(got)
    assert any(label.endswith("sweat drop") for label in got)


def test_what_is_held_after_a_tagged_worn_item_is_its_wearers_past_a_colon():
    p = plan(
        "1man, 1woman, man on the left: tall hat, woollen scarf, holding a lantern and a compass, "
        "woman on the right: red shawl"
    )
    assert "lantern" in prompt_of(p, "man")
    assert "compass" in prompt_of(p, "man")
    assert "lantern" not in prompt_of(p, "woman")
    reading = reading_of("ranger on the right: grey boots, moss-green hood, holding a bow and a quiver")
    ranger = next(t for t in reading.things if t.head == "ranger")
    assert {"a bow", "a quiver"} <= set(ranger.attributes)
    assert ranger.place is not None and ranger.place.horizontal == "right"


def test_the_first_tag_after_a_placed_persons_colon_is_worn_by_them():
    reading = reading_of("archer on the right: green cloak, leather boots, elf on the left: silver circlet")
    archer = next(t for t in reading.things if t.head == "archer")
    assert "green cloak" in archer.attributes
    assert not any(t.head == "cloak" for t in reading.things)
    reading = reading_of("A baker waits. Shelf on the left: red apron, a loaf.")
    assert "red apron" not in next(t for t in reading.things if t.head == "baker").attributes


def test_an_unlisted_word_after_an_article_and_a_noun_ends_that_noun():
    """A rare English noun after 'a baby' or 'two' heads its phrase when English goes on after it."""
    assert "baby wugbeast" in labels("A baby wugbeast naps in a wicker basket by the fire.")
    assert labels("Two grumbots shuffle past a lamp post.")[:2] == ["grumbot", "grumbot"]
    assert "red ferry" in labels("A small red ferry putters toward the pier on the right.")  # its verb


def test_an_unlisted_noun_before_a_participle_or_a_relative_clause_is_a_thing():
    """'a brass tamper resting on ...' (not a bare verb after a singular subject) and 'a robot
    mower that keeps circling' both treat an unlisted noun as something acting in the picture."""
    assert "brass tamper" in labels("Beside the grinder sits a small brass tamper resting on a cloth.")
    assert "robot mower" in labels("A dog watches a robot mower that keeps circling the lawn.")


def test_a_bare_genre_tag_among_style_tags_is_the_picture():
    """'..., grainy film, 1950s studio portrait.' and 'Formal office team portrait, 50mm lens,'
    name the kind of picture, even after the things; a portrait someone holds is still a thing."""
    got = labels("A sailor leans on a crate by the mast. Soft vignette, film grain, 1950s studio portrait.")
    assert "studio portrait" not in got and "sailor" in got
    got = labels("Two nurses smile at a desk. Formal hospital team portrait, 50mm lens, even light.")
    assert "team portrait" not in got and "nurse" in got
    assert "small portrait" in labels("A painter holds up a small portrait beside the easel.")


def test_a_place_after_a_tag_lists_next_item_is_that_items_own():
    """In a tag list the place after the next comma belongs to the next item, not to the scene tag
    before it: 'rustic farmhouse kitchen, oil painting, oak table in the center'."""
    got = labels("rustic farmhouse kitchen interior, oil painting, long oak table in the center, two chairs")
    assert "kitchen interior" not in got and "farmhouse kitchen interior" not in got
    assert "oak table" in got


def test_plural_colours_listed_with_colours_are_the_grade_not_fruit():
    got = labels("A boy flies a kite over a field. Faded blues and warm oranges, soft film grain.")
    assert "orange" not in " ".join(got) and "boy" in got
    assert "orange" in labels("A girl sits at a table with a bowl of lemons and two oranges on the left.")


def test_a_count_told_in_the_next_sentence_is_the_plurals_count():
    """'... the gulls. There are five of them.' counts the sentence's one plural; 'Four of them are
    brown' may be only some, and with two plurals 'them' may be both."""
    assert (
        labels("A ferry waits while gulls circle over the harbour. There are five of them.").count("gull")
        == 5
    )
    assert labels("A girl feeds the goats. Four of them are brown.").count("goat") == 1
    got = labels("Ducks and geese crowd the pond. There were three of them.")
    assert got.count("duck") == 1 and got.count("goose") == 1


def test_a_word_for_where_one_goes_after_a_verb_is_no_thing():
    """'home', 'ashore', 'indoors' right after a verb say where someone goes; with an article, or
    before its object ('outside the shed'), they are still what they are."""
    assert labels("Two sailors row ashore while the geese fly home over a red barn.") == [
        "sailor",
        "sailor",
        "goose",
        "red barn",
    ]
    assert labels("A boy is walking home past a bakery.") == ["boy", "bakery"]
    assert "home" in labels("A woman walks into her home.")


def test_light_fixtures_appliances_bedding_and_cords_are_things():
    """Whole families of interior and camp things: pendant and wall lights, a kitchen range and its
    hood, a duvet or a throw on a bed, a coil of cord."""
    got = labels("Two brass pendant lights hang above a long table, and a wall lamp glows by the door.")
    assert got.count("brass pendant light") == 2 and "wall lamp" in got
    assert "cream range" in labels("A cream range stands on the left of the kitchen, beside a tall fridge.")
    got = labels("A linen duvet covers the bed, and a knitted throw lies folded on the armchair.")
    assert "linen duvet" in got and "knitted throw" in got
    assert "paracord" in labels("A boy coils a length of paracord beside a tent.")
    assert "solar panel" in labels("A solar panel leans against the wall of a cabin.")


def test_a_listed_abstract_word_before_of_is_no_thing():
    """'a wide range of colours' is how many colours, while 'a cream range' is a cooker."""
    got = labels("A wide range of scarves fills a market stall where a man waits.")
    assert "market stall" in got and not any("range" in label for label in got)


def test_a_noun_like_verb_before_a_count_is_the_verb():
    """'a man in a coat throws three balls': no noun runs into a count word."""
    got = labels("A clown in a striped coat throws three balls toward a dog.")
    assert "clown" in got and not any("throw" in label for label in got)


def test_each_with_a_thing_gives_one_to_each_of_the_group():
    """'four tables ..., each with a candle on it' names four candles; a part ('each with a patched
    sail') stays in its owner's prompt."""
    got = labels("Four tables stand in a row, each with a candle on it.")
    assert got.count("table") == 4 and got.count("candle") == 4
    assert labels("Three boats drift by, each with a patched sail.") == ["boat"] * 3


def test_a_picture_with_an_article_placed_by_a_thing_in_the_scene_is_a_thing():
    """'a small ink painting above the headboard' hangs in the room; 'an oil painting of a harbour'
    is still the picture itself, and its medium never becomes a style of every region."""
    tags = (
        "studio flat, 3d render, a narrow bed in the center, a small ink painting above the headboard, dawn"
    )
    got = plan(tags)
    assert "small painting" in labels(tags) and "ink painting" in prompt_of(got, "small painting")
    assert "painting" not in prompt_of(got, "narrow bed")
    assert labels("An old oil painting beside the door of a barn.")[0] == "old painting"
    assert not any(
        "painting" in label for label in labels("An oil painting of a harbour at dusk, two boats.")
    )


def test_right_or_just_before_a_relation_only_tunes_it():
    """'right next to', 'right beside', 'just behind': no 'right' in the thing's prompt, no place."""
    got = plan("A cat sleeps right beside the stove, and a dog lies right next to the door.")
    assert prompt_of(got, "cat") == "a cat" and prompt_of(got, "dog") == "a dog"
    got = plan("A wool rug lies in the center with a brass floor lamp right next to it.")
    assert prompt_of(got, "brass floor lamp") == "a brass floor lamp"


def test_fantasy_classes_races_and_beings_of_myth_are_people():
    got = labels("A tiefling warlock argues with a halfling cleric while a paladin and a rogue guard a gate.")
    assert {"warlock", "cleric", "paladin", "rogue"} <= {g.split()[-1] for g in got}
    got = labels("Two dryads dance around a satyr playing pipes beside a centaur.")
    assert [g.split()[-1] for g in got].count("dryad") == 2 and {"satyr", "centaur"} <= set(got)


def test_automata_airships_shops_and_ladders_are_things():
    got = labels("A brass automaton winds a clock below a dirigible, next to a saloon and a stepladder.")
    heads = {g.split()[-1] for g in got}
    assert {"automaton", "dirigible", "saloon", "stepladder"} <= heads


def test_an_attendant_is_a_person_and_a_realm_of_myth_is_the_setting():
    p = plan("A gallery attendant in a navy blazer stands beside a ticket machine in the underworld.")
    heads = [r.label.split()[-1] for r in p.regions]
    assert "attendant" in heads and "machine" in heads and "underworld" not in heads


def test_counted_animals_after_drawn_by_pull_a_thing_and_made_no_picture():
    got = labels("A queen rides in a golden chariot drawn by four white horses.")
    assert [g.split()[-1] for g in got].count("horse") == 4 and "golden chariot" in got
    got = labels("An old farmer sits on a hay cart pulled by two oxen.")
    assert [g.split()[-1] for g in got].count("ox") == 2
    got = labels("A portrait of a duchess, drawn by John Singer Sargent.")
    assert not any("sargent" in g for g in got)


def test_next_door_after_a_noun_is_an_adverb_not_a_door():
    assert labels("A postman chats with the florist next door.") == ["postman", "florist"]
    assert labels("The boy next door is sitting near a puppy.") == ["boy", "puppy"]
    assert "green door" in labels("A cat sits by the green door next to a bucket.")


def test_a_bare_verb_after_the_garment_of_many_is_their_act_not_a_compound():
    p = plan("Two dancers with ribbons in their hair watch from the wings of a stage.")
    assert [r.label for r in p.regions] == ["dancer", "dancer"]
    assert not p.regions[0].prompt.endswith("watch")
    p = plan("Two grooms in grey uniform stand beside a carriage.")
    assert [r.label for r in p.regions] == ["groom", "groom", "carriage"]
    assert not p.regions[0].prompt.endswith("stand")


def test_an_unlisted_verb_in_s_after_a_colour_noun_is_the_verb():
    got = labels("A faint rainbow arcs across a green valley beside a barn.")
    assert any(g.endswith("rainbow") for g in got) and "barn" in got


def test_the_camera_a_picture_was_shot_on_is_no_thing_in_it():
    assert labels("A fox in a snowy field, shot on a medium-format camera, muted tones.") == ["fox"]
    assert labels("A teapot on a tray, photographed with a macro lens.") == ["teapot", "tray"]
    assert "camera" in labels("A girl sits beside a camera on a tripod.")


def test_the_client_a_picture_is_made_for_is_no_thing_in_it():
    assert labels("Catalog photo for a small garden shop, a clay pot beside a trowel.") == [
        "clay pot",
        "trowel",
    ]
    assert labels("Newspaper advert for a seaside hotel: a deckchair under a parasol.") == [
        "deckchair",
        "parasol",
    ]
    assert "bakery" in labels("A girl buys bread for her grandmother at a bakery.")


def test_a_crowd_of_people_is_one_crowd_named_for_them():
    got = labels("Behind the barrier, a crowd of tourists gathers under a banner.")
    assert "tourist crowd" in got and "banner" in got
    assert labels("A family of otters floats past a log.")[0] == "otter"


def test_an_automaton_is_built_like_a_person_and_icicles_are_things():
    p = plan("A clockwork automaton with a copper chest bows to a dancer.")
    assert [r.label for r in p.regions] == ["clockwork automaton", "dancer"] and "copper chest" in p.regions[
        0
    ].prompt
    assert labels("Long icicles hang over a frozen well.")[0].endswith("icicle")


def test_a_light_shone_or_a_weapon_aimed_is_held_by_its_user():
    p = plan("A miner in a hard hat shines a torch into a tunnel beside a cart.")
    assert "torch" not in [r.label for r in p.regions] and "torch" in p.regions[0].prompt
    p = plan("A ranger aims a crossbow at a target near a tree.")
    assert "crossbow" not in [r.label for r in p.regions] and "crossbow" in p.regions[0].prompt


def test_prompt_weights_read_as_plain_words():
    weighted = (
        "photo, (old fisherman:1.2) in a (yellow raincoat:1.1) mending a net, ((rowing boat)), [gull:0.8]"
    )
    p = plan(weighted)
    got = [r.label for r in p.regions]
    assert "raincoat" not in " ".join(got) and "fisherman" in " ".join(got)
    owner = next(r.prompt for r in p.regions if r.label.endswith("fisherman"))
    assert "yellow raincoat" in owner and ":" not in owner and "1.2" not in owner
    assert any(label.endswith("boat") for label in got) and "gull" in got
    got = labels(
        "portrait, 1boy, (red scarf:1.3), (knitted beanie:1.1), short brown hair, standing by a (fence:0.9)"
    )
    assert got == ["boy", "fence"]
    assert "red scarf" in prompt_of(plan("1boy, (red scarf:1.3), standing by a fence"), "boy")
    assert len(labels("a cat (black and white) sleeps on a sofa at 10:30")) == 2  # prose parentheses


def test_a_figure_named_before_with_owns_the_parts_and_clothes_that_follow():
    p = plan("Two girls decorate a mannequin with a silk scarf and a velvet hat in the shop window.")
    assert "silk scarf" in prompt_of(p, "mannequin") and "velvet hat" in prompt_of(p, "mannequin")
    assert "scarf" not in prompt_of(p, "girl")
    p = plan("A boy repairs a robot with a dented head and a red bow tie on a workbench.")
    assert "dented head" in prompt_of(p, "robot") and "bow tie" in prompt_of(p, "robot")
    p = plan("In the yard, a father and his son build a snowman with a stick nose, and a dog watches.")
    assert "stick nose" in prompt_of(p, "snowman")
    p = plan("A woman leads a child past a bookcase with a green scarf.")  # no figure: the woman's
    assert "green scarf" not in prompt_of(p, "bookcase")


def test_footwear_is_worn_by_its_owner():
    p = plan(
        "A farmer in a wax jacket and muddy wellies leans on a gate while a girl in red clogs feeds a goat."
    )
    assert "muddy wellies" in prompt_of(p, "farmer") and "red clogs" in prompt_of(p, "girl")
    got = labels("Beside the pool, a man in flip-flops and a woman in white espadrilles sip cocktails.")
    assert not any(word in " ".join(got) for word in ("flip", "espadrille"))


def test_a_can_after_a_material_and_an_ing_word_is_the_thing():
    p = plan("A girl waters the roses with a tin watering can, and a cat sleeps on the wall.")
    assert "tin watering can" in prompt_of(p, "girl")
    p = plan("A gardener in a straw hat carries a zinc watering can, and a robin watches.")  # metals
    assert "zinc watering can" in prompt_of(p, "gardener")


def test_a_listed_ing_compound_in_a_tag_list_is_one_thing():
    p = plan("1boy, apron, holding frying pan, kitchen, steam")
    assert "frying pan" in prompt_of(p, "boy")
    assert "pan" not in " ".join(labels_of(p)) and "frying" not in " ".join(labels_of(p))
    p = plan("old man, fishing rod, wooden pier, lake, dusk")
    assert "fishing rod" in prompt_of(p, "old man") + " ".join(labels_of(p))
    assert "rod" not in " ".join(label for label in labels_of(p) if label != "fishing rod")


def test_a_collective_with_no_of_after_it_is_the_thing():
    assert labels("A tall pile leans against the fence.") == ["tall pile", "fence"]
    assert labels("A stack of plates sits on the table.") == ["plate", "table"]


def test_a_plural_collective_before_of_counts_the_things_after_it():
    assert labels("Two slices of cake sit on a plate.") == ["cake", "cake", "plate"]
    assert "bundle" not in labels("Bundles of straw lean against the barn.")


def test_root_vegetables_and_kitchen_ranks_are_things():
    assert labels("A muddy beetroot lies beside a knife.") == ["muddy beetroot", "knife"]
    assert labels("The saucier, a tall man, tastes a spoon.")[0].endswith("saucier")


def test_a_thing_with_something_on_its_part_is_not_carried_by_someone():
    p = plan("A fisherman sits by the lake, a wooden crate beside him with a radio on its lid.")
    assert "radio" in labels(
        "A fisherman sits by the lake, a wooden crate beside him with a radio on its lid."
    )
    assert "radio" not in prompt_of(p, "fisherman")  # it rests on the crate, nobody holds it
    p = plan("A boy sits on the steps next to a mailbox with a parcel on its top.")
    assert "parcel" not in prompt_of(p, "boy") and "parcel" in labels(
        "A boy sits by a mailbox with a parcel on its top."
    )


def test_an_animal_ridden_or_rested_on_is_bigger_than_its_rider():
    reading = reading_of("A goblin rides a giant beetle across the sand, and a monkey sits on a goat.")
    size = {t.head: t.size for t in reading.things}
    assert size["beetle"] > size["goblin"] and size["goat"] > size["monkey"]
    p = plan("A fairy riding a snail on a mossy log.")
    fairy, snail = (next(r.box for r in p.regions if r.label == name) for name in ("fairy", "snail"))
    assert area(snail) > area(fairy)


def test_while_and_an_ing_verb_still_says_what_the_subject_does():
    p = plan("A nurse reads a chart while pushing a steel trolley, and a porter waits by the lift.")
    assert "pushing a steel trolley" in prompt_of(p, "nurse")
    p = plan("An old man feeds the ducks whilst holding a paper bag near the pond.")
    assert "holding a paper bag" in prompt_of(p, "old man")
    p = plan("A cat sleeps on the rug while a dog barks at the door.")  # a new clause: not the cat's
    assert "dog" not in prompt_of(p, "cat")


def test_a_toy_animal_is_carried_like_a_toy():
    p = plan("A little girl waves from the window, a plush elephant in her arms.")
    assert "plush elephant" in prompt_of(p, "little girl") and "elephant" not in labels(
        "A little girl waves from the window, a plush elephant in her arms."
    )
    p = plan("A boy sits on the stairs hugging a cuddly tiger, and a cat watches.")
    assert "cuddly tiger" in prompt_of(p, "boy")
    assert "tall bookshelf" in labels("A tall bookshelf stuffed with old maps stands by a desk.")  # a verb


def test_she_or_he_opening_a_clause_goes_on_describing_that_person():
    p = plan("An old fisherman mends his nets on the quay. He sits cross-legged, humming.")
    assert "sitting cross-legged" in prompt_of(p, "old fisherman")
    p = plan("A dancer leaves the stage, she walks barefoot past a piano.")
    assert "walking barefoot" in prompt_of(p, "dancer")
    p = plan("A boy and his grandmother feed the geese. She stands smiling by a bench.")
    assert "standing" in prompt_of(p, "grandmother") and "standing" not in prompt_of(p, "boy")


def test_a_grouped_region_puts_its_head_in_the_plural_not_the_last_word():
    from planner.reading import Size, Thing
    from planner.rules import _group_phrase

    thing = Thing(
        "child", "child", 2, Size.MEDIUM, None, (), "a child in a coat building a snowman, laughing"
    )
    assert _group_phrase(thing) == "2 children in a coat building a snowman, laughing"
    assert _group_phrase(Thing("goose", "goose", 5, Size.SMALL, None, (), "a grey goose")) == "5 grey geese"


def test_a_count_tag_and_the_character_tag_after_a_bare_word_tag_are_one_person():
    p = plan("1girl, solo, young nun, black habit, candle, chapel")
    assert [r.label for r in p.regions][0] == "young nun" and "girl" not in [r.label for r in p.regions]
    assert "black habit" in prompt_of(p, "young nun")  # a habit is worn; the candle after it held
    assert labels("best quality, 1boy, solo, cowboy, leather hat, riding a horse, desert")[0] == "cowboy"
    assert "boy" not in labels("1boy, solo, cowboy, leather hat, riding a horse, desert")


def test_a_person_after_a_group_word_and_a_comma_is_someone_new():
    got = labels("Shot from the back of the audience, a juggler in a striped vest tosses three pins.")
    assert "juggler" in got
    got = labels("We stand among the crowd, a drummer in a red cap beating a snare.")
    assert "drummer" in got
    assert labels("The mayor, a stout man in a sash, waves.") == ["mayor"]


def test_ships_land_forms_workshop_fittings_and_cloths_are_things():
    got = labels("A battered frigate sails past a red butte while a castaway waves a rag from the shore.")
    assert {"frigate", "red butte", "castaway"} <= set(got) and "rag" not in got  # the rag is waved
    got = labels("A brick kiln stands by the lathe, and a pegboard hangs over a folded cloth.")
    assert {"brick kiln", "lathe", "pegboard", "cloth"} <= set(got)
    got = labels("Paper bunting droops over a tiny amp and a solar array.")
    assert {"paper bunting", "tiny amp", "solar array"} <= set(got)


def test_swimwear_curlers_and_outdoor_gear_are_worn_and_counted_gears_are_things():
    assert labels("A boy in swim trunks and a lady in pink curlers wait by the pool.") == ["boy", "lady"]
    assert labels("A hiker in waterproof gear crosses a bridge.") == ["hiker", "bridge"]
    assert labels("A dish holding four brass gears sits by a clock.").count("brass gear") == 4


def test_a_thing_offered_pointed_or_clasped_is_held_by_its_user():
    assert labels("A monk kneels by the gate, offering a bowl of rice to a deer.") == ["monk", "gate", "deer"]
    assert labels("A tourist on the pier is pointing a camera at a seal.") == ["tourist", "pier", "seal"]
    assert labels("A girl clasping a lantern waits by a well.") == ["girl", "well"]


def test_what_a_can_carton_or_thermos_holds_is_in_it_not_a_thing_of_its_own():
    assert labels("A can of soda stands on the bench.") == ["can", "bench"]
    assert labels("A kettle of soup sits by a tent.") == ["kettle", "tent"]


def test_a_part_of_another_kind_after_a_persons_possessive_names_a_kind_of_thing():
    assert labels("A potter's wheel sits next to a brick kiln.") == ["wheel", "brick kiln"]
    assert labels("A dog's tail pokes out from under a bench.")[0] == "dog"  # a dog has a tail


def test_a_noun_and_participle_without_their_hyphen_describe_the_noun_after_them():
    assert labels("A lizard basks on a moss covered boulder.") == ["lizard", "boulder"]
    assert labels("Two boys skate past graffiti sprayed walls toward a van.") == ["boy", "boy", "van"]
    assert "farmer" in labels("A goat watches the farmer carrying a bucket.")


def test_a_tool_after_pointing_at_something_is_the_pointers():
    p = plan("A chef stands by the stove, pointing at the pot with a ladle.")
    assert [r.label for r in p.regions] == ["chef", "stove", "pot"]
    assert "ladle" in prompt_of(p, "chef")


def test_an_ing_word_opening_a_clause_before_an_article_is_the_verb():
    assert labels("A boy kneels on the dock, painting a red canoe.") == ["boy", "dock", "red canoe"]
    assert labels("A girl sits on a stump, drawing the old barn.") == ["girl", "stump", "old barn"]
    assert "painting" in labels("A vase, a painting and a lamp stand on the shelf.")


def test_twins_and_triplets_are_people_counted_by_their_phrase():
    assert labels("A pair of twins in yellow raincoats jump in a puddle.") == ["twin", "twin", "puddle"]
    assert labels("Three triplets ride a tandem.")[:3] == ["triplet"] * 3


def test_a_bare_kin_tag_after_a_count_tag_says_how_the_counted_are_related():
    p = plan("2boys, brothers, green scarves, standing by a gate")
    assert [r.label for r in p.regions] == ["boy", "boy", "gate"]
    assert "green scarves" in prompt_of(p, "boy")


def test_a_garment_named_with_its_wearers_possessive_is_worn_not_boxed():
    p = plan("A kitten paws at the girl's sandals, and behind them a green van tows a cart.")
    assert [r.label for r in p.regions] == ["kitten", "girl", "green van", "cart"]
    assert "sandals" in prompt_of(p, "girl")


def test_swimwear_and_hair_curlers_are_worn_not_drawn_apart():
    p = plan("Three boys in swim trunks splash in a lake while their aunt in hair curlers reads on a towel.")
    assert "swim trunks" in prompt_of(p, "boy")
    assert "hair curlers" in prompt_of(p, "aunt")
    assert not any("trunk" in r.label or "curler" in r.label for r in p.regions)
    p = plan("A surfer in board shorts waxes his board on the sand.")
    assert "board shorts" in prompt_of(p, "surfer")


def test_markers_and_highlighters_are_held_objects_not_people():
    p = plan("A teacher taps the chart with a red marker while a pupil underlines a page with a highlighter.")
    assert "red marker" in prompt_of(p, "teacher")
    assert not any(r.label.endswith(("marker", "highlighter")) for r in p.regions)


def test_a_thing_someone_offers_or_points_is_in_their_hand():
    p = plan("A monk sits under a pine, offering a bowl of tea to a traveller on the right.")
    assert "bowl" in prompt_of(p, "monk")
    p = plan("A tourist stands by the fountain, pointing a small camera at a pigeon.")
    assert "small camera" in prompt_of(p, "tourist")
    assert "camera" not in [r.label for r in p.regions]


def test_a_held_thing_after_its_owners_name_and_s_is_theirs():
    p = plan("A fisherman and his son sit on the pier, the son's fishing rod bent over the water.")
    assert "fishing rod" in prompt_of(p, "son")
    assert "fishing rod" not in [r.label for r in p.regions]
    p = plan("A sailor rows past the lighthouse. The lighthouse's lantern glows.")
    assert "lantern" not in prompt_of(p, "sailor")


def test_a_degree_word_and_adjective_in_a_tag_list_describe_the_one_tagged():
    p = plan("lineup sheet, 1boy, pirate, quite plump, red bandana, holding a cutlass, white background")
    assert "plump" in prompt_of(p, "pirate")
    p = plan("party portrait, old dwarf, very short, braided beard; young elf, rather slender, bow")
    assert "short" in prompt_of(p, "old dwarf")
    assert "slender" in prompt_of(p, "young elf")


def test_drumsticks_and_whistles_tagged_after_someone_are_held_but_a_scene_tag_is_drawn():
    p = plan(
        "band lineup, 1boy drummer, spiky hair, drumsticks, 1girl coach, long braid, whistle, white background"
    )
    assert "drumsticks" in prompt_of(p, "boy drummer")
    assert "whistle" in prompt_of(p, "girl coach")
    assert not any(r.label in {"drumstick", "whistle"} for r in p.regions)
    p = plan("1boy, guard, steel helmet, spear, castle courtyard, well, stone lantern, cloudy sky")
    assert "stone lantern" in [r.label for r in p.regions]


def test_a_setting_word_given_with_a_building_is_a_feature_in_its_prompt():
    """'a lighthouse with a red lantern room': the room is the lighthouse's, not the background's."""
    got = plan("On a cliff stands a tall lighthouse with a red lantern room, and a boat sails below.")
    assert "red lantern room" in prompt_of(got, "tall lighthouse")
    assert "lantern room" not in got.background_prompt
    assert "forest" in plan("A girl with a forest behind her.").background_prompt


def test_a_small_thing_someone_acts_on_with_their_hands_is_theirs():
    p = plan("In the hall a clerk inspects a clipboard while a cowboy snaps a whip at the cattle.")
    assert "clipboard" not in labels_of(p) and "whip" not in labels_of(p)
    assert "clipboard" in prompt_of(p, "clerk") and "whip" in prompt_of(p, "cowboy")


def test_a_big_or_definite_thing_after_an_action_verb_stays_its_own():
    assert "huge bellows" in labels("In the smithy an apprentice works a huge bellows beside the anvil.")
    assert "ball" in labels("A striker leaps to head the ball toward the goal.")


def labels_of(p: Plan) -> list[str]:
    return [r.label for r in p.regions]


def test_a_palette_after_a_saturation_word_is_the_look_not_a_thing():
    assert labels("A lighthouse on a cliff at dusk, grainy film, oversaturated palette.") == [
        "lighthouse",
        "cliff",
    ]
    assert "palette" not in " ".join(labels("An owl on a fence post, desaturated palette, 35mm."))


def test_the_latter_and_the_former_name_the_last_two_people():
    p = plan("A sailor and a baker wait at a bus stop; the latter wears a red cap.")
    assert "red cap" in prompt_of(p, "baker") and "red cap" not in prompt_of(p, "sailor")
    assert "cap" not in [r.label for r in p.regions]
    p = plan("A nurse and a porter chat by a lift. The former holds a clipboard.")
    assert "clipboard" in prompt_of(p, "nurse") and "clipboard" not in prompt_of(p, "porter")


def test_one_of_them_as_a_subject_is_one_of_the_group():
    p = plan("Three welders rest in a shed. One of them holds a torch.")
    assert "torch" in prompt_of(p, "welder") and "torch" not in [r.label for r in p.regions]


def test_an_appositive_after_my_or_our_says_who_the_person_is():
    p = plan("My uncle, a stocky man in a tweed cap, mends a fence.")
    got = [r.label for r in p.regions]
    assert "uncle" in got and "man" not in got and "tweed cap" in prompt_of(p, "uncle")


def test_lone_or_solitary_after_an_article_describes_the_one_thing():
    p = plan("A lone canoe floats by a reed bed, and the solitary fisher watches it.")
    assert "lone canoe" in prompt_of(p, "lone canoe")
    assert "solitary fisher" in next(r.prompt for r in p.regions if r.label.endswith("fisher"))
    assert [r.label for r in plan("Lone gulls circle over a pier.").regions][0] == "gull"


def test_the_plant_a_cut_branch_or_bouquet_is_of_is_in_its_prompt():
    p = plan("A bouquet of peonies rests on a bench beside a watering can.")
    assert [r.label for r in p.regions] == ["bouquet", "bench", "watering can"]
    assert "bouquet of peonies" in prompt_of(p, "bouquet")
    held = plan("A boy carries a bouquet of lilies.")
    assert [r.label for r in held.regions] == ["boy"]
    assert "bouquet of lilies" in prompt_of(held, "boy")


def test_a_relative_clause_right_after_a_thing_describes_it():
    p = plan("A heron that has just caught a frog stands in the shallows.")
    assert "caught a frog" in prompt_of(p, "heron")
    q = plan("An old sheepdog that wags its tail waits by the gate.")
    assert "wagging its tail" in prompt_of(q, "old sheepdog")
    assert "wait" not in prompt_of(q, "old sheepdog")


def test_a_tag_list_goes_on_past_a_persons_own_tag_item():
    p = plan("1boy, solo, sitting on a crate, red scarf, grinning, holding lantern, harbour")
    boy = prompt_of(p, "boy")
    assert "grinning" in boy and "holding lantern" in boy
    assert "harbour" not in boy and "grinning" not in prompt_of(p, "crate")


def test_what_the_latter_is_said_to_be_describes_the_last_thing_named():
    p = plan("A brush rests on a wooden palette, and the latter is smeared with blue paint.")
    assert "smeared with blue paint" in prompt_of(p, "wooden palette")
    assert "smeared" not in prompt_of(p, "brush")


def test_a_verb_in_s_before_a_manner_adverb_is_no_part_of_the_noun():
    assert labels("A wooden raft rocks gently on the lake.") == ["wooden raft"]
    assert labels("A red kite rocks gently over the dunes.") == ["red kite"]


def test_breeds_primates_amphibians_and_boat_types_are_things():
    got = labels("A grey whippet naps by a felucca, and a loris clings to a liana above an axolotl.")
    assert {"grey whippet", "felucca", "loris", "liana", "axolotl"} <= set(got)
    assert "lori" not in got  # 'loris' is one animal, not the plural of 'lori'


def test_a_word_in_s_after_a_singular_noun_that_a_heads_is_its_verb():
    got = labels("By the jetty, a battered barge rocks slowly, and a gull watches from a post.")
    assert "barge" in got or "battered barge" in got
    assert not any("rocks" in label for label in got)


def test_a_bare_verb_form_after_a_singular_noun_that_a_heads_is_a_noun():
    got = labels("On the corner: a busy noodle stand with a big pot, and a man waits beside it.")
    assert any(label.endswith("noodle stand") for label in got) and "noodle" not in got
    got = labels("A man and a woman stand on the bridge.")  # two people: 'stand' is their verb
    assert got == ["man", "woman", "bridge"]


def test_the_phone_a_picture_was_shot_on_and_a_slant_are_no_things():
    got = labels("Shot on a smartphone at dusk: a bike leans at a slant against a lamppost.")
    assert "smartphone" not in got and "slant" not in got and "bike" in got


def test_a_film_stock_named_for_the_look_is_style():
    p = plan("Ektachrome colours, a red kite above a green hill.")
    assert "ektachrome" not in [r.label.lower() for r in p.regions]


def test_a_bare_noun_before_a_colour_word_names_its_shade():
    p = plan("A scooter in pistachio green waits by a kiosk, and a door is painted cherry red.")
    assert [r.label for r in p.regions] == ["scooter", "kiosk", "door"]
    assert "pistachio green" in prompt_of(p, "scooter")


def test_an_appositive_after_a_word_for_a_tie_is_that_one_person_named_by_the_tie():
    got = labels("A parrot squawks on a perch; its owner, a tall man in a red vest, whistles back.")
    assert sum(label.endswith("owner") for label in got) == 1 and not any("man" in label for label in got)
    got = labels("A chef tastes the soup, and his partner, a young woman with a ladle, laughs.")
    assert sum(label.endswith("partner") for label in got) == 1 and "young woman" not in got


def test_a_kin_tag_after_a_placed_count_tag_is_those_people():
    got = labels("masterpiece, 3girls on the right, sisters, yellow dresses, a pony")
    assert got.count("girl") == 3 and "sister" not in got and "pony" in got


def test_a_counted_appositive_after_a_plural_for_people_is_those_people():
    assert labels("The cousins, two boys in wellies, wade across a stream.") == ["boy", "boy", "stream"]
    assert labels("Her daughters, three girls with balloons, skip past a fountain.") == [
        "girl",
        "girl",
        "girl",
        "fountain",
    ]


def test_every_noun_joined_after_like_is_only_a_likeness():
    got = labels("A baker sets out biscuits shaped like hearts and rabbits beside a jar.")
    assert "rabbit" not in got and "heart" not in got and "baker" in got


def test_a_building_a_room_is_in_is_the_setting():
    p = plan("A sunny attic studio in an old windmill, with an easel by the window and a cat on a rug.")
    got = [r.label for r in p.regions]
    assert "windmill" not in " ".join(got) and "easel" in got
    assert "windmill" in p.background_prompt


def test_an_animals_own_trunk_is_its_part_and_a_trunk_alone_a_thing():
    assert labels("A young elephant lifts its trunk beside a fence.") == ["young elephant", "fence"]
    assert labels("A trunk sits at the foot of the bed.") == ["trunk", "bed"]


def test_a_plural_after_a_counted_noun_is_the_head_of_their_compound():
    got = labels("On the rug lie three board games, and two dented ration packs rest by the door.")
    assert got.count("board game") == 3 and "board" not in got
    assert sum(label.endswith("pack") for label in got) == 2 and "ration" not in got


def test_a_plural_after_a_listed_compound_in_a_collections_contents_is_its_head():
    got = labels("A pile of board game boxes sits next to a lamp.")
    assert "board game" not in got and any(label.endswith("box") for label in got)


def test_a_game_a_picture_is_made_for_is_no_thing():
    assert "board game" not in labels("Cover art for a board game about dragons. A knight rides a horse.")


def test_a_size_word_before_a_word_in_capitals_describes_the_things_it_names():
    got = labels("Behind the drummer, three giant LED monitors hang over the stage.")
    assert "giant" not in got and sum(label.endswith("monitor") for label in got) == 3


def test_a_plural_after_an_unlisted_word_in_capitals_is_a_noun():
    from planner.rules_tokens import Tag, tokenize

    tags = {t.low: t.tag for t in tokenize("The desk is lit by a row of RGB strips.")}
    assert tags["strips"] is Tag.NOUN
    tags = {t.low: t.tag for t in tokenize("On the wall, the TV flickers.")}
    assert tags["flickers"] is Tag.VERB


def test_a_full_name_before_an_appositive_is_the_one_the_appositive_names():
    got = labels("Beside the mast stands Admiral Jonas Crane, a gaunt sailor in a blue coat, holding a map.")
    assert not any("crane" in label or "jonas" in label for label in got)
    assert sum(label.endswith("sailor") for label in got) == 1
    assert labels("Doctor Ivy Swan, a tall woman in a lab coat, peers into a microscope.").count("swan") == 0


def test_a_young_animal_named_by_its_own_word_is_a_thing():
    got = labels("By the river, a seal pup, its fur still fluffy and pale, watches a heron.")
    assert any(label.endswith("pup") for label in got) and not any("fur" in label for label in got)


def test_an_animal_appositive_says_what_kind_the_animal_is():
    p = plan("Her dog, a scruffy terrier in a knitted vest, dozes under the piano.")
    got = [r.label for r in p.regions]
    assert sum(label.endswith("dog") for label in got) == 1 and not any("terrier" in label for label in got)
    assert "terrier" in prompt_of(p, next(label for label in got if label.endswith("dog")))


def test_an_appositive_after_a_possessive_noun_names_the_same_one():
    p = plan("The ferryman's dog, a shaggy grey collie, sleeps on a coil of rope.")
    got = [r.label for r in p.regions]
    assert sum(label.endswith("dog") for label in got) == 1 and not any("collie" in label for label in got)
    reading = reading_of("The baker's son, a skinny boy with flour on his cheeks, waits by the oven.")
    assert [t.head for t in reading.things].count("boy") == 0


def test_an_appositive_of_the_same_kind_after_a_told_thing_names_that_thing():
    # a word in -s after the aside is its verb, not a plural thing; an -ing word after 'a' in the
    # aside only describes ('a sagging roof'), so the aside still closes before the verb
    got = labels("The old mill, a stone barn with a sagging roof, watches over the weir.")
    assert got == ["old mill", "weir"]
    assert labels("A hammer, a mallet, files in a tin.") == ["hammer", "mallet", "tin"]


def test_a_part_named_by_the_animal_it_came_from_is_a_thing_of_its_own():
    got = labels("On the mossy stump rests a weathered elk antler, and a hiker kneels beside it.")
    assert sum(label.endswith("elk antler") for label in got) == 1
    assert not any("ear" in label for label in labels("A boy with bunny ears hops past a fence."))


def test_a_part_named_by_the_made_thing_it_belongs_to_is_a_thing_of_its_own():
    got = reading_of("Six guitar bodies lean against the workbench under a lamp.").things
    assert got[0].label == "guitar body" and got[0].count == 6
    assert "piano leg" in labels("Rows of piano legs wait on a rack beside the kiln.")
    assert not any("door" in label for label in labels("A girl with a car door key waves at a bus."))


def test_a_second_participle_joined_by_and_has_the_first_ones_owner():
    p = plan("A boy rides on his father's back, wearing a paper hat and holding a pinwheel.")
    assert "pinwheel" in prompt_of(p, "boy") and "pinwheel" not in prompt_of(p, "father")
    assert "pinwheel" not in [r.label for r in p.regions]


def test_a_religious_figures_habit_and_halo_are_worn():
    got = labels("A hermit in a grey habit prays beside a saint with a halo, near a well.")
    assert got == ["hermit", "saint", "well"]


def test_any_form_of_a_holding_verb_hands_its_object_to_the_subject():
    p = plan("A clown juggles three oranges beside a tent, and a barista twirls a spoon at the till.")
    got = [r.label for r in p.regions]
    assert "orange" not in got and "oranges" in prompt_of(p, "clown")
    assert "spoon" not in got and "spoon" in prompt_of(p, "barista")


def test_an_animal_handling_a_small_thing_has_it_in_its_mouth():
    p = plan("A puppy dozes in the shade, gnawing a tennis ball.")
    assert [r.label for r in p.regions] == ["puppy"] and "tennis ball" in prompt_of(p, "puppy")
    got = labels("A kitten is watching a ball of yarn under the sofa.")
    assert "ball" in got  # only seen: a thing of its own


def test_one_small_food_handled_by_someone_is_in_their_hands():
    p = plan("Beside a tent, a girl is slicing a melon, and a vendor is stacking melons by a cart.")
    got = [r.label for r in p.regions]
    assert got.count("melon") == 1 and "melon" in prompt_of(p, "girl")  # the vendor's melons stay things


def test_a_body_parts_pose_in_an_absolute_phrase_stays_with_its_owner():
    p = plan("A drummer leans back on a stool, eyes closed, beside a gong.")
    assert "eyes closed" in prompt_of(p, "drummer")
    p = plan("Cheering skaters circle the rink, arms outstretched, hair streaming.")
    assert "arms outstretched" in prompt_of(p, "skater") and "hair streaming" in prompt_of(p, "skater")


def test_with_after_a_thing_opening_a_list_item_gives_that_thing_its_own():
    p = plan("a busker playing to the crowd, a sausage stand with a striped umbrella, pigeons")
    assert "umbrella" in prompt_of(p, "sausage stand") and "umbrella" not in prompt_of(p, "crowd")


def test_the_former_and_the_latter_wear_what_in_or_with_gives_them():
    p = plan("A sailor and a baker wait by the pier, the former with a lantern, the latter in an apron.")
    assert "lantern" in prompt_of(p, "sailor") and "lantern" not in prompt_of(p, "baker")
    assert "apron" in prompt_of(p, "baker")
    p = plan("Two cousins fly a kite while their dog runs about, the former bundled in scarves.")
    assert "scarves" in prompt_of(p, "cousin") and "scarves" not in prompt_of(p, "dog")


def test_the_taller_or_the_younger_of_a_group_wears_what_in_or_with_gives():
    p = plan("Two brothers fish from a jetty, the taller in a raincoat.")
    assert [r.label for r in p.regions] == ["brother", "brother", "jetty"]
    assert "raincoat" in prompt_of(p, "brother")
    got = labels("2boys, twins, the younger with a buzz cut and a bomber jacket, park")
    assert "bomber jacket" not in got and "jacket" not in got


def test_an_animal_named_again_by_an_appositive_is_one_animal_with_its_breed():
    p = plan("Her dog, a shaggy collie with a red bandana, naps by the door.")
    assert [r.label for r in p.regions] == ["dog", "door"]
    assert "collie" in prompt_of(p, "dog") and "red bandana" in prompt_of(p, "dog")


def test_a_worn_item_placed_on_a_body_part_does_not_end_a_with_list():
    got = labels(
        "A lanky welder with dark goggles pushed up on his brow and a canvas apron, grinding a pipe."
    )
    assert "apron" not in " ".join(got)
    assert "canvas apron" in prompt_of(
        plan("A lanky welder with dark goggles pushed up on his brow and a canvas apron."), "welder"
    )
    reading = reading_of("A clerk with a pencil tucked behind her ear and a green visor sorts letters.")
    clerk = next(t for t in reading.things if t.head == "clerk")
    assert {"a pencil", "a green visor"} <= set(clerk.attributes)
    assert [t.head for t in reading.things if t.head == "visor"] == []


def test_a_thing_placed_between_them_in_an_aside_is_set_down_not_worn():
    reading = reading_of(
        "A nun and a monk sit at a table, the latter in a brown robe, a clay jug between them."
    )
    assert "jug" in [t.head for t in reading.things]
    assert not any("jug" in " ".join(t.attributes) for t in reading.things)


def test_holidays_and_their_eves_are_times_not_things():
    got = labels("A quiet harbour town on Christmas Eve, a fishing boat moored by the pier.")
    assert "eve" not in " ".join(got) and "fishing boat" in got
    got = labels("A pumpkin patch at dusk on Halloween, a scarecrow beside a wooden cart.")
    assert got == ["pumpkin patch", "scarecrow", "wooden cart"]
    assert labels("Christmas Eve in a small town: a boy drags a sled past a bakery.") == [
        "boy",
        "sled",
        "bakery",
    ]


def test_machines_named_like_agent_nouns_and_floor_doors_are_things():
    got = labels("A rusty recycler hums beside an open hatch, and an abacus lies on a crate.")
    assert {"rusty recycler", "open hatch", "abacus", "crate"} <= set(got)
    got = labels("An astronaut checks a water recycler, and a cat naps on an open hatch.")
    assert got == ["astronaut", "water recycler", "cat", "open hatch"]


def test_a_possessive_body_part_of_a_figure_is_its_body_not_a_chest():
    assert labels("A tin robot with a red dial on its chest stands on a shelf.") == ["tin robot", "shelf"]
    assert labels("A porcelain doll, its chest painted blue, sits by a lamp.") == ["porcelain doll", "lamp"]
    assert "treasure chest" in labels("A pirate with a scar on his chest stands by a treasure chest.")


def test_bare_sun_said_like_a_mass_noun_is_sunlight_not_a_sun():
    assert labels("A wooden gate bleached grey by decades of sun leans beside a well.") == [
        "wooden gate",
        "well",
    ]
    assert "red sun" in labels("A red sun hangs over the sea behind a small sailboat.")


def test_the_sun_one_is_in_or_looks_into_is_its_light():
    assert labels("Three pears ripen in the sun on a stone ledge.") == ["pear", "pear", "pear", "stone ledge"]
    assert labels("A sailor squints into the low sun beside a mast.") == ["sailor", "mast"]
    assert "sun" in labels("The sun sets behind a lighthouse.")


def test_sunbeams_and_storeys_are_no_things():
    # a beam of sunlight is the picture's light; 'three stories' measures a building's height
    assert labels("A weaver sits at a loom, dust drifting in a sunbeam.") == ["weaver", "loom"]
    assert labels("A bakery rises four storeys above a tram.") == ["bakery", "tram"]
    assert labels("A pink hotel, five stories tall, faces a fountain.") == ["pink hotel", "fountain"]


def test_figures_of_religious_painting_are_people_who_hold_things():
    got = labels("Two cherubs hold a garland of daisies above an apostle, and an abbot kneels by an altar.")
    assert got == ["cherub", "cherub", "apostle", "abbot", "altar"]
    assert "garland" not in labels("A bride wears a garland of poppies beside a well.")


def test_a_measure_of_stuff_on_a_body_part_does_not_end_a_with_list():
    got = labels("A potter with a streak of clay on his nose and a leather apron sits at a wheel.")
    assert got == ["potter", "wheel"]
    got = labels("A cook with a dab of sauce on her chin and a paper hat stirs a pot.")
    assert "paper hat" not in got and "cook" in got


def test_a_room_aboard_a_vessel_or_station_sets_the_scene_with_it():
    reading = reading_of("A narrow engine room aboard an old freighter. A mechanic kneels by a pump.")
    assert [t.head for t in reading.things] == ["mechanic", "pump"]
    assert "an old freighter" in reading.backdrop
    assert "freighter" in labels("A pilot climbs aboard a freighter beside a fuel truck.")


def test_an_unlisted_noun_rated_concrete_is_a_thing_without_an_action_or_place():
    # concreteness.tsv (Brysbaert et al. 2014) rates casket, spittoon and bassinet concrete
    got = labels("A weary undertaker in a black coat leans on a pine casket, a lantern by his boots.")
    assert got == ["weary undertaker", "pine casket", "lantern"]
    assert labels("On the porch: a rocking chair, a brass spittoon.") == ["rocking chair", "brass spittoon"]
    assert labels("A nurse rocks a wicker bassinet.") == ["nurse", "wicker bassinet"]


def test_an_unlisted_noun_not_rated_concrete_needs_an_action_or_place():
    assert labels("A violinist plays beside a fountain, a quiet reverie.") == ["violinist", "fountain"]


def test_a_concrete_unlisted_noun_is_no_thing_as_a_group_a_setting_or_a_with_item():
    assert labels("A pod of dolphins leaps beside a sailboat.") == ["dolphin", "sailboat"]
    assert "gymnasium" not in " ".join(labels("Inside a dim gymnasium, an old clerk sits on a stool."))
    assert labels("In the field, a scarecrow with a straw hat and a rusty sickle.") == ["scarecrow"]


def test_concreteness_ratings_are_read_by_the_singular():
    from planner.rules_vocab import concreteness

    assert concreteness("caskets") == concreteness("casket") == 4.86
    assert concreteness("reverie") is None  # not rated concrete: not in the list


def test_body_parts_are_said_of_their_owner_not_drawn_alone():
    got = labels("A grinning mechanic gives a thumbs up next to a tow truck, a wrench on a crate beside him.")
    assert "thumb" not in got and {"mechanic", "tow truck"} <= set(got)
    got = labels("An owl grips a mouse in its talons on a fence post, and a lizard flicks a tongue.")
    assert "talon" not in got and "tongue" not in got


def test_an_unlisted_closed_compound_is_the_kind_of_thing_its_last_part_names():
    got = labels(
        "A lungfish wallows in the mud next to a red boathouse, and a snowplough waits by a watchtower."
    )
    assert {"lungfish", "red boathouse", "snowplough", "watchtower"} <= set(got)
    from planner.rules_vocab import ThingKind, entry

    assert entry("lungfish").kind is ThingKind.ANIMAL and entry("watchtower").kind is ThingKind.BUILDING


def test_words_that_only_end_like_a_thing_are_no_compounds():
    got = labels("A drone is hovering over the outdoor championship while a sergeant waves a flag.")
    assert not {"ring", "hovering", "outdoor", "championship", "ship"} & set(got)
    from planner.rules_vocab import entry

    assert entry("dreamscape") is None and entry("poison") is None and entry("rackham") is None


def test_a_plain_word_for_a_person_after_a_role_says_who_that_one_is():
    p = plan("A lifeguard, a tall woman in a red swimsuit, waves from her chair on the sand.")
    got = [r.label for r in p.regions]
    assert not any(label.endswith("woman") for label in got)
    assert "red swimsuit" in next(r.prompt for r in p.regions if r.label.endswith("lifeguard"))
    got = labels("On the right stands a drummer, a skinny kid with a snare drum.")
    assert any(label.endswith("drummer") for label in got) and "kid" not in got


def test_a_list_of_a_role_and_plain_people_stays_a_list():
    got = labels("A fisherman, a woman with a basket, and a boy stand on the pier.")
    assert {"fisherman", "woman", "boy"} <= set(got)
    got = labels("A baker, a girl, a dog and a cat wait at the door.")
    assert {"baker", "girl"} <= set(got)


def test_an_appositive_after_a_reflexive_says_who_the_person_is():
    p = plan("In the middle, the mayor himself, a portly man in a top hat, cuts a ribbon.")
    got = [r.label for r in p.regions]
    assert not any(label.endswith("man") for label in got)
    assert "top hat" in next(r.prompt for r in p.regions if r.label.endswith("mayor"))


def test_a_thing_a_size_is_measured_by_is_not_drawn():
    got = labels("A moth the size of a dinner plate rests on a fence post.")
    assert "moth" in got and not any(label.endswith("plate") for label in got)
    got = labels("Beside the barn stands a pumpkin twice the height of a man.")
    assert "pumpkin" in got and "man" not in got
    got = labels("A ginger cat stretches the length of the sofa.")
    assert "sofa" in got
    assert "rope" in labels("A sailor cuts a length of rope on the deck.")


def test_half_before_an_irregular_participle_says_how_much():
    got = labels("A rowboat half sunk in the pond, a heron and a frog.")
    assert "rowboat" in got and "half" not in got and "heron" in got


def test_the_sun_of_a_time_of_day_in_a_style_list_is_light():
    r = reading_of("A girl flies a kite on the dunes. Hazy midday sun, travel photo, pastel colors.")
    assert [t.label for t in r.things] == ["girl", "kite"]
    assert "hazy midday sun" in r.style


def test_whatever_is_worn_after_wearing_goes_with_its_wearer():
    p = plan("A donkey wearing a striped woolen blanket stands beside a cart of melons.")
    got = [r.label for r in p.regions]
    assert not any(label.endswith("blanket") for label in got) and "cart" in got
    assert "blanket" in next(r.prompt for r in p.regions if r.label == "donkey")


def test_a_preposition_between_an_article_and_its_noun_describes_the_noun():
    p = plan("A hiker in a bright orange down vest rests on a boulder.")
    got = [r.label for r in p.regions]
    assert "vest" not in got and "down vest" in prompt_of(p, "hiker")
    got = labels("A heron wades along the near bank of the river.")
    assert "heron" in got


def test_a_bare_plural_for_people_after_for_says_whom_a_thing_is_meant_for():
    got = labels("A long bench for visitors stands under an oak tree.")
    assert "visitor" not in got and "long bench" in got
    got = labels("A waiter lays a table for diners beside a potted palm.")
    assert "diner" not in got and "table" in got
    assert "child" in labels("A clown juggles for the children on a lawn.")


def test_a_building_a_scene_is_inside_or_the_interior_of_is_the_setting():
    r = reading_of("Dim little library inside an old windmill, dusk. A cat naps on a cushion.")
    assert [t.label for t in r.things] == ["cat", "cushion"] and "an old windmill" in r.backdrop
    r = reading_of("Interior of a small fisherman's hut at night. An old net hangs on a hook.")
    assert "hut" not in [t.label for t in r.things]
    got = labels("A guard stands on the porch of a tall castle.")
    assert "tall castle" in got


def test_a_tie_described_after_a_comma_stays_the_tie_with_the_words_of_the_description():
    p = plan("Her husband, a gaunt carpenter, planes a plank beside a sawhorse.")
    got = [r.label for r in p.regions]
    assert "husband" in got and "carpenter" not in got
    assert "gaunt carpenter" in next(r.prompt for r in p.regions if r.label == "husband")
    p = plan("Its owner, a plump woman in an apron, leans on a broom.")
    got = [r.label for r in p.regions]
    assert any(label.endswith("owner") for label in got) and "woman" not in got
    assert "apron" in next(r.prompt for r in p.regions if r.label.endswith("owner"))


def test_a_role_then_any_word_for_a_person_before_a_verb_is_one_person():
    p = plan("A ranger, a wiry botanist in muddy boots, kneels beside a fern.")
    got = [r.label for r in p.regions]
    assert any(label.endswith("ranger") for label in got) and "botanist" not in got
    assert "muddy boots" in next(r.prompt for r in p.regions if r.label.endswith("ranger"))
    assert {"ranger", "botanist", "cook"} <= set(labels("A ranger, a botanist and a cook sit by a tent."))
    assert {"ranger", "botanist"} <= set(labels("Around the fire sit a ranger, a botanist, a cook."))


def test_a_company_of_people_after_a_picture_of_is_the_subject_not_a_region():
    got = labels("A group photo of the lifeboat crew on a jetty: a captain, a nurse and a mechanic.")
    assert not any(label.endswith("crew") for label in got) and {"captain", "nurse", "mechanic"} <= set(got)
    got = labels("Portrait of the evening staff of a bakery, a baker holding bread beside a cashier.")
    assert not any(label.endswith("staff") for label in got) and {"baker", "cashier"} <= set(got)
    assert "staff" in labels("A photo of a carved staff on a table, a monk and a nun behind it.")


def test_bare_rest_lean_hang_after_a_list_are_its_verb():
    got = labels("A teacup and a brass key rest on a windowsill.")
    assert "rest" not in got and {"teacup", "windowsill"} <= set(got) and any(g.endswith("key") for g in got)
    got = labels("Two rakes lean against a shed while three lanterns hang from a beam.")
    assert got.count("rake") == 2 and got.count("lantern") == 3


def test_coming_to_a_stop_names_no_thing():
    got = labels("A taxi screeches to a stop beside a hydrant, and a cyclist grinds to a halt behind it.")
    assert "stop" not in got and "halt" not in got and {"taxi", "hydrant", "cyclist"} <= set(got)


def test_a_plural_thing_after_a_bare_kind_word_after_a_preposition_is_a_noun():
    p = plan("Two ponies with ribbon garlands on their manes trot past a hay cart.")
    assert "ribbon garlands" in next(r.prompt for r in p.regions if r.label.endswith("pony"))
    assert not any(r.label == "ribbon" for r in p.regions)
    assert "stamp" in labels("A stamp lies on an envelope.")


def test_the_camera_as_a_clause_subject_is_the_pictures_own():
    got = labels("Nature film still, the camera is mounted low in the grass where a hare nibbles clover.")
    assert "camera" not in got and "hare" in got
    assert any(g.endswith("camera") for g in labels("A boxy camera sits on a tripod; the camera is old."))


def test_a_bare_medium_among_style_tags_is_the_medium():
    got = labels("A heron stands in a pond beside a reed. Rough charcoal, smudged graphite tones.")
    assert "charcoal" not in got and "heron" in got
    assert "pencil" in labels("A pencil, an eraser and a ruler lie on a desk.")


def test_a_listed_verb_form_ending_a_singular_clause_names_a_thing():
    got = labels("An owl sat on a wooden hat stand, and a cat sleeps.")
    assert any(g.endswith("stand") for g in got) and not any(g.endswith("hat") for g in got)


def test_a_creature_of_legend_owns_its_scales():
    p = plan("A basilisk with emerald scales coils around a fallen column.")
    got = [r.label for r in p.regions]
    assert any(g.endswith("basilisk") for g in got) and not any(g.endswith("scale") for g in got)
    assert "emerald scales" in next(r.prompt for r in p.regions if r.label.endswith("basilisk"))


def test_families_of_rare_concrete_nouns_are_things():
    got = labels("A wyvern circles a galleon while a biplane flies over a frigate.")
    assert got == ["wyvern", "galleon", "biplane", "frigate"]
    got = labels("A musketeer guards the duchess beside a gazebo under a sycamore.")
    assert got == ["musketeer", "duchess", "gazebo", "sycamore"]
    got = labels("A goaltender blocks the puck, and a trio plays inside a yurt near a baobab.")
    assert {"goaltender", "puck", "trio", "yurt", "baobab"} <= set(got)
    got = labels("An eclair sits by a ramekin and a saucepan next to a butter churn.")
    assert {"eclair", "ramekin", "saucepan", "butter churn"} <= set(got)


def test_a_machine_or_ship_named_like_an_agent_noun_is_a_vehicle_bigger_than_a_person():
    things = {
        t.head: t
        for t in planner.reading.read_prompt("A farmer waves at a harvester and an icebreaker.").things
    }
    assert things["harvester"].size > things["farmer"].size
    assert things["icebreaker"].size > things["farmer"].size


def test_crew_and_hands_named_by_their_work_and_robots_are_things():
    got = labels("A bosun shouts at a cabin boy while a ranch hand feeds a droid.")
    assert got == ["bosun", "cabin boy", "ranch hand", "droid"]


def test_a_counted_plural_after_a_mass_noun_naming_its_kind_is_the_noun_not_a_verb():
    got = labels("Near the window, four chess pawns the height of a man lean against the wall.")
    assert got.count("chess pawn") == 4 and "chess" not in got
    got = labels("By the fountain, two soccer balls the size of cars sit on the lawn.")
    assert got.count("soccer ball") == 2 and "soccer" not in got


def test_a_picture_set_on_open_ground_is_the_picture_but_one_on_a_wall_or_table_is_a_thing():
    got = labels("A candid graduation photograph on a crowded beach, where a girl in a cap hugs her father.")
    assert "photograph" not in got and {"girl", "father"} <= set(got)
    assert "photograph" in labels("A framed photograph on the wall above a leather sofa.")
    assert "photograph" in labels("A faded photograph on the table next to a teapot.")


def test_a_picture_someone_poses_or_sits_for_is_the_picture_being_made():
    got = labels("Three generations of the Silva family pose for a holiday photo in the garden.")
    assert "family" in got and not {"photo", "family pose", "pose"} & set(got)
    got = labels("An old sailor sits for a portrait beside a ship wheel.")
    assert "old sailor" in got and "portrait" not in got
    assert "photograph" in labels("A woman reaches for a photograph on the shelf.")  # no sitter: a thing


def test_a_part_of_a_named_owner_places_on_the_owner_and_gets_no_region():
    got = labels("A clock melts over the branch of a dead olive tree.")
    assert "olive tree" in got and "branch" not in got
    got = labels("A boy leans against the leg of an old table.")
    assert "old table" in got and "leg" not in got
    assert "low branch" in labels("A cat sleeps on a low branch beside the barn.")  # no owner: a thing


def test_what_stands_instead_of_or_rather_than_is_not_drawn():
    got = labels(
        "A vase on the sill holds a paper fan instead of a rose, and a boy eats rice rather than bread."
    )
    assert "rose" not in got and "bread" not in got and {"vase", "boy"} <= set(got)


def test_an_ing_word_after_be_and_before_a_possessive_is_the_verb():
    from planner.rules_tokens import Tag, tokenize

    tags = {t.low: t.tag for t in tokenize("An old otter is painting her canoe by the river.")}
    assert tags["painting"] is Tag.VERB
    noun = {t.low: t.tag for t in tokenize("The best gift is her painting.")}
    assert noun["painting"] is Tag.NOUN
    reading = reading_of("A mole is setting his long table for friends: a jug, four mugs, and a pie dish.")
    ons = {(reading.things[r.subject].head, reading.things[r.objects[0]].head) for r in reading.relations}
    assert {("jug", "table"), ("mug", "table"), ("dish", "table")} <= ons


def test_the_camera_someone_poses_for_is_the_pictures():
    assert labels("A girl on the jetty lifts a crab up for the camera.") == ["girl", "jetty"]
    assert labels("Two sailors grin for the camera beside a mast.") == ["sailor", "sailor", "mast"]


def test_a_phone_camera_closing_the_style_tags_made_the_picture():
    got = labels("my niece blowing bubbles on the porch, golden hour, a bit blurry, phone camera")
    assert "camera" not in got and "niece" in got


def test_a_photo_from_an_event_is_the_picture_and_whose_day_it_is_stays():
    got = labels("a photo from my uncle's retirement party, he is cutting a cake on a long table")
    assert "photo" not in got and {"uncle", "cake"} <= set(got)
    assert labels("A photo from the 1950s hangs above the fireplace.") == ["photo", "fireplace"]


def test_a_title_with_its_point_starts_no_sentence_and_names_one_person():
    assert labels("Dr. Amadi checks a chart beside a bed.") == ["dr amadi", "chart", "bed"]
    assert labels("The nurse, Mrs. Lind, pushes a trolley.") == ["nurse", "trolley"]


def test_a_name_between_commas_after_a_thing_is_its_name():
    reading = reading_of("The class hamster, Mr. Whiskers, sleeps beside a water bottle.")
    assert [
        r.label for r in plan("The class hamster, Mr. Whiskers, sleeps beside a water bottle.").regions
    ] == [
        "class hamster",
        "water bottle",
    ]
    assert [(r.kind.value, r.subject, r.objects) for r in reading.relations] == [("next_to", 0, (1,))]
    assert labels("The tugboat, Iron Maud, pulls a barge.") == ["tugboat", "barge"]


def test_what_is_worn_after_a_lifeless_thing_someone_sits_at_is_the_sitters():
    p = plan("An old captain sits at the end of a long bench wearing a knitted beanie.")
    assert "beanie" in prompt_of(p, "old captain") and "beanie" not in prompt_of(p, "long bench")
    assert labels("In the corner a snowman wears a striped scarf.") == ["snowman"]


def test_a_listed_plural_closing_what_is_worn_is_no_verb():
    p = plan("A sled rolls past, pulled by a shaggy goat wearing brass bells.")
    assert prompt_of(p, "shaggy goat").endswith("wearing brass bells")


def test_a_word_in_s_after_someone_in_described_clothes_is_their_verb():
    p = plan("A cook in striped aprons slices onions at a counter.")
    assert prompt_of(p, "cook").startswith("a cook in striped aprons slicing")


def test_a_plain_word_for_someone_closing_a_clause_says_who_its_subject_is():
    p = plan("Her uncle leaned against the van, a stocky man in a grey parka, and he lit a pipe.")
    assert labels("Her uncle leaned against the van, a stocky man in a grey parka.") == ["uncle", "van"]
    assert "grey parka" in prompt_of(p, "uncle")
    assert labels("A farmer stands by the barn, a girl in a red coat.") == ["farmer", "barn", "girl"]
    assert "boy" in labels("The bride waits at the door, a boy in a cap.")


def test_boat_workers_are_people():
    got = labels("An oarsman and a ferryman wait by a skiff while a boatman ties a rope.")
    assert {"oarsman", "ferryman", "boatman"} <= set(got)


def test_two_ing_words_before_a_noun_both_describe_it():
    reading = reading_of("A tired robot kneels beside a flickering vending machine.")
    machine = next(t for t in reading.things if t.head == "machine")
    assert "flickering" in machine.attributes
    assert "vending machine" in machine.label
    assert any(r.kind.value == "next_to" for r in reading.relations)
    laundry = reading_of("A tabby cat dozes on top of a humming washing machine.")
    assert "humming" in next(t for t in laundry.things if t.head == "machine").attributes


def test_a_vehicles_crew_named_by_its_role_is_a_person():
    reading = reading_of(
        "An oarsman rests on the dock, a skipper smokes by the mast, and a chauffeur waits by the car."
    )
    people = {t.head for t in reading.things}
    assert {"oarsman", "skipper", "chauffeur"} <= people
    assert entry("ferryman") is not None and entry("ferryman").kind is ThingKind.PERSON


def test_a_wall_with_something_on_top_or_people_before_it_is_a_thing():
    got = labels("Four monks stand in front of a mossy stone wall, and a crow perches on top of the wall.")
    assert "stone wall" in got or "mossy wall" in got
    got = labels("The two sisters wave. They stand in front of a whitewashed wall, smiling.")
    assert any("wall" in label for label in got)


def test_a_side_wall_of_the_room_and_a_wall_of_things_stay_no_wall_thing():
    got = labels("A radio sits on a pine dresser against the back wall.")
    assert not any("wall" in label for label in got)
    got = labels("Left: a wall of humming arcade machines.")
    assert not any("wall" in label for label in got)


def test_a_bare_verb_after_a_list_of_someones_is_their_verb_not_a_compound():
    """A list of people takes the bare verb ('pray', 'rest', 'chat'), also at the end of the
    sentence or before a manner adverb, so the last person is no 'novice pray'; a listed
    compound after one thing stays a thing ('a fruit stand')."""
    assert labels("A monk and a novice pray.") == ["monk", "novice"]
    assert labels("Two friars and a pilgrim kneel.") == ["friar", "friar", "pilgrim"]
    assert labels("A cook and a waiter rest, and a dog sleeps.") == ["cook", "waiter", "dog"]
    assert labels("A ferryman and a deckhand chat quietly near a rowboat.") == [
        "ferryman",
        "deckhand",
        "rowboat",
    ]
    assert "fruit stand" in labels("A man and a woman browse at a fruit stand.")


def test_a_list_of_subjects_whose_first_member_has_a_modifier_takes_the_bare_verb():
    """A name ('called Tomas'), a preposition phrase ('in a yellow raincoat', 'with a kite') or a
    participle inside the first member of a list of subjects keeps the list a plural subject, so
    the bare verb after the last member is their verb, not a compound ('sister stroll')."""
    assert labels("A boy called Tomas and his aunt stroll along the pier.") == ["boy", "aunt", "pier"]
    assert labels("A girl in a yellow raincoat and her uncle walk home.")[-1] == "uncle"
    got = labels("A boy with a kite and his sister walk along the dunes.")
    assert "sister" in got and not any("walk" in label for label in got)
    assert labels("A man feeds a goose and a duck.") == ["man", "goose", "duck"]


def test_a_word_known_only_as_a_verb_after_a_list_of_things_is_their_verb():
    """'a jug and a bowl sit.': a word that is never a noun ('sit', 'hang', 'remain') after a list
    of things opening the sentence is the list's verb, so the last thing keeps its own label."""
    assert labels("A jug and a bowl sit. A dog naps.") == ["jug", "bowl", "dog"]
    assert labels("On the hook, a ladle and a sieve hang.") == ["hook", "ladle", "sieve"]


def test_a_hyphened_compound_of_an_irregular_participle_is_a_modifier():
    """'leather-bound', 'wind-blown', 'hand-sewn': a compound whose last part is an irregular past
    participle describes the noun after it, so a plural after it is the thing, not a verb."""
    assert labels("A heap of hand-sewn cushions on the sofa.") == ["cushion", "sofa"]
    assert "wind-blown" in reading_of("A wind-blown pine stands on a cliff.").things[0].attributes


def test_a_word_in_s_after_inside_or_outside_as_an_adverb_is_the_verb():
    """'the gerbil inside scurries': 'inside' right after one thing is an adverb and the word in
    -s that thing's verb, no plural noun in the thing's words ('a toy inside boxes on the shelf'
    stays boxes)."""
    for prompt, head in (
        ("The gerbil inside scurries along a tube.", "gerbil"),
        ("A heron outside stalks the reeds.", "heron"),
        ("The canary inside chirps.", "canary"),
    ):
        assert prompt_of(plan(prompt), head) == f"a {head}", prompt
    assert labels("A heron outside stalks the reeds.") == ["heron", "reed"]
    assert "boxes" in plan("A doll inside boxes on the shelf.").regions[1].prompt


def test_a_possessed_subject_is_the_thing_and_its_mere_owner_no_region():
    p = plan("On a workbench, the carpenter's wooden mallet rests against a pine plank.")
    assert "carpenter" not in [r.label for r in p.regions]
    assert "the carpenter's wooden mallet" in prompt_of(p, "wooden mallet")
    reading = reading_of("The sailor's brass lantern hangs above a coil of rope.")
    heads = [t.head for t in reading.things]
    assert "sailor" not in heads and "lantern" in heads
    ons = {(reading.things[r.subject].head, r.kind.value) for r in reading.relations}
    assert ("lantern", "above") in ons


def test_a_possessed_subject_before_a_form_of_be_is_the_thing():
    got = labels("The neighbour's striped hammock is strung between two pines.")
    assert "neighbour" not in got and "striped hammock" in got
    got = labels("Her nephew's paper boat was stuck against a rock in the stream.")
    assert "nephew" not in got and "paper boat" in got
    got = labels("The pony's halter is hooked to a fence post.")
    assert "pony" in got


def test_a_word_taking_the_possessive_is_a_noun_even_when_listed_as_an_adjective():
    p = plan("A fox wearing a station master's cap stands beside a bench.")
    assert labels("A fox wearing a station master's cap stands beside a bench.") == ["fox", "bench"]
    assert "station master's cap" in prompt_of(p, "fox")


def test_a_possessed_subject_told_in_the_past_tense_is_the_thing():
    # a verb in -ed with a place of the scene after it is the clause's verb, also after an aside
    got = labels("My cousin's tin sailboat, painted red last summer, drifted beside the jetty.")
    assert "cousin" not in got and "tin sailboat" in got
    got = labels("The farmer's wheelbarrow rolled into the ditch.")
    assert "farmer" not in got and "wheelbarrow" in got
    p = plan("The drummer's stick raised above his head, he grins at a guitarist.")
    assert "stick" not in labels_of(p)  # a pose on its owner: still held


def test_a_possessed_subject_keeps_an_owner_present_elsewhere():
    got = labels("The cat's bowl sits by the door, and the cat naps on a rug.")
    assert "cat" in got and "bowl" in got
    got = labels("The fisherman's red bucket stands on the pier while he casts a line.")
    assert "fisherman" in got and "red bucket" in got
    got = labels("The hippo's wide back rises from the river.")
    assert "hippo" in got and "back" not in got
    p = plan("A boy carrying his sister's satchel crosses a bridge.")
    assert "satchel" in prompt_of(p, "boy")


def test_a_thing_held_by_an_owner_only_named_in_a_possessive_stands_alone():
    got = labels("The potter's clay vase stands on a shelf, and beside it leans his wide broom.")
    assert "potter" not in got and "clay vase" in got and "broom" in " ".join(got)


def test_a_number_inside_a_modifier_is_no_count():
    """Digits right after 'a', or a number before a unit and a noun, describe the thing: 'a 12
    string guitar' is one guitar and '45 rpm singles' are not forty-five regions."""
    assert [
        r.prompt
        for r in plan("A busker tunes a 12 string banjo by the fountain.").regions
        if r.label == "banjo"
    ] == ["a 12 string banjo"]
    assert labels("A roadster from 1931 is parked beside a 1958 tractor.").count("tractor") == 1
    shop = plan("A box of 33 rpm records stands on the counter of a music shop.")
    assert "record" not in [r.label for r in shop.regions] and "33 rpm records" in prompt_of(shop, "box")
    assert labels("Four bakers knead dough beside 3 ovens.").count("oven") == 3  # a real count stays


def test_an_animal_appositive_after_a_possessive_role_says_who_plays_it():
    p = plan("Near the oven, his squire, a plump old badger, polishes a helmet.")
    got = [r.label for r in p.regions]
    assert sum(label.endswith("squire") for label in got) == 1 and not any("badger" in x for x in got)
    assert "badger" in prompt_of(p, next(label for label in got if label.endswith("squire")))
    got = labels("The team mascot, a shaggy goat, stands by the goalpost.")
    assert any(label.endswith("goat") for label in got)


def test_an_item_held_by_a_renamed_person_keeps_what_it_holds():
    p = plan("The clerk, a thin woman in grey, carries a basket of dried figs.")
    assert "basket of dried figs" in prompt_of(p, "clerk")


def test_a_hand_tool_someone_leans_on_is_held():
    p = plan("A janitor leans on a broom by the lockers.")
    assert "broom" in prompt_of(p, "janitor") and "broom" not in [r.label for r in p.regions]
    p = plan("A miner leaning on a pickaxe squints at the sun.")
    assert "pickaxe" in prompt_of(p, "miner") and "pickaxe" not in [r.label for r in p.regions]
    assert any(label.endswith("crate") for label in labels("A boy leans on a crate by the wall."))


def test_a_scoop_or_a_razor_is_a_hand_tool_of_whoever_uses_it():
    p = plan("A grocer fills a paper bag with rice from a metal scoop.")
    assert "scoop" in prompt_of(p, "grocer") and "scoop" not in [r.label for r in p.regions]
    p = plan("A barber sharpens a razor by the window.")
    assert "razor" in prompt_of(p, "barber") and "razor" not in [r.label for r in p.regions]


def test_a_verb_in_s_after_one_person_before_a_mass_noun_is_their_act():
    from planner.rules_tokens import Tag, tokenize

    tags = {t.low: t.tag for t in tokenize("A waiter ladles soup into a tureen.")}
    assert tags["ladles"] is Tag.VERB and tags["soup"] is Tag.NOUN
    p = plan("An old grocer scoops flour into a paper sack.")
    assert any(label.endswith("grocer") for label in (r.label for r in p.regions))
    assert not any("scoop" in r.label for r in p.regions)


def test_a_thing_fixed_to_one_body_part_is_worn_or_held_by_its_owner():
    p = plan("A watchmaker bends over a desk, a monocle wedged into one eye.")
    assert "monocle" in prompt_of(p, "watchmaker") and "monocle" not in [r.label for r in p.regions]
    p = plan("A boy rests on a bench, a whistle dangling from one hand.")
    assert "whistle" in prompt_of(p, "boy") and "whistle" not in [r.label for r in p.regions]


def test_the_work_someone_stitches_knits_or_mends_is_in_their_hands():
    p = plan("A fisherman sits on the dock, mending a fishing net.")
    assert "fishing net" in prompt_of(p, "fisherman") and not any("net" in r.label for r in p.regions)
    p = plan("A seamstress stands by the window, stitching a silk gown.")
    assert "silk gown" in prompt_of(p, "seamstress") and not any("gown" in r.label for r in p.regions)


def test_a_medium_listed_after_a_medium_is_no_thing():
    got = labels("An illustration in loose watercolour and charcoal. A hare sits under a hawthorn.")
    assert got == ["hare", "hawthorn"]
    p = plan("A drawing in soft ink. A hare holds a pencil and a brush.")
    assert "pencil" in prompt_of(p, "hare")


def test_across_the_frame_is_the_picture():
    assert labels("A canoe paddle lies diagonally across the frame on a wool blanket.") == [
        "canoe paddle",
        "wool blanket",
    ]


def test_a_part_said_by_its_side_after_with_is_fitted_on_its_owner():
    p = plan("On the shelf sits a steel lantern with a hinged side panel and a hook.")
    assert "panel" not in " ".join(labels("On the shelf sits a steel lantern with a hinged side panel."))
    assert "side panel" in prompt_of(p, "steel lantern")


def test_a_thing_with_its_own_verb_and_place_after_with_is_a_thing():
    got = labels("A tram crosses an iron bridge, with a paper kite floating above the rooftops.")
    assert "paper kite" in got
    p = plan("A grey dog with a red scarf sitting on a barrel.")
    assert "red scarf" in prompt_of(p, "grey dog") and "scarf" not in " ".join(labels_of(p))


def test_its_part_in_an_absolute_phrase_is_its_own_sentences_subject():
    p = plan("An owl sits on a fence. Up high, a red balloon is snagged on a wire, its long string dangling.")
    assert "string" in prompt_of(p, "red balloon") and "string" not in prompt_of(p, "owl")
    p = plan("A monk walks past. A girl holds a lantern, its glass cracked.")
    assert "its glass" in prompt_of(p, "girl")


def test_the_part_of_a_grown_thing_named_before_is_where_on_it_not_a_thing():
    reading = reading_of("An old elm shades a bench. A squirrel runs along the branches.")
    assert [t.head for t in reading.things] == ["elm", "bench", "squirrel"]
    assert ("on", "elm") in {(r.kind.value, reading.things[r.objects[0]].head) for r in reading.relations}
    assert "branch" in labels("A bird perches on the branch.")  # no owner named: a thing of its own
    assert "door" in labels("A barn stands in a field. A goat waits by the door.")  # a room's door is drawn


def test_a_piece_of_a_stuff_is_one_region_named_by_the_piece():
    p = plan("A fisherman sits on the quay beside a thick coil of rope and a lobster pot.")
    assert [r.label for r in p.regions] == ["fisherman", "thick coil", "lobster pot"]
    assert "of rope" in prompt_of(p, "thick coil")
    p = plan("A farmer leans on a bale of hay in the barn.")
    assert "bale" in [r.label for r in p.regions] and "of hay" in prompt_of(p, "bale")
    assert "of dark slate" in prompt_of(plan("A teapot stands on a slab of dark slate."), "slab")
    p = plan("A loaf of barley bread cools on the rack beside a honey jar.")
    assert "loaf" in [r.label for r in p.regions] and "of barley bread" in prompt_of(p, "loaf")


def test_a_compound_agent_noun_on_maker_or_smith_names_someone():
    p = plan("A candle maker in a leather apron dips wicks at a long bench.")
    assert [r.label for r in p.regions] == ["candle maker", "long bench"]
    assert "leather apron" in prompt_of(p, "candle maker")
    assert "coffee maker" in labels("A coffee maker gurgles on the counter next to a mug.")
    assert entry("pasta maker").kind is ThingKind.OBJECT


def test_a_listed_plural_after_a_bare_noun_of_one_form_heads_the_compound():
    """'fish', 'sheep': with no 'a' such a noun is many, and many take no verb in -s, so the
    listed plural after it is the head ('sheep bells', 'fish crates'); after 'a' it is a verb."""
    got = labels("Rusty sheep bells by the gate, a farmer.")
    assert any(label.endswith("bell") for label in got) and "sheep" not in got
    got = labels("Wet fish crates beside a blue van.")
    assert any(label.endswith("crate") for label in got) and "fish" not in got
    assert [r.label for r in plan("A fish jumps over the net.").regions][0] == "fish"


def test_an_ing_word_between_a_modifier_and_a_noun_names_the_nouns_kind():
    """'a torn fishing net', 'two crumpled sleeping bags': after a modifier in a phrase that an
    article or a count opens, an -ing word is no act but the kind of the noun after it."""
    p = plan("Two crumpled sleeping bags lie on the cold floor.")
    assert [r.label for r in p.regions][:2] == ["sleeping bag"] * 2
    assert "crumpled" in prompt_of(p, "sleeping bag")
    got = labels("Five cork fishing floats drift beside a small rowboat.")
    assert got.count("fishing float") == 5 and "small rowboat" in got
    assert "dog" in labels("A tired man walking dogs past a kiosk.")  # an act after someone


def test_a_block_of_a_stuff_is_one_region_named_by_the_block():
    """'a block of cheese': a block is a piece of the stuff after 'of', drawn as the block."""
    p = plan("A block of cheese sits beside a knife on the board.")
    assert "block" in [r.label for r in p.regions] and "cheese" in prompt_of(p, "block")


def test_a_style_word_a_thing_holds_is_its_contents_not_the_pictures_look():
    p = plan("A farmer carries a bag of grain past a tractor, golden hour, film photography.")
    assert "bag of grain" in prompt_of(p, "farmer")
    assert "grain" not in prompt_of(p, "tractor") and "grain" not in p.background_prompt
    assert "grain" in plan("A tractor in a field, film photography, soft grain.").background_prompt


def test_a_garment_someone_is_under_is_worn_by_them():
    p = plan("By the fire, an old shepherd naps under a heavy wool cloak beside a sheepdog.")
    assert "old shepherd" in [r.label for r in p.regions] and "cloak" not in " ".join(
        r.label for r in p.regions
    )
    assert "heavy wool cloak" in prompt_of(p, "old shepherd")
    assert "umbrella" in " ".join(r.label for r in plan("A girl waits under a red umbrella.").regions)


def test_a_thing_of_some_stuff_set_down_somewhere_is_no_longer_held():
    p = plan("A grocer sets a jar of jam on the shelf beside the till.")
    assert [r.label for r in p.regions][:2] == ["grocer", "jar"]
    assert "jar of jam" in prompt_of(p, "jar")
    assert "jar of jam" in prompt_of(plan("A grocer holds up a jar of jam."), "grocer")


def test_a_cloth_laid_over_furniture_with_it_is_in_its_prompt():
    p = plan("In the corner stands a velvet sofa in mustard with a knitted throw, next to a floor lamp.")
    assert [r.label for r in p.regions] == ["velvet sofa", "floor lamp"]
    assert "knitted throw" in prompt_of(p, "velvet sofa")
    got = labels("A writing desk with a brass lamp and an inkwell stands by the door.")
    assert "brass lamp" in got  # a lamp is no cloth: a thing of its own on the desk


def test_a_past_participle_opening_a_list_item_describes_its_noun():
    p = plan("quiet study, scattered papers, framed map on the wall, chipped teacup")
    assert "scattered" in prompt_of(p, "paper")
    assert "framed map" in prompt_of(p, "map")
    assert "chipped teacup" in prompt_of(p, "teacup")


def test_a_run_of_past_participles_before_a_noun_all_describe_it():
    p = plan("A sailor naps beside a dented, upturned bucket and a toppled potted palm.")
    assert "toppled potted palm" in prompt_of(p, "palm")


def test_a_list_item_participle_before_an_adjective_and_a_place_stays_an_action():
    from planner.rules_tokens import Tag, tokenize

    tags = {t.low: t.tag for t in tokenize("A laptop sits on a desk, opened wide on a blotter.")}
    assert tags["opened"] is Tag.VERB  # "opened wide": no noun follows, so no modifier


def test_a_hand_carried_box_or_a_shepherds_crook_goes_with_its_carrier():
    p = plan("A plumber walks up the garden path with his tool box.")
    assert "tool box" in prompt_of(p, "plumber") and "tool box" not in labels_of(p)
    p = plan("An old herdsman rests on his crook beside a stone wall.")
    assert "crook" in prompt_of(p, "old herdsman")


def test_a_held_thing_in_an_absolute_phrase_goes_with_the_clauses_subject():
    p = plan("Three hikers stand on the summit cairn, cameras raised.")
    assert "cameras raised" in prompt_of(p, "hiker") and "camera" not in labels_of(p)
    p = plan("A drummer marches past the fountain, her sticks lifted.")
    assert "sticks lifted" in prompt_of(p, "drummer") and "fountain" in labels_of(p)


def test_a_word_in_s_after_a_and_a_singular_noun_before_a_preposition_is_the_verb():
    assert labels("A station clock towers over the kiosk.") == ["station clock", "kiosk"]
    assert labels("A giant oak shades over the yard.")[0] == "giant oak"  # not lost: "oak shades" is no noun
    assert "bowl" in labels("A bowl of cherries rests on a stool.")


def test_a_past_participle_after_an_adjective_after_a_determiner_is_a_modifier():
    from planner.rules_tokens import Tag, tokenize

    tags = {t.low: t.tag for t in tokenize("A narrow painted gate opens onto a lane.")}
    assert tags["painted"] is Tag.ADJ and tags["gate"] is Tag.NOUN


def test_a_plural_verb_form_after_one_thing_is_its_verb_not_a_listed_compound():
    from planner.rules_tokens import Tag, tokenize

    tags = {t.low: t.tag for t in tokenize("An old church clock towers over the square.")}
    assert tags["towers"] is Tag.VERB  # 'an' never heads 'clock towers'
    assert "clock tower" not in labels("An old church clock towers over the square.")
    tags = {t.low: t.tag for t in tokenize("Two clock towers rise over the square.")}
    assert tags["towers"] is Tag.NOUN


def test_a_plural_closing_an_of_object_after_its_kind_word_is_a_noun():
    from planner.rules_tokens import Tag, tokenize

    tags = {t.low: t.tag for t in tokenize("The cook adds a handful of garlic cloves.")}
    assert tags["cloves"] is Tag.NOUN
    tags = {t.low: t.tag for t in tokenize("a shelf of guitar necks drying under a lamp")}
    assert tags["necks"] is Tag.NOUN
    tags = {t.low: t.tag for t in tokenize("A flock of geese circles over the barn.")}
    assert tags["circles"] is Tag.VERB  # the flock circles: a plural is no kind word
    tags = {t.low: t.tag for t in tokenize("The mayor of the town waves from a balcony.")}
    assert tags["waves"] is Tag.VERB


def test_barrows_mortars_planks_records_and_aliens_are_things():
    got = labels(
        "A girl pushes a barrow past a mortar on a plank, and an alien waves. A record lies on a rug."
    )
    assert {"barrow", "mortar", "plank", "alien", "record"} <= set(got)


def test_a_verb_after_a_parenthesis_in_a_while_clause_is_the_clauses_verb():
    from planner.rules_tokens import Tag, tokenize

    text = "A baker kneads dough while her son, a small boy in a cap, records the orders in a book."
    tags = {t.low: t.tag for t in tokenize(text)}
    assert tags["records"] is Tag.VERB
    assert "record" not in labels(text)


def test_a_plural_before_have_or_are_is_a_noun_not_a_verb_in_s():
    from planner.rules_tokens import Tag, tokenize

    tags = {t.low: t.tag for t in tokenize("The striped canvas sails have gone slack in the calm.")}
    assert tags["sails"] is Tag.NOUN
    tags = {t.low: t.tag for t in tokenize("The tin roofs were glinting in the rain.")}
    assert tags["roofs"] is Tag.NOUN
    tags = {t.low: t.tag for t in tokenize("The granite steps are slick with frost.")}
    assert tags["steps"] is Tag.NOUN


def test_a_word_twice_around_to_is_a_side_by_side_idiom_not_a_thing():
    assert labels("Two market stalls stand awning to awning on the square.") == ["market stall"] * 2
    assert labels("Two trucks are parked bumper to bumper on the road.") == ["truck", "truck"]


def test_an_objectless_verb_opening_a_list_item_describes_the_noun_after_it():
    """wordnet_verbs.tsv: 'dozing', 'grazing' take no object, so opening a tag-list item they describe
    the noun after them; 'carrying' takes one, so the noun after it is what is carried."""
    p = plan("quiet barnyard, dozing tabby on a hay bale, grazing donkey, left, farmer, carrying bucket")
    assert prompt_of(p, "tabby").startswith("a dozing tabby")
    assert prompt_of(p, "donkey").startswith("a grazing donkey")
    assert "carrying bucket" in prompt_of(p, "farmer")
    assert takes_no_object("dozing") and not takes_no_object("carrying")


def test_the_main_verb_after_a_participle_aside_is_the_subjects_with_its_object():
    """'the smith, covered in soot, strikes a horseshoe': a participle aside has no finite verb, so the
    verb after it and its object describe the subject too."""
    p = plan("The smith, covered in soot, strikes a glowing horseshoe on the anvil.")
    assert "striking a glowing horseshoe" in prompt_of(p, "smith") and "covered in soot" in prompt_of(
        p, "smith"
    )
    p = plan("The otter, wearing a tiny scarf, drags a sled across the ice.")
    assert "dragging a sled" in prompt_of(p, "otter")


def test_an_animal_on_a_worn_pair_wears_it_on_its_feet():
    """'a penguin on roller skates' is on them as a boy on stilts is: worn, not a support of its own."""
    p = plan("A penguin on roller skates zooms past a kiosk.")
    assert "roller skates" in prompt_of(p, "penguin") and "roller skate" not in [r.label for r in p.regions]
    p = plan("A goat on stilts wobbles past the fence.")
    assert "on stilts" in prompt_of(p, "goat") and "stilt" not in [r.label for r in p.regions]


def test_a_cooked_animal_is_food_that_wears_and_holds_nothing():
    """'roasted goose', 'smoked trout': the animal is food, so what 'one wearing ...' after it wears
    goes to the people before it."""
    p = plan("Two cooks carve a roasted goose, one wearing a paper hat.")
    assert "paper hat" in prompt_of(p, "cook") and "paper hat" not in prompt_of(p, "goose")


def test_one_doing_something_after_a_group_is_no_noun_phrase():
    """'one wearing a scarf': 'wearing' takes an object, so 'one' is one of the group, not a count
    of a 'wearing scarf'; 'one sleeping puppy' stays one puppy."""
    from planner.rules_phrases import NounPhrase, phrases
    from planner.rules_tokens import tokenize

    found = phrases(tokenize("Two skaters glide past, one wearing mittens, and one sleeping puppy."))
    heads = [p.head for p in found if isinstance(p, NounPhrase)]
    assert heads == ["skater", "mitten", "puppy"]


def test_the_verb_after_an_appositive_is_the_named_ones_with_its_object():
    """'her nephew, a lanky boy in a cap, sweeps the porch': the appositive names the nephew again,
    and the verb after its closing comma with its object describes him."""
    p = plan("Her nephew, a lanky boy in a green cap, paints a wooden fence beside the barn.")
    assert "painting a wooden fence" in prompt_of(p, "nephew")


def test_a_vehicle_named_again_by_its_compounds_first_word_is_the_same_vehicle():
    got = labels("A blue pickup truck idles by a silo. Two sacks of grain lie in the pickup's bed.")
    assert "pickup" not in got and "bed" not in got and "sack" in got
    assert "fence" in labels("A crow sits on a fence post, and a goat stands behind the fence.")


def test_a_part_after_a_possessive_is_the_owners_only_for_an_owner_of_its_kind():
    assert "bed" in labels("A spaniel curls up in the dog's bed beside a radiator.")
    assert "window" not in labels("Behind the bakery's window, a baker slides bread into an oven.")


def test_the_scroll_of_an_instrument_is_its_part_but_a_scroll_alone_is_a_thing():
    assert labels("A luthier polishes the scroll of a half-built viola.") == ["luthier", "viola"]
    assert "scroll" in labels("A sealed scroll lies beside a candle on the desk.")


def test_a_made_things_part_with_no_owner_of_its_kind_near_is_a_thing_not_a_creatures():
    got = labels("A brown hen pecks in the yard. High above, the patched linen sails have gone still.")
    assert any(label.endswith("sail") for label in got)
    assert "sail" not in " ".join(labels("A surfer with a red sail skims the bay."))


def test_a_worn_or_held_thing_after_whose_is_the_named_persons():
    """'a drummer whose red sash trails behind him': the sash 'whose' names is the drummer's,
    worn, not a thing of its own; after a lifeless thing ('a stall whose awning') it stays apart."""
    p = plan("A drummer whose red sash trails behind him marches past a fountain.")
    assert "red sash" in prompt_of(p, "drummer")
    assert labels("A drummer whose red sash trails behind him marches past a fountain.") == [
        "drummer",
        "fountain",
    ]
    p = plan("Near the gate, a shepherdess whose wooden crook leans on the wall counts the sheep.")
    assert "wooden crook" in prompt_of(p, "shepherdess")
    assert "striped awning" in labels("A stall whose striped awning flaps stands by the road.")


def test_a_thing_after_whose_stuck_at_a_thing_of_the_scene_is_a_thing_of_its_own():
    got = labels("A girl whose balloon is caught in the branches of an oak waves to a dog.")
    assert "balloon" in got and "girl" in got
    got = labels("A boy whose frisbee has landed on a garage roof frowns.")
    assert "frisbee" in got
    p = plan("A boy whose kite is lost in the fog frowns.")
    assert "kite" in prompt_of(p, "boy")  # the air's stuff is no spot away from him


def test_a_simile_after_a_thing_describes_its_look():
    """'a kiosk painted like a lemon': the thing after 'like' is no thing of its own but says how
    the one before looks, so it stays in that thing's prompt."""
    p = plan(
        "By the pier, a kiosk painted like a lemon sells ice cream, and a bench curved like a wave faces the sea."
    )
    assert "painted like a lemon" in prompt_of(p, "kiosk") and "lemon" not in labels_of(p)
    assert "curved like a wave" in prompt_of(p, "bench")


def test_an_ing_verb_after_a_lifeless_place_is_the_subjects_doing():
    """'a boy sits on a low wall holding a rod': the -ing verb with an object after the place
    phrase is what the subject does, particle and object too ('shaking out a rug'), not the wall's;
    a verb with no object stays the place's ('a branch swaying')."""
    p = plan(
        "A fisherman sits on a wooden bench mending a net, and a maid kneels on the step shaking out a rug."
    )
    assert "mending a net" in prompt_of(p, "fisherman") and "mending" not in prompt_of(p, "wooden bench")
    assert "shaking out a rug" in prompt_of(p, "maid")
    assert "swaying" in prompt_of(plan("A crow perches on a branch swaying in the wind."), "branch")


def test_the_word_before_a_possessive_is_the_owners_noun():
    """ "a harbour master's cap": only a noun takes "'s", so 'master' (else read as an adjective,
    'a master key') is the owner inside the noun phrase and the cap is what the wearer wears."""
    from planner.rules_tokens import Tag, tokenize

    tags = {t.low: t.tag for t in tokenize("A seal wearing a harbour master's cap balances a ball.")}
    assert tags["master"] is Tag.NOUN
    p = plan("A seal wearing a harbour master's cap balances a red ball on the pier.")
    assert "cap" in prompt_of(p, "seal") and "red ball" in prompt_of(p, "seal")


def test_the_verb_after_a_place_with_a_possessive_is_the_subjects():
    """'a boy on his grandfather's back holds a kite': the finite verb after the subject's place
    phrase (its object said with "'s") is the boy's, and so is what he holds, not the grandfather's."""
    p = plan("By the pond, a small boy on his grandfather's back holds a paper kite.")
    assert "paper kite" in prompt_of(p, "small boy") and "kite" not in prompt_of(p, "grandfather")


def test_siege_engines_warhorses_old_trades_and_effigies_are_things():
    got = labels("A cooper planes a stave while a destrier grazes beside a broken catapult and a ballista.")
    assert {"cooper", "destrier", "broken catapult", "ballista"} <= set(got)
    got = labels("A straw effigy of a grinning king burns on a bonfire.")
    assert "effigy" in " ".join(got) and "king" not in " ".join(got)


def test_a_verb_form_in_s_right_after_a_plural_noun_is_the_clauses_verb():
    """A plural noun modifies no noun ('a dog bed', not 'dogs bed'): the word in -s after it is
    the verb, of the plural or of the group before its 'of', even when it names a thing too."""
    got = labels("A chain of nine skaters snakes across the frozen pond.")
    assert "skater" in got and not any("snake" in label for label in got)
    assert "watch" not in labels("Four owls in a row watches the barn door.")


def test_a_verb_form_in_s_after_and_and_an_object_pronoun_is_a_second_verb():
    """'... beside him and watches.': no bare plural joins a pronoun, so the word is the verb."""
    assert labels("A small girl kneels beside him and watches.") == ["small girl"]
    # so is a verb form that is also a listed plural thing (the sea's 'waves')
    reading = reading_of("A sailor leans toward them and waves from the pier.")
    assert "waves" not in [t.head for t in reading.things] and "waves" not in reading.backdrop


def test_a_counted_blender_is_the_appliance_not_the_3d_program():
    """'a blender' takes an article, a program does not: the appliance gets a region, and its
    words are no part of every region's style."""
    p = plan("A baker stands at the bench beside a toaster and a blender.")
    assert "blender" in [r.label for r in p.regions]
    assert "blender" not in prompt_of(p, "baker")
    assert "blender" not in [r.label for r in plan("A knight in armour, Blender render.").regions]


def test_a_participle_after_an_article_modifies_the_noun_not_an_adverb():
    """'the tiled counter': 'counter' is a noun (and a place) after 'the tiled', not an adverb."""
    from planner.rules_tokens import Tag, tokenize

    tags = {t.low: t.tag for t in tokenize("On the polished counter beside him sits a jar.")}
    assert tags["counter"] is Tag.NOUN and tags["polished"] is Tag.ADJ


def test_an_unlisted_noun_listed_with_things_is_a_thing():
    """'are a zarf, a teapot and a tray': a list joins things of one sort."""
    assert labels("On the low shelf are a molinillo, a teapot and a tray.")[:2] == ["low shelf", "molinillo"]


def test_a_bare_verb_after_a_noun_and_to_closing_the_clause_says_what_for():
    """'... on a stump to watch, ...': 'to' and a bare verb closing the clause, not a wristwatch;
    'from door to door' pairs two nouns."""
    assert "watch" not in labels("Three frogs sit on a stump to watch, and a heron waits in the reeds.")
    from planner.rules_tokens import Tag, tokenize

    tags = [t.tag for t in tokenize("A postman walks from gate to gate.")]
    assert Tag.VERB not in tags[4:]


def test_a_bare_verb_after_a_plural_and_its_place_before_an_article_is_the_plurals_verb():
    """'three mules in a row cross the bridge': no noun phrase runs into an article, and a
    plural takes a bare verb, so 'cross' is their verb (not 'row cross', not 'cross' as angry)."""
    from planner.rules_tokens import Tag, tokenize

    tags = {t.low: t.tag for t in tokenize("Three mules in a row cross the old bridge.")}
    assert tags["cross"] is Tag.VERB and tags["row"] is Tag.NOUN


def test_a_covering_of_a_substance_is_the_substance_not_a_blanket_or_carpet():
    """'under a blanket of snow', 'a thick layer of frost': how the substance lies, no bedding."""
    assert labels("A shed stands under a blanket of snow.") == ["shed"]
    got = labels("A barn roof under a thick layer of frost.")  # read as 'a layer of frost' is
    assert "barn roof" in got and not {"layer", "thick layer"} & set(got)
    assert "thick carpet" not in labels("A boulder under a thick carpet of moss.")
    assert "blanket" in labels("A tabby cat sleeps on a blanket.")


def test_what_is_nibbled_chewed_or_ground_gets_no_region_of_its_own():
    """'two reindeer nibble lichen', 'a cook grinds peppercorns': a bare object is in the mouth or
    under the hand; 'a mouse nibbles a wheel of cheese' still names the cheese."""
    assert labels("Two reindeer nibble lichen beside a wooden gate.") == [
        "reindeer",
        "reindeer",
        "wooden gate",
    ]
    assert labels("A boy munches popcorn on the sofa.") == ["boy", "sofa"]
    assert "peppercorn" not in labels("A cook grinds peppercorns in a stone mortar.")


def test_a_plural_then_a_feeding_verb_keeps_the_plural_as_subject():
    """'three deer munch hay': 'munch' is their verb, not a compound 'deer munch'."""
    assert labels("Three deer munch hay under an old oak.") == ["deer", "deer", "deer", "old oak"]


def test_an_animal_appositive_after_an_owners_name_says_what_kind_the_animal_is():
    """ "the ploughman's horse, a dappled grey mare": 'a <animal>' after a named owner's animal and
    a comma is that same animal, told by its kind; one region with its words."""
    p = plan("A ploughman rests by the fence. The ploughman's horse, a dappled grey mare, grazes nearby.")
    assert labels_of(p) == ["ploughman", "fence", "grey horse"]
    assert "dappled grey mare" in prompt_of(p, "grey horse")
    goat = plan("The cooper's goat, a brown billy with long horns, chews a rope by the well.")
    assert "billy" in prompt_of(goat, "brown goat") and "long horns" in prompt_of(goat, "brown goat")
    assert not any("billy" in label for label in labels_of(goat))


def test_what_is_worn_after_a_pronoun_clause_and_a_comma_is_the_pronoun_persons():
    """'On the porch she sits in a rocking chair, wearing a shawl': the clause before the comma is about
    'she', so the one she stands for wears the shawl; it is no region of its own."""
    p = plan(
        "An old fisherwoman lives by the sea. On the porch she sits in a rocking chair, wearing a knitted shawl."
    )
    assert labels_of(p) == ["old fisherwoman", "rocking chair"]
    assert "knitted shawl" in prompt_of(p, "old fisherwoman")
    fox = plan(
        "A fox keeps a tiny shop. Today he stands behind the counter, wearing a velvet jacket and a monocle."
    )
    assert not {"velvet jacket", "monocle"} & set(labels_of(fox))
    assert "monocle" in prompt_of(fox, "fox")


def test_what_she_is_holding_is_hers_past_is():
    """'She is holding a lamp': 'is' between the pronoun and the verb still names her, so the
    lamp goes in the prompt of the woman she stands for, not a region of its own."""
    p = plan("A shepherdess waits by the gate. She is holding a tin lamp in one hand.")
    assert labels_of(p) == ["shepherdess", "gate"]
    assert "tin lamp" in prompt_of(p, "shepherdess")


def test_hand_tools_of_the_trades_are_held():
    """A gouge, an awl, a rasp, a bee smoker: tools held in a hand, in the holder's prompt."""
    for tool in ("gouge", "awl", "rasp", "adze", "smoker"):
        assert entry(tool).kind is ThingKind.OBJECT, tool
    p = plan("A carver kneels on the deck, gripping a curved gouge, and a boy holds an awl.")
    assert labels_of(p) == ["carver", "boy"]


def test_a_pronoun_clause_after_and_describes_the_pronouns_person():
    """'... and she has paint on her fingers': a clause opened by 'she' / 'he' after 'and' (with
    'has' as its verb) is about the person the pronoun stands for; its words go in that prompt."""
    p = plan("A mural painter stands on a ladder and she has paint on her fingers and a red bandana.")
    assert "paint on her fingers" in prompt_of(p, "painter")
    assert "red bandana" in prompt_of(p, "painter")
    q = plan("An old cobbler hammers a boot at his bench, but he has nails between his lips.")
    assert "nails between his lips" in prompt_of(q, "old cobbler")


def test_what_the_subject_writes_in_after_and_is_held_by_the_subject():
    """'a clerk sits at a desk and writes in a ledger': the ledger is in the hands of the
    verb's subject, though the desk is named nearer; notebooks that two people sketch in are not
    one person's."""
    p = plan("A young clerk sits at a tall desk and writes in a ledger.")
    assert "ledger" not in labels_of(p) and "ledger" in prompt_of(p, "young clerk")


def test_the_tool_an_animal_is_chased_with_after_a_pronoun_is_the_chasers():
    """'a boy beside him chasing a goose with a broom': the goose is the participle's object even
    after 'beside him', so the broom it is chased with is in the chaser's hands, not the goose's."""
    p = plan("An old farmer sweeps the yard and a boy beside him chasing a goose with a broom.")
    assert "broom" in prompt_of(p, "boy") and "broom" not in prompt_of(p, "goose")


def test_garments_of_many_lands_are_worn_even_in_the_plural():
    """'two fishermen in striped longyis': a garment word from any land, plural too, is worn by
    the ones in it and said in their prompt, not lost or given a region."""
    p = plan("Two fishermen in striped longyis mend a net on the jetty.")
    assert "striped longyis" in prompt_of(p, "fisherman")
    q = plan("A nun in a starched wimple and a man in a white thobe wait by the gate.")
    assert labels_of(q) == ["nun", "man", "gate"]


def test_a_small_thing_something_goes_onto_is_a_thing_of_its_own_not_held():
    """'onto' names where something goes ('winds thread onto a bobbin'): the bobbin is there to draw,
    not in the hand; 'in her hand' still holds."""
    assert labels("A weaver winding yarn onto a bobbin beside a loom.") == ["weaver", "bobbin", "loom"]
    assert "brass spool" in labels("An old tailor reels silk onto a brass spool at his table.")
    assert "cup" not in labels("A nurse with a cup in her hand stands by a bed.")


def test_a_noun_in_ing_before_an_object_pronoun_is_the_verb_of_the_thing_before():
    """'an oak shading everything': no noun in -ing runs into a pronoun, so the oak acts and is a
    thing, not a style phrase."""
    reading = reading_of(
        "A garden with a bench by the gate and an old oak shading everything, pastel colours"
    )
    assert "oak" in [t.head for t in reading.things]
    assert not any("oak" in s for s in reading.style)
    assert "hound" in [
        t.head for t in reading_of("Two foxes flee and a hound chasing them, ink drawing").things
    ]


def test_what_a_thing_is_painted_or_embroidered_with_is_its_pattern_not_a_thing():
    """'a chest carved with dragons', 'a banner that is embroidered with roses': the dragons and
    roses are on the thing, in its prompt, with no region of their own."""
    p = plan("A bard sits on a chest carved with dragons beside a lute.")
    assert labels("A bard sits on a chest carved with dragons beside a lute.") == ["bard", "chest", "lute"]
    assert "dragons" in prompt_of(p, "chest")
    got = labels("A knight holds a shield, and his tent is embroidered with roses.")
    assert "tent" in got and "rose" not in got
    assert "dog" in labels("A girl with a dog sits on a chest carved with dragons.")


def test_a_setting_word_after_the_verb_of_a_sentence_opening_with_a_picture_place_is_a_thing():
    """'Along the top edge runs a hedge of ...', 'Across the bottom stretches a low fence': a place
    in the picture, then the verb, then the subject: the subject is placed there, a thing."""
    reading = reading_of("A fox sits by a barn. Across the bottom edge runs a crumbling stone wall.")
    wall = next(t for t in reading.things if t.head == "wall")
    assert wall.place is not None and wall.place.vertical == "bottom"
    assert "wall" not in " ".join(reading.backdrop)


def test_days_of_the_week_and_months_are_times_not_things():
    got = labels("A windy Tuesday at a country fair. A juggler tosses three clubs beside a caravan.")
    assert "juggler" in got and "caravan" in got
    assert not any(w in label for label in got for w in ("tuesday", "fair", "country"))
    assert labels("On a cold January morning a postman cycles past a bakery.") == ["postman", "bakery"]


def test_a_noun_after_a_time_word_and_an_ing_word_is_one_phrase():
    # "a Friday boxing match": the match (an event) with its kind, not a thing 'match'
    got = labels("A noisy Friday boxing match in a crowded hall. A referee leans over a fallen boxer.")
    assert "match" not in got and {"referee", "boxer"} <= set(got)


def test_a_river_or_stream_of_things_is_a_flowing_mass_not_a_river():
    got = labels(
        "Over the valley a river of lanterns drifts past a stone bridge, and a stream of ants crosses a log."
    )
    assert "river" not in got and "stream" not in got
    assert {"lantern", "stone bridge", "ant", "log"} <= set(got)


def test_card_games_that_people_play_are_no_things():
    got = labels("Four sailors play poker at a barrel while a parrot watches from a crate.")
    assert "poker" not in got and {"sailor", "barrel", "parrot", "crate"} <= set(got)


def test_workshop_furniture_and_old_instruments_and_small_falcons_are_things():
    got = labels("A lute lies on a trestle beside a hurdy-gurdy, and a merlin perches on a hook above them.")
    assert {"lute", "trestle", "hurdy-gurdy", "merlin", "hook"} <= set(got)
    tables = labels("Villagers eat at long trestle tables under an oak.")
    assert "long trestle table" in tables and "villager" in tables  # not 'a trestle' that 'tables'


def test_its_belonging_in_a_later_sentence_is_the_animal_s_own_thing():
    # 'its pillow' is the cat's, not a part of the sofa of the sentence before
    got = labels(
        "A velvet sofa stands under the window. A cat that never leaves its pillow dozes by the stove."
    )
    assert "pillow" in got and "cat" in got
    # a fixed part still reaches back to its building: 'its door' is the shed's
    shed = labels("A green shed stands by the hedge; a goat peers out of its door.")
    assert "door" not in shed and {"green shed", "goat"} <= set(shed)


def test_a_caption_opening_the_prompt_is_the_frame_and_its_publication_no_thing():
    got = labels("Caption from a cooking magazine: a chef plates a dessert beside a copper pan.")
    assert "magazine" not in " ".join(got) and {"chef", "dessert", "copper pan"} <= set(got)


def test_a_bare_mass_noun_after_covered_in_coats_the_thing_before_it():
    p = plan("An old anchor covered in lichen lies beside a stone well covered with moss.")
    got = [r.label for r in p.regions]
    assert "moss" not in got and "lichen" not in got
    assert "covered with moss" in prompt_of(p, "stone well")
    assert {"old anchor", "stone well"} <= set(got)  # 'covered' is the verb of the thing, which stays


def test_a_whose_aside_after_a_comma_gives_the_worn_thing_to_the_one_before_the_comma():
    """'their spaniel, whose tartan harness glints, ...': the comma opening the aside stands
    between the owner and 'whose'; the harness is the spaniel's, not a region of its own."""
    p = plan("An old man walks their spaniel, whose tartan harness glints in the rain.")
    assert [r.label for r in p.regions] == ["old man", "spaniel"]
    assert "tartan harness" in prompt_of(p, "spaniel")
    p = plan("The fiddler, whose silk waistcoat is frayed, plays by the hearth.")
    assert "silk waistcoat" in prompt_of(p, "fiddler") and "waistcoat" not in labels(
        "The fiddler, whose silk waistcoat is frayed, plays by the hearth."
    )


def test_british_garment_words_and_pinned_badges_are_worn():
    """things.tsv: a jumper is a sweater, a rosette or a corsage is pinned on: worn by the one in it,
    a person or an animal ('a pug in a striped jumper')."""
    p = plan("A grumpy pug in a striped jumper sits on a doormat.")
    assert [r.label for r in p.regions] == ["grumpy pug", "doormat"]
    assert "striped jumper" in prompt_of(p, "grumpy pug")
    assert entry("rosette").kind is ThingKind.CLOTHING and entry("gilet") is not None


def test_a_thing_fixed_on_her_garment_in_an_aside_is_hers():
    """', a tin badge clipped to his jacket.': after a comma and closing the clause, a thing set on
    or in someone's garment is worn by them, as one set on their body part is; a thing next to her
    boots is only beside her."""
    p = plan("A boy queues at the ticket booth, a tin badge clipped to his denim jacket.")
    assert "badge" not in " ".join(r.label for r in p.regions)
    assert "tin badge" in prompt_of(p, "boy")
    assert "wicker basket" in labels("A woman rests on a rock, a wicker basket next to her boots.")


def test_he_wears_is_never_a_person_told_female():
    """'A ferryman and his daughter ... He wears an oilskin hat': no one is told male, but the
    daughter is told female, so 'he' is the ferryman, the other person, not the latest one."""
    p = plan("A ferryman and his daughter wait on the jetty. He wears an oilskin hat.")
    assert "oilskin hat" in prompt_of(p, "ferryman") and "hat" not in prompt_of(p, "daughter")
    p = plan("A gardener and her grandson plant bulbs. She wears a straw bonnet.")
    assert "straw bonnet" in prompt_of(p, "gardener")


def test_a_person_after_she_and_a_comma_says_who_she_is():
    """'she, a girl of ten with red plaits, holds a lamb': the appositive names the one 'she'
    stands for (not told male), not a new person; her plaits (words.tsv: a hair word, a part) are hers."""
    p = plan(
        "A shepherd and his niece rest by a wall. He wears a felt hat; she, a girl of ten with red plaits, holds a lamb."
    )
    assert [r.label for r in p.regions][:2] == ["shepherd", "niece"] and "girl" not in labels(p.prompt)
    assert "red plaits" in prompt_of(p, "niece")
    p = plan("The miller and his wife wave; he, a stout man with a pipe, leans on a cart.")
    assert "man" not in [r.label for r in p.regions] and "stout man" not in [r.label for r in p.regions]


def test_a_persons_own_kit_after_whose_is_theirs_with_its_pattern():
    """'a fiddler whose cello is painted with lilies': after 'whose', one object no bigger than a
    person is that person's kit (an instrument, a tool), with its pattern; a bicycle, a building or
    a row of things is not, nor a lifeless thing's ('a tower whose clock')."""
    p = plan("A busker whose cello is painted with lilies plays beside a girl.")
    assert [r.label for r in p.regions] == ["busker", "girl"]
    assert "cello" in prompt_of(p, "busker") and "lilies" in prompt_of(p, "busker")
    assert "bicycle" in labels("A postman whose bicycle leans on the fence waves.")
    assert "cart" in labels("A farmer whose cart is loaded with hay waits.")


def test_coat_colours_of_horses_cattle_and_dogs_are_colours():
    """words.tsv: 'roan', 'piebald', 'brindle' are colours and 'dapple' a shade of one, so 'a toy
    pony painted dapple grey' keeps its words (not read as the verb 'dappling') and labels tell
    the coats apart."""
    p = plan(
        "A piebald cob grazes beside a brindle mastiff. A toy pony painted dapple grey stands on a shelf."
    )
    assert [r.label for r in p.regions][:2] == ["piebald cob", "brindle mastiff"]
    assert "painted dapple grey" in prompt_of(p, "toy pony")


def test_what_a_thing_is_draped_or_festooned_with_is_in_its_prompt():
    """words.tsv decor verbs: 'a mannequin draped with a silk shawl', 'a gate festooned with
    ribbons': what covers the thing is part of its look, not a region of its own, even for a thing
    no list names."""
    p = plan("By the door stands a mannequin draped with a silk shawl.")
    assert "shawl" not in " ".join(r.label for r in p.regions) and "silk shawl" in prompt_of(p, "mannequin")
    p = plan("A wooden gate festooned with paper ribbons leads to a meadow.")
    assert "paper ribbons" in prompt_of(p, "wooden gate") and "ribbon" not in " ".join(labels(p.prompt))


def test_a_state_participle_before_a_place_stays_with_its_thing():
    """'a towel lies rolled next to the tub': 'rolled' says how the towel is, and the place after it
    ("next to") is no object taken from it; a lone verb before its object still goes to the doer."""
    p = plan("In the bathroom, a striped towel lies rolled next to a claw-foot tub.")
    assert "rolled" in prompt_of(p, "striped towel")
    p = plan("A boy sits on the sofa, reading a comic book.")
    assert "reading a comic book" in prompt_of(p, "boy") and "reading" not in prompt_of(p, "sofa")


def test_a_doing_after_a_comma_past_a_lifeless_place_is_the_subjects():
    """'a dog lies on a rug, chewing a bone': the -ing clause after the comma is what the dog does,
    whatever the verb ('squawking' takes no object), not the rug's; a lifeless subject keeps it off."""
    p = plan("A terrier lies on a rug, chewing a bone.")
    assert "chewing a bone" in prompt_of(p, "terrier") and "chewing" not in prompt_of(p, "rug")
    p = plan("A green parrot perched on a birdcage, squawking loudly.")
    assert "squawking" in prompt_of(p, "green parrot") and "squawking" not in prompt_of(p, "birdcage")
    p = plan("A rowboat drifts on a lake, glittering in the sun.")
    assert "glittering" not in prompt_of(p, "rowboat")


def test_a_doing_past_a_lifeless_place_and_a_place_word_is_the_subjects():
    """'sits on a stool by the door knitting a scarf': the -ing clause after the place and a second
    place is what the grandmother does, not the stool's or the corner's; 'looking very pleased'
    says how an animal looks, not the barrel it stands on."""
    p = plan("An old grandmother sits on a wooden stool at the center knitting a red scarf.")
    assert "knitting a red scarf" in prompt_of(p, "old grandmother")
    assert "knitting" not in prompt_of(p, "wooden stool")
    p = plan("A sailor sits on a barrel in the corner mending a net.")
    assert "mending a net" in prompt_of(p, "sailor") and "mending" not in prompt_of(p, "barrel")
    p = plan("A fat cat is standing on top of a barrel looking very pleased.")
    assert "looking very pleased" in prompt_of(p, "fat cat") and "pleased" not in prompt_of(p, "barrel")
    p = plan("A hiker in a blue anorak checking a compass, a mule with saddlebags.")
    assert "checking a compass" in prompt_of(p, "hiker")


def test_a_reflexive_said_for_emphasis_is_not_in_the_prompt():
    """'the shepherd himself, a lean man in a flat cap': 'himself' only stresses who is meant; a
    reflexive that is a verb's object ('washing itself') says what the thing does and stays."""
    p = plan("The shepherd himself, a lean man in a flat cap, leans on a stone wall.")
    assert "himself" not in prompt_of(p, "shepherd") and "flat cap" in prompt_of(p, "shepherd")
    p = plan("A ginger cat sits on a fence, washing itself.")
    assert "washing itself" in prompt_of(p, "ginger cat")


def test_what_a_thing_has_after_its_place_in_the_picture_is_still_its_own():
    """'a drone hovers at the top with a searchlight': a place in the picture names no other thing,
    so the 'with' after it still says what the drone has; another thing after it is not its own."""
    p = plan("A police drone hovers at the top with a searchlight.")
    assert "with a searchlight" in prompt_of(p, "police drone")
    p = plan("A woman waits on the left, a dog sleeps on the right.")
    assert "dog" not in prompt_of(p, "woman")


def test_the_tool_or_vessel_of_a_doing_is_said_with_the_doer():
    """'screams into a microphone', 'tosses noodles in a wok': the thing the doing is done into,
    through or with keeps its own region and is said in the doer's prompt too; where the doer
    sits ('sits in a boat') is no tool of his."""
    p = plan("A street cook in a white cap tosses noodles in a blazing wok.")
    assert "in a blazing wok" in prompt_of(p, "street cook") and "wok" in labels(p.prompt)
    p = plan("A punk singer screams into a microphone while a drummer pounds a snare drum.")
    assert "into a microphone" in prompt_of(p, "punk singer")
    p = plan("An old sailor dozes over a newspaper.")
    assert "newspaper" in prompt_of(p, "old sailor")
    p = plan("A fisherman sits in a rowboat near a pier.")
    assert "rowboat" not in prompt_of(p, "fisherman")
    p = plan("A grandfather leans on a cane, reading aloud from a newspaper.")
    assert "reading aloud from a newspaper" in prompt_of(p, "grandfather")


def test_the_second_object_after_an_object_pronoun_is_the_doers():
    """'offers it a carrot', 'hands him a lantern': after the first object, a pronoun, the thing
    given is still the verb's object and is said with the giver too."""
    p = plan("A small girl kneels and offers it a carrot.")
    assert "offering it a carrot" in prompt_of(p, "small girl")
    p = plan("A bellboy hands him a brass lantern. A cat watches them, a dog sleeps.")
    assert "brass lantern" in prompt_of(p, "bellboy") and "dog" not in prompt_of(p, "cat")


def test_a_person_word_between_commas_after_an_animal_says_what_kind_of_fellow_it_is():
    """In a tale, 'the heron, a stern old lady in a lace bonnet, points ...': the aside is the
    heron described, one region with its words; an aside that sets someone by it is another."""
    p = plan("Beside the pond, the heron, a stern old lady in a lace bonnet, points at a frog.")
    assert [r.label for r in p.regions] == ["heron", "frog"]
    assert "lace bonnet" in prompt_of(p, "heron") and "stern" in prompt_of(p, "heron")
    assert labels("The horse, a rider on its back, trots past a barn.") == ["horse", "rider", "barn"]


def test_a_word_in_s_after_an_appositive_aside_is_the_verb_of_the_one_before():
    """'the walrus, a jolly old sailor in a striped vest, waves from a boat': 'waves' is a noun
    and a verb; after an aside naming who the walrus is, it is the walrus's verb, not more waves."""
    p = plan("The walrus, a jolly old sailor in a striped vest, waves from a rowing boat.")
    assert [r.label for r in p.regions] == ["walrus", "boat"]
    assert "striped vest" in prompt_of(p, "walrus")
    assert "bowl" in labels("A kitchen, a pot on the stove, bowls on the table.")  # a list of things


def test_a_past_participle_after_a_verb_that_takes_an_object_describes_that_object():
    """'a shelf holds chipped teacups': 'chipped' describes the teacups (the shelf does not chip
    them); after a verb that takes no object it is the subject's state ('a cat lies curled')."""
    p = plan("In the pantry, a pine shelf holds chipped teacups.")
    assert "chipped" in prompt_of(p, "teacup")
    assert "curled" in prompt_of(plan("A grey cat lies curled next to a basket."), "grey cat")


def test_a_garment_worn_in_her_or_his_after_a_pronoun_subject_is_the_one_told_before():
    """'An old sailor mends a net. Later he dozes on a crate in his yellow oilskin.': no one is
    named in the second sentence, so 'his' is the sailor's; the oilskin is in his prompt."""
    p = plan("An old sailor mends a net. Later he dozes on a crate in his yellow oilskin.")
    assert "yellow oilskin" in prompt_of(p, "old sailor")
    assert "yellow oilskin" not in labels(
        "An old sailor mends a net. Later he dozes on a crate in his yellow oilskin."
    )


def test_after_plural_owners_with_a_list_a_single_thing_with_a_verb_in_s_opens_a_new_clause():
    """'stalls hung with rugs and a brass lamp glows amber': plurals take no verb in -s, so the
    lamp is the subject of 'glows' and 'glowing amber' is in the lamp's prompt, not lost."""
    p = plan("Old market stalls hung with rugs and a brass lamp glows amber.")
    assert "glowing amber" in prompt_of(p, "brass lamp")
    assert "amber" not in prompt_of(p, "old market stall")
    assert "a lute and a cap" in prompt_of(plan("A bard with a lute and a cap perches on a barrel."), "bard")


def test_a_sports_goal_and_a_workshop_lift_are_things():
    """things.tsv: a 'goal' in a match is a thing; 'scissor lift', 'hydraulic lift', 'washing
    line', 'dripper' and 'fiddle-leaf fig' (a potted plant, not the fruit) are listed too."""
    assert labels("A striker in a green jersey shoots at the goal.") == ["striker", "goal"]
    assert labels("A welder stands on a scissor lift beside a van on a hydraulic lift.") == [
        "welder",
        "scissor lift",
        "van",
        "hydraulic lift",
    ]
    assert "washing line" in labels("A washing line hangs between two poles.")
    assert "fiddle-leaf fig" in " ".join(
        labels("A sofa with a wool throw, a tall fiddle-leaf fig in a clay pot.")
    )
    assert "dripper" in " ".join(labels("A copper coffee dripper on a marble counter."))


def test_a_styling_word_after_a_nationality_is_the_look_not_a_thing():
    """words.tsv: 'styling' is a style noun, so 'rustic Italian styling' names the look; the
    nationality before it is no region of its own."""
    assert labels("A teapot on a tray, rustic Italian styling, soft light.") == ["teapot", "tray"]


def test_a_plain_person_word_after_the_animal_of_a_tale_is_that_animal():
    """'the mole, a cheerful fellow in a velvet waistcoat, waves': in a tale a person word
    ('fellow', 'gentleman') between commas after 'the <animal>', with a verb after, says who the
    animal is; a list ('the dog, a man in a coat and a cat') stays three things."""
    p = plan("By the river, the mole, a cheerful fellow in a velvet waistcoat, waves from a rowing boat.")
    assert labels(p.prompt) == ["mole", "boat"]
    assert "velvet waistcoat" in prompt_of(p, "mole")
    assert labels("The dog, a man in a coat and a cat rest in a meadow.")[:3] == ["dog", "man", "cat"]


def test_her_garment_with_no_one_in_the_sentence_is_worn_by_the_one_named_before():
    """'She sits by the fire in her woollen cardigan': with only a pronoun in the sentence, 'her'
    names the woman of the sentence before, who wears the cardigan; it gets no region."""
    p = plan("An old woman knits. Tonight she sits by the fire in her woollen cardigan.")
    assert "cardigan" not in " ".join(labels(p.prompt))
    assert "woollen cardigan" in prompt_of(p, "old woman")


def test_a_bare_body_part_with_a_pose_after_a_comma_is_its_owners():
    """'a mammoth lumbers past, trunk raised': the trunk is the mammoth's pose, not a travel trunk
    of its own; 'huge windows showing a jet' stays a thing of its own."""
    p = plan("A woolly mammoth lumbers across the tundra on the right, trunk raised.")
    assert labels(p.prompt) == ["mammoth"]
    assert "trunk raised" in prompt_of(p, "mammoth")


def test_an_english_hyphened_compound_before_a_noun_describes_it():
    """'a comic book full-page splash': 'full-page' describes 'splash' (the frame), so the book is
    no region of its own; 'a fox mid-leap over a log' keeps its compound with the fox."""
    assert labels("Comic book full-page splash, bold inks. A robot lifts a car.") == ["robot", "car"]


def test_a_held_thing_posed_in_an_absolute_phrase_is_its_holders():
    got = plan("A chemist sits at the bench, a pipette pressed to a glass vial.")
    assert labels("A chemist sits at the bench, a pipette pressed to a glass vial.") == [
        "chemist",
        "bench",
        "glass vial",
    ]
    assert "pipette" in prompt_of(got, "chemist")
    got = reading_of("A clerk waits at the desk, a ledger placed on the shelf.")
    assert "ledger" in [t.head for t in got.things]  # set down, not held


def test_worn_and_held_things_of_devotion_office_and_arms_are_things_not_people():
    for word in ("rosary", "talisman", "scepter", "halberd", "grimoire"):
        assert entry(word).kind is ThingKind.OBJECT, word
    for word in ("amulet", "medallion", "scabbard"):
        assert entry(word).kind is ThingKind.CLOTHING, word
    got = plan("A priest stands at the altar, holding a silver rosary.")
    assert labels("A priest stands at the altar, holding a silver rosary.") == ["priest", "altar"]
    assert "silver rosary" in prompt_of(got, "priest")


def test_someones_held_thing_set_down_somewhere_is_a_thing_of_its_own():
    prompt = "A hiker naps under an oak. The hiker's walking stick leans against a boulder."
    assert labels(prompt) == ["hiker", "oak", "walking stick", "boulder"]
    got = plan("A hiker stands on a ridge, the hiker's walking stick in hand.")
    assert "walking stick" in prompt_of(got, "hiker")


def test_a_possessed_subject_placed_before_has_is_the_thing():
    prompt = "The miller's barn on the left has a red door, and a goose waddles past."
    assert labels(prompt) == [
        "barn",
        "goose",
    ]  # the miller is only named as its owner; the door is the barn's
    assert prompt_of(plan(prompt), "barn").startswith("the miller's barn, a red door")


def test_a_second_verb_in_s_after_and_before_an_article_repeats_the_clauses_verb():
    """'a shepherd who leads a ewe and carries a lamb': after 'and', a verb form in -s before an
    article joins the clause's first verb in -s (no noun phrase runs into an article), so the
    lamb is carried, not 'carries' a thing of its own."""
    from planner.rules_tokens import Tag, tokenize

    tags = {t.low: t.tag for t in tokenize("A shepherd who leads a ewe and carries a lamb rests.")}
    assert tags["carries"] is Tag.VERB and tags["lamb"] is Tag.NOUN
    p = plan("A shepherd who leads a ewe and carries a lamb rests by a gate.")
    assert "lamb" not in labels_of(p) and any("carrying a lamb" in r.prompt for r in p.regions)
    # (the carrying lands in the ewe's prompt, not the shepherd's: a second verb of a relative
    # clause is not yet given the clause's subject)
    assert not any("carries" in r.prompt for r in p.regions)


def test_a_verb_in_s_after_someone_placed_on_a_thing_is_that_ones_act():
    """'a painter on a scaffold brushes paint onto a wall': the one before the place phrase is
    the subject, so the word in -s is the painter's verb and the scaffold keeps its region."""
    p = plan("A painter on a scaffold brushes dust from a fountain.")
    assert labels(p.prompt) == ["painter", "scaffold", "fountain"]
    assert "brushing" in prompt_of(p, "painter")


def test_fantasy_wolves_rails_and_swatches_are_things():
    """things.tsv lists a warg (a fantasy wolf), a rail (an altar rail, a towel rail) and a swatch."""
    got = " | ".join(labels("An orc rides a warg past a wooden rail and a fabric swatch."))
    assert "warg" in got and "rail" in got and "swatch" in got


def test_a_bare_material_after_a_preposition_names_the_kind_of_the_plural_after_it():
    """'kneeling on marble tiles', 'standing on stone steps': a bare material (no article) after
    a preposition names what the plural after it is made of, so the plural is no verb and the
    material no thing of its own; 'a lamp on a brass tin lights the desk' keeps its verb."""
    from planner.rules_tokens import Tag, tokenize

    tags = {t.low: t.tag for t in tokenize("1boy, sitting on stone steps, reading a book")}
    assert tags["steps"] is Tag.NOUN
    assert "stone" not in labels("1boy, sitting on stone steps, reading a book, lantern")
    lit = {t.low: t.tag for t in tokenize("A lamp on a biscuit tin lights the desk.")}
    assert lit["lights"] is Tag.VERB
    worn = {t.low: t.tag for t in tokenize("A dog dozes on the marble tiles by the door.")}
    assert worn["tiles"] is Tag.NOUN


def test_the_front_or_back_of_the_picture_with_its_own_article_is_an_area_not_a_thing():
    """'at the front of the frame', 'in the background of the image': a depth said with its own
    article names an area of the picture, so the frame gets no region and the thing is in front;
    'in front of the painting' places a thing by a painting in the scene."""
    p = plan("A tortoise rests at the front of the frame on a flat rock.")
    assert labels(p.prompt) == ["tortoise", "flat rock"]
    assert labels("A girl waits in front of the painting.") == ["girl", "painting"]


def test_a_bounded_scene_someone_goes_toward_is_a_place_in_the_picture():
    """'three ducklings paddle toward the mill pond': the pond is apart from the ducklings going
    to it, so it is a region of its own (not the setting they are in)."""
    got = labels("Three ducklings paddle toward the mill pond.")
    assert got[-1] == "mill pond" and got.count("duckling") == 3


def test_a_word_in_ed_after_a_or_the_and_someone_before_an_object_is_their_past_verb():
    """'the gardener scattered petals over the path': a person word makes no compound with a
    participle, so 'scattered' is what the gardener did and the gardener keeps a region."""
    from planner.rules_tokens import Tag, tokenize

    tags = {t.low: t.tag for t in tokenize("The gardener scattered petals over the path.")}
    assert tags["scattered"] is Tag.VERB and tags["gardener"] is Tag.NOUN
    got = labels("The gardener scattered petals near a wheelbarrow.")
    assert got == ["gardener", "petal", "wheelbarrow"]


def test_an_owner_named_with_s_before_an_object_is_no_thing_and_the_object_is_drawn():
    p = plan("A jogger runs past the mayor's fountain while a boy walks his uncle's goat to a barn.")
    got = labels_of(p)
    assert "mayor" not in got and "uncle" not in got
    assert "fountain" in got and "goat" in got
    assert "mayor's" in prompt_of(p, "fountain") and "uncle's" in prompt_of(p, "goat")


def test_a_thing_worn_after_another_owners_s_is_the_wearers():
    p = plan("A white pony wearing the circus's red blanket trots beside a wagon.")
    got = labels_of(p)
    assert "circus" not in got and "blanket" not in " ".join(got)
    assert "red blanket" in prompt_of(p, "white pony")


def test_her_garment_after_a_lifeless_place_is_worn_by_the_woman():
    p = plan(
        "At the edge of a pine wood, there lived a potter's daughter. She stands at the fountain in her red shawl."
    )
    assert "red shawl" in prompt_of(p, "daughter")
    assert "shawl" not in prompt_of(p, "fountain")


def test_a_plain_person_word_after_an_animal_through_a_who_clause_is_that_animal():
    p = plan("A girl waves to a fox, a cheerful chap in a red scarf who is carrying a lantern.")
    got = labels_of(p)
    assert "chap" not in got
    assert "red scarf" in prompt_of(p, "fox") and "lantern" in prompt_of(p, "fox")


def test_short_words_for_a_team_helper_or_a_man_are_people():
    p = plan("The medic, a stocky chap with a first-aid kit, kneels on the grass beside the physio.")
    got = labels_of(p)
    assert "chap" not in got and "physio" in got
    assert "first-aid kit" in prompt_of(p, "medic")


def test_a_garment_after_draped_in_is_worn_by_the_figure_before():
    p = plan("A marble statue draped in a silk cloak stands by a gate.")
    assert "cloak" not in " ".join(labels_of(p))
    assert "silk cloak" in prompt_of(p, "marble statue")


def test_a_pump_and_a_roll_of_a_stuff_are_things():
    """A pump is a thing even after 'the' ('leans against the rusty pump'); 'a roll of twine' is
    the roll (a piece of the stuff, as 'a spool of thread' is)."""
    assert labels("A farmer leans against the rusty pump in the yard.") == ["farmer", "rusty pump"]
    assert labels("A roll of twine lies next to a hammer.") == ["roll", "hammer"]


def test_a_bare_word_after_a_plural_listed_as_it_is_is_the_plurals_verb():
    """'the waves roll onto the sand': 'waves' is listed as a plural scene, still a plural subject,
    so 'roll' after it is its verb (no 'waves roll' thing)."""
    from planner.rules_tokens import Tag, tokenize

    tags = {t.low: t.tag for t in tokenize("The waves roll onto the sand beside a jetty.")}
    assert tags["roll"] is Tag.VERB
    assert labels("The waves roll onto the sand beside a jetty.") == ["jetty"]


def test_a_chimney_with_no_house_of_its_own_is_a_thing():
    """'a cat dozes by the stone chimney' in a loft with only a lamp before it: no building owns the
    chimney (a lamp has none), so it is drawn as a thing; after a cottage it stays the cottage's."""
    got = labels("A brass lamp hangs in a dusty loft. A cat dozes beside the stone chimney.")
    assert got == ["brass lamp", "cat", "stone chimney"]
    assert labels("A cottage sits by a lane. Smoke curls from the chimney.") == ["cottage", "lane"]


def test_a_picture_given_to_a_thing_or_set_down_is_no_style_of_the_whole():
    """'a clipboard with a charcoal sketch', 'on the shelf sits an oil painting': the sketch and the
    painting are in the scene, so no region's prompt takes them as the picture's medium."""
    p = plan("A clipboard with a charcoal sketch lies beside a teapot.")
    assert prompt_of(p, "teapot") == "a teapot"
    p = plan("On the shelf sits an oil painting of a ship, beside a vase.")
    assert "painting" in labels(p.prompt) and prompt_of(p, "vase") == "a vase"
    assert "a watercolor painting" in prompt_of(plan("A watercolor painting of a fox by a stream."), "fox")


def test_what_someone_dreams_of_or_imagines_is_not_in_the_picture():
    """'a terrier naps by the hearth, dreaming of rabbits', 'a boy imagines a dragon': what a verb
    of dreaming takes (after it, or after 'of' or 'about') is only in a mind, so it gets no region."""
    assert labels("A terrier naps by the hearth, dreaming of rabbits.") == ["terrier", "hearth"]
    assert labels("A boy on a swing imagines a dragon.") == ["boy", "swing"]
    assert labels("A girl reads about a dragon under a tree.")[0] == "girl"


def test_a_volley_of_shots_is_an_event_not_a_thing():
    """'two archers fire a volley from behind a cart': a volley, salvo or barrage is something done
    (words.tsv 'abstract'), so it gets no region; the cart does."""
    assert labels("Two archers fire a volley from behind a cart.") == ["archer", "archer", "cart"]
    assert "barrage" not in labels("A battery fires a barrage over a ridge.")


def test_a_capitalised_adjective_form_after_a_capitalised_noun_is_part_of_a_name():
    """'a fox trots out of Thistle Wood': 'Wood' (a material word) after 'Thistle' inside a sentence
    is part of the place's name, a noun, so no 'wood thistle' thing is made of the name."""
    from planner.rules_tokens import Tag, tokenize

    tags = {t.low: t.tag for t in tokenize("A fox trots out of Thistle Wood toward a fence.")}
    assert tags["wood"] is Tag.NOUN
    assert labels("A fox trots out of Thistle Wood toward a fence.") == ["fox", "fence"]


def test_everyday_things_once_unlisted_get_their_own_region():
    got = labels(
        "A mechanic bends over an outboard motor on a trestle, a coal scuttle and a roll of tape beside him, "
        "while a girl builds a castle in the sandpit and a rabbit peers out of its burrow."
    )
    assert {"outboard motor", "coal scuttle", "sandpit", "burrow"} <= set(got)


def test_a_plural_after_the_first_noun_of_a_verbs_object_heads_that_object():
    got = labels(
        "In the nursery, a child lines toy trucks on the rug while a monk hangs prayer flags on a pole."
    )
    assert {"toy truck", "prayer flag", "rug", "pole"} <= set(got)
    assert not {"toy", "prayer"} & set(got)


def test_a_thing_opening_a_clause_after_a_comma_is_not_one_more_item_of_a_with_list():
    p = plan("On a bench covered with a wool blanket, a brass lantern glows beside a sleeping cat.")
    assert "brass lantern" in [r.label for r in p.regions]
    assert "lantern" not in prompt_of(p, "bench")


def test_its_part_after_an_unlisted_make_is_that_things_part():
    p = plan("A farmer waves beside a battered Trabant, its rusty fender dented.")
    assert [r.label for r in p.regions] == ["farmer", "trabant"]
    assert "its rusty fender dented" in prompt_of(p, "trabant")


def test_its_thing_in_a_relative_clause_belongs_to_the_thing_the_clause_is_about():
    p = plan("A girl drags her sled past the snowman, which raises its broom to her.")
    assert "broom" in prompt_of(p, "snowman")
    assert "broom" not in prompt_of(p, "sled")


def test_a_person_named_right_after_the_latter_is_the_one_it_points_back_to():
    p = plan(
        "A nurse chats with a gardener by the gate. The latter, an old man in a straw hat, leans on his rake."
    )
    assert [r.label for r in p.regions if r.label in {"nurse", "gardener", "man", "old man"}] == [
        "nurse",
        "gardener",
    ]
    assert "straw hat" in prompt_of(p, "gardener")


def test_what_fills_a_thing_is_in_that_things_prompt_not_its_pushers():
    p = plan("A grandmother pushes a barrow full of oranges.")
    assert "full of oranges" in prompt_of(p, "barrow")
    assert "oranges" not in prompt_of(p, "grandmother")
    q = plan("A vendor waits beside a scooter, its basket full of plums.")
    assert "its basket full of plums" in prompt_of(q, "scooter")
    assert "plums" not in prompt_of(q, "vendor")


def test_a_can_ending_a_counted_noun_phrase_is_the_thing_not_a_helper_verb():
    got = labels("A painter kneels on the floor next to a battered paint can. A brush lies on a rag.")
    assert "paint can" in got or "can" in got
    assert "paint" not in got


def test_a_list_of_things_after_a_fronted_place_takes_a_bare_verb():
    got = labels("Across the valley, a stone chapel and a tall lighthouse rise above the fog.")
    assert "stone chapel" in got and any("lighthouse" in g for g in got)
    assert not any(g.endswith("rise") for g in got)
    kids = labels("On the porch, a boy and a girl wave at the mail van.")
    assert "boy" in kids and "girl" in kids and not any("wave" in g for g in kids)


def test_a_verb_joined_by_and_to_a_verb_only_word_is_a_verb_after_a_plural():
    got = labels("Near the shore, three grey seals paddle and bask on a flat rock.")
    assert "grey seal" in got and not any("paddle" in g for g in got)


def test_a_relative_clause_second_verb_makes_no_compound():
    got = labels("A small goat that bleats and kicks stands on a hay bale.")
    assert "small goat" in got or "goat" in got
    assert not any("kick" in g for g in got)


def test_as_between_two_clauses_means_while_but_after_dressed_or_works_names_a_role():
    def heads(prompt: str) -> list[str]:
        return [t.head for t in reading_of(prompt).things]

    assert heads("An old man chuckles as a goat in a straw hat nibbles his newspaper.") == ["man", "goat"]
    assert heads("A baby squeals as a kitten bats at her mobile.")[:2] == ["baby", "kitten"]
    assert heads("A girl dressed as a bumblebee waves a wand.") == ["girl"]
    assert "chef" not in heads("A tall man works as a chef in a diner.")


def test_a_wall_of_stone_or_one_someone_sits_on_stands_alone_a_plain_wall_things_hang_on_does_not():
    """A wall built of a material ('a crumbling brick wall') or one a person or animal rests on
    ('the low wall') is a thing of the picture; a plain wall a thing hangs on or leans against
    bounds the room."""
    got = labels("A tractor is parked beside a crumbling brick wall, and a crow perches on the tractor.")
    assert got == ["tractor", "brick wall", "crow"]
    assert labels("Three hikers rest on the low wall eating sandwiches.") == [
        "hiker",
        "hiker",
        "hiker",
        "low wall",
    ]
    reading = reading_of("Three hikers rest on the low wall eating sandwiches.")
    assert [(r.kind.value, r.objects) for r in reading.relations] == [("on", (1,))]
    assert labels("A calendar hangs on the wall, and a broom leans against the wall.") == [
        "calendar",
        "broom",
    ]
    assert labels("A fruit bat hangs on the low wall of the cave.") == ["fruit bat"]


def test_a_size_word_that_is_also_a_noun_describes_the_noun_after_a_participle_or_unknown_word():
    """'giant' is a noun ('the giant smiled') and a size: before a past participle or an unknown
    word that runs into a noun ('a giant carved wooden bear'), it describes that noun."""
    p = plan("A child waves beside a giant carved wooden bear, and a giant snow-dusted pine.")
    assert [r.label for r in p.regions] == ["child", "wooden bear", "giant pine"]
    assert "giant carved" in prompt_of(p, "wooden bear")
    assert labels("A giant smiled at a goblin.") == ["giant", "goblin"]


def test_a_word_that_is_a_verb_stays_a_noun_when_it_names_a_listed_thing_with_the_noun_after_it():
    """'deck' can be a verb, but 'two oak deck chairs' names deck chairs made of oak."""
    p = plan("Two oak deck chairs stand on the lawn, and a terrier sleeps under them.")
    assert [r.label for r in p.regions] == ["oak deck chair", "oak deck chair", "terrier"]


def test_a_car_named_by_its_make_is_a_large_vehicle():
    """'a battered Peugeot', 'a gleaming Cadillac': the make names the car, as big as a sedan."""
    p = plan("A battered Peugeot is parked by the kerb, and a cat sleeps on the roof of a gleaming Cadillac.")
    assert [r.label for r in p.regions] == ["peugeot", "cat", "cadillac"]
    assert "battered" in prompt_of(p, "peugeot") and "gleaming" in prompt_of(p, "cadillac")
    assert entry("studebaker").kind is ThingKind.VEHICLE and entry("fiat").size is Size.LARGE


def test_an_item_first_held_and_later_named_as_a_thing_keeps_its_first_words():
    """'a boy with a canvas satchel ... a ferret naps in the satchel': the satchel first said as the
    boy's gets a region of its own when named again, and that region says what it is like."""
    p = plan("A boy with a canvas satchel waits at the bus stop, and a ferret naps in the satchel.")
    assert "canvas satchel" in prompt_of(p, "canvas satchel")
    assert "with a canvas satchel" in prompt_of(p, "boy")


def test_a_tray_is_carried_in_hand_but_a_tray_set_down_is_a_thing():
    """A tray is hand-held ('balancing a teapot on a tray', 'a butler with a silver tray'): in its
    carrier's prompt; one that sits on a counter is a thing of its own."""
    p = plan("A nurse walks down the corridor, balancing a teapot on a tray.")
    assert "on a tray" in prompt_of(p, "nurse") and "tray" not in labels_of(p)
    p = plan("A butler with a silver tray bows to the duchess.")
    assert "with a silver tray" in prompt_of(p, "butler") and "tray" not in labels_of(p)
    assert "tray" in labels("A tray of scones sits on the counter beside a kettle.")


def test_a_style_word_after_a_persons_name_is_the_look_not_a_thing():
    # 'Edward Hopper palette' names whose colours the picture has; 'a blush palette' is the thing
    got = labels("A gas station at night with a clerk behind the counter, Edward Hopper palette.")
    assert "clerk" in got and "counter" in got and "palette" not in " ".join(got)
    assert "palette" in " ".join(labels("A makeup artist opens a blush palette beside the mirror."))


def test_scale_after_a_look_word_is_the_look_but_a_weighing_scale_is_a_thing():
    assert "scale" not in " ".join(labels("A giant robot towers over a harbour, epic scale, hazy dawn."))
    assert "scale" in " ".join(labels("A baker sets a small scale on the counter beside a bag of flour."))
    assert "brass scale" in labels("A grocer weighs apples on a brass scale.")


def test_apothecary_vessels_and_fishing_tackle_are_things():
    assert labels("A pharmacist grinds herbs in a marble mortar on the bench.")[-2:] == [
        "marble mortar",
        "bench",
    ]
    assert "red lure" in labels("A single red lure lies on the jetty next to a reel.")


def test_an_antenna_with_its_machine_or_animal_is_its_part_but_alone_is_a_thing():
    assert labels("A toy robot with a bent antenna stands on the desk.") == ["toy robot", "desk"]
    assert labels("A beetle with long antennae crawls over a leaf.") == ["beetle", "leaf"]
    assert labels("A tall radio antenna rises behind the barn.") == ["tall radio antenna", "barn"]


def test_an_animal_appositive_before_a_who_clause_says_who_the_tie_is():
    p = plan(
        "A fox naps by the stream, and his companion, a fat speckled hen, who clutches an acorn, sits on a stump."
    )
    got = [r.label for r in p.regions]
    assert sum(label.endswith("companion") for label in got) == 1 and not any("hen" in label for label in got)
    assert "speckled" in prompt_of(p, "companion")


def test_a_person_said_to_be_a_person_is_that_one_person():
    p = plan(
        "A busy cobbler's stall. The cobbler is a stout old man with a grey beard, and he taps a nail into a boot."
    )
    got = [r.label for r in p.regions]
    assert "cobbler" in got and not any(label.endswith("man") for label in got)
    assert "grey beard" in prompt_of(p, "cobbler")
    got = labels("There is a boy in a red cap, and a woman is a step behind him.")
    assert "boy" in got and "woman" in got


def test_a_who_clause_after_a_comma_describes_the_one_before_the_comma():
    p = plan("The shepherd, who carries a newborn lamb, waits by the gate.")
    assert "lamb" in prompt_of(p, "shepherd")
    p = plan("On the porch sits a grandfather, who cradles a sleeping toddler.")
    assert "sleeping toddler" in prompt_of(p, "grandfather")
    assert "toddler" in labels_of(p)


def test_a_finite_wears_after_a_relative_clause_object_belongs_to_the_clause_subject():
    p = plan("A shepherd who counts the lambs wears a felt hat. A girl sits beside a goat wearing a bell.")
    assert "felt hat" in prompt_of(p, "shepherd")
    assert "hat" not in prompt_of(p, "lamb")
    assert "bell" in prompt_of(p, "goat")  # '-ing' after a noun: that noun wears it


def test_a_second_verb_after_an_objects_and_is_the_subjects():
    p = plan(
        "A potter shapes a vase and wipes her hands. A baker who kneads the dough and hums a tune stands at a counter."
    )
    assert "wiping her hands" in prompt_of(p, "potter")
    assert "hands" not in prompt_of(p, "vase")
    assert "humming a tune" in prompt_of(p, "baker")
    assert all("tune" not in r.prompt for r in p.regions if r.label != "baker")


def test_his_or_her_after_a_second_verb_is_its_subjects():
    p = plan("A grandmother hugs a toddler and adjusts her glasses.")
    assert "adjusting her glasses" in prompt_of(p, "grandmother")
    assert "glasses" not in prompt_of(p, "toddler")


def test_a_noun_or_verb_word_after_and_in_a_relative_clause_with_an_of_object_is_its_second_verb():
    p = plan("A cook who stirs the soup of a busy kitchen and sings to the waiters wears a white apron.")
    assert "white apron" in prompt_of(p, "cook")
    assert "apron" not in prompt_of(p, "waiter")


def test_an_appositive_after_a_name_owned_person_is_that_person():
    p = plan("Mara's cousin, a tall girl in a yellow raincoat, feeds the ducks.")
    cousin = next(r for r in p.regions if r.label.endswith("cousin"))
    assert "yellow raincoat" in cousin.prompt
    assert not any(r.label.endswith("girl") for r in p.regions)


def test_a_participle_aside_between_commas_stays_with_its_thing():
    p = plan(
        "An old kettle, dented and blackened, sits on the stove. A heron, startled, rises above the reeds."
    )
    assert "dented and blackened" in prompt_of(p, "old kettle")
    assert "startled" in prompt_of(p, "heron")
    assert "half unrolled" in plan("A canvas tool roll, half unrolled, lies on the left.").regions[0].prompt


def test_what_a_parts_pose_participle_is_coated_with_stays_with_the_owner():
    p = plan("Two crows perch on a fence, their wings streaked with frost.")
    assert all("streaked with frost" in r.prompt for r in p.regions if r.label == "crow")
    assert "frost" not in prompt_of(p, "fence")


def test_a_whose_clause_between_commas_describes_the_thing_before_it():
    p = plan("A delivery van, whose green paint is flaked with rust, waits by the gate.")
    assert "flaked with rust" in prompt_of(p, "delivery van")


def test_an_unknown_word_between_a_count_and_its_plural_is_a_modifier():
    got = labels("On the workbench: three kizami tobacco tins beside a pipe, and a lamp.")
    assert got.count("tobacco tin") == 3 and "pipe" in got and "lamp" in got


def test_a_wheel_or_wedge_of_a_stuff_is_the_piece_with_the_stuff_in_its_prompt():
    p = plan("A monk sets a wheel of parmesan and a wedge of pecorino on the refectory table.")
    got = [r.label for r in p.regions]
    assert "wheel" in got and "wedge" in got and "parmesan" not in got and "pecorino" not in got
    assert "parmesan" in prompt_of(p, "wheel") and "pecorino" in prompt_of(p, "wedge")


def test_a_verb_in_s_after_a_plural_is_the_verb_before_an_unknown_word():
    p = plan("By the well, a row of three clay jugs spells A-B-C.")
    got = [r.label for r in p.regions]
    assert got.count("clay jug") == 3 and "spelling A-B-C" in prompt_of(p, "clay jug")


def test_a_cox_a_bodyboarder_and_a_broadsheet_are_things():
    got = labels("A cox shouts at the rowers. A bodyboarder paddles out. A broadsheet lies on the bench.")
    assert {"cox", "rower", "bodyboarder", "broadsheet", "bench"} <= set(got)


def test_a_named_owner_opens_the_phrase_without_an_article():
    p = plan(
        "Grandma Rose's kettle whistles on the stove while Ben's cousin, a freckled boy in a cap, waves."
    )
    assert prompt_of(p, "kettle").startswith("Grandma Rose's kettle")
    assert prompt_of(p, "cousin").startswith("Ben's freckled cousin in a cap")


def test_a_temperament_word_before_a_group_describes_its_members():
    p = plan("A restless flock of sheep waits by the gate.")
    assert "restless flock of sheep" in prompt_of(p, "sheep")
    p = plan("A restless flock of three sheep waits by the gate.")
    assert [r.prompt for r in p.regions if r.label == "sheep"] == ["a restless sheep"] * 3


def test_a_pronoun_with_a_contracted_verb_is_the_one_named_before():
    p = plan("A potter sits at her wheel by the door. She's wearing a clay-stained apron and a headscarf.")
    assert "headscarf" in prompt_of(p, "potter") and "apron" in prompt_of(p, "potter")


def test_a_stuff_word_after_its_is_the_owners_part_in_an_absolute_phrase():
    p = plan("A sheepdog naps under the cart, its fur matted with burrs.")
    assert "its fur matted with burrs" in prompt_of(p, "sheepdog")


def test_an_appositive_with_an_unlisted_word_describes_the_thing_before():
    reading = reading_of(
        "His car, a dented blue Trabant, is parked by a lamppost. Her bike, a rusty old BMX, leans on it."
    )
    assert [t.head for t in reading.things] == ["car", "lamppost", "bike"]
    car, _, bike = reading.things
    assert {"dented", "blue"} <= set(car.attributes)
    assert {"rusty", "old"} <= set(bike.attributes)
    reading = reading_of("A boy, a hat and a zorbonk lie in the grass.")
    assert "zorbonk" not in " ".join(t.phrase for t in reading.things[:2])


def test_an_unlisted_british_spelling_is_read_as_its_american_form():
    got = labels("An old harbourmaster waves from the quay beside a sabretooth skeleton in a glass case.")
    assert "old harbourmaster" in got
    assert entry("harbourmaster").kind is ThingKind.PERSON
    assert entry("tour") is None and entry("flour") is None and entry("hour") is None


def test_a_group_of_irregular_plurals_takes_a_verb_in_s():
    got = labels("A flock of geese flies over the barn while a gaggle of children runs to the gate.")
    assert "goose" in got and "child" in got and "geese fly" not in got
    got = labels("A lazy pack of dogs sleeps by the gate, and a noisy crowd of fans waves from a bus.")
    assert {"dog", "fan", "gate", "bus"} <= set(got) and "lazy pack" not in got and "noisy crowd" not in got
    assert "raised bed" in labels("A gardener kneels by a raised bed of carrots.")  # a thing of its own


def test_neighbours_playground_frames_and_coast_forms_are_things():
    got = labels("Two children play on a climbing frame while their neighbour waves from a bench.")
    assert got == ["child", "child", "climbing frame", "neighbour", "bench"]
    got = labels("A heron stands on a small islet, and a lighthouse stands on the rocky headland.")
    assert got == ["heron", "small islet", "lighthouse", "rocky headland"]
    assert entry("lagoon").kind == ThingKind.SCENE and entry("jungle gym").kind == ThingKind.FURNITURE


def test_a_plural_container_after_its_contents_is_a_thing_not_a_verb():
    # "jars", "cans" are verbs only with an object; before a preposition they are containers
    got = labels("workshop shelf, paint cans by the door, spice jars on a windowsill, a cat asleep")
    assert {"paint can", "spice jar"} <= set(got), got
    assert "cat" in got
    # someone before the word may still do it: the dog bowls along, no bowl is drawn
    assert labels("A grey dog bowls along the path past a bench.") == ["grey dog", "bench"]


def test_an_appositive_after_an_indefinite_one_opening_its_clause_says_who_that_one_is():
    """'A dog, a shaggy brown terrier with a red collar, sleeps': 'a <one>' between commas after
    'a <one>' that opens its clause, with the verb after the closing comma, is that same one; a list
    with an 'and' before its verb is several."""
    dog = plan("A dog, a shaggy brown terrier with a red collar, sleeps under the bench.")
    assert len(dog.regions) == 2 and "red collar" in prompt_of(dog, "brown dog")
    baker = plan("A woman, a tall baker in a striped apron, kneads dough at a table.")
    assert "striped apron" in prompt_of(baker, "tall woman")
    assert not any("baker" in label for label in labels_of(baker))
    assert labels("On the lawn, a dog, a cat and a rabbit sit in a row.") == ["dog", "cat", "rabbit"]


def test_several_parts_of_one_named_owner_place_on_the_owner_and_get_no_region():
    got = labels("Two sparrows hop along the low branches of an old apple tree.")
    assert "old apple tree" in got and "low branch" not in got and "branch" not in got
    got = labels("A kitten naps between the legs of a wooden stool.")
    assert "wooden stool" in got and "leg" not in got


def test_a_caravan_is_a_vehicle_and_a_caravan_of_animals_is_their_group():
    assert "caravan" in labels("A fox sleeps on the roof of a painted caravan.")
    got = labels("A caravan of camels crosses the dunes at dusk.")
    assert "camel" in got and "caravan" not in got


def test_dough_is_a_food_thing():
    got = labels("A lump of pizza dough rests beside a wooden rolling pin.")
    assert "pizza dough" in got and "wooden rolling pin" in got and "lump" not in got


def test_the_paper_a_picture_is_drawn_or_printed_on_is_no_thing():
    assert labels("Charcoal sketch on rough paper: an old fisherman sits on a crate.") == [
        "old fisherman",
        "crate",
    ]
    assert labels("A heron stands in the reeds. Woodcut texture, muted inks, yellowed paper.") == [
        "heron",
        "reed",
    ]
    assert "paper" in labels(
        "A kitten plays on crumpled paper, a lamp glows beside it."
    )  # a thing in the scene


def test_common_people_plants_and_utensils_named_in_casual_prose_are_things():
    got = labels("Two concertgoers climb a narrow stairway past a potted monstera; a spork lies on a step.")
    assert {"concertgoer", "narrow stairway", "monstera", "spork"} <= set(got)


def test_glasses_after_a_drink_or_flower_are_drinking_glasses():
    """'beer glasses', 'tulip glasses': a food, drink or flower before 'glasses' makes them glasses
    one drinks from (one region, label 'glass'); 'reading glasses' stay spectacles, worn."""
    got = plan("Three beer glasses and a decanter stand on a silver tray in the pantry.")
    glass = next(r for r in got.regions if r.label.endswith("glass"))
    assert glass.label in {"glass", "beer glass"} and "glasses" not in [r.label for r in got.regions]
    assert labels("Two tulip glasses stand beside a candle.")[0].endswith("glass")
    worn = plan("An old librarian in reading glasses stamps a book.")
    assert "glasses" not in [r.label for r in worn.regions]
    assert "reading glasses" in prompt_of(worn, "old librarian")


def test_an_animal_named_by_an_unlisted_breed_in_an_aside_keeps_its_verb():
    """'a goat, a shaggy Angora, bleats': the aside names a kind the vocabulary does not list, so
    the word in -s after it is the goat's verb, not another thing ('crows', 'waves')."""
    got = labels("On the hill a rooster, a speckled Dorking, crows from the top of a barn.")
    assert got == ["rooster", "barn"]


def test_a_word_in_s_before_a_compound_plural_object_is_the_verb():
    """'a street cook fries pork buns at a stall': the object may be a noun and a plural ('pork
    buns'); the word in -s after 'a' and someone is still the verb, and the cook keeps a region."""
    got = labels("A street cook fries pork buns at a busy stall.")
    assert got[0] == "street cook" and "stall" in got[-1]


def test_a_second_verb_after_an_object_with_an_of_phrase_is_not_the_objects():
    got = plan("A monkey perches on a crate of mangoes and peels a banana.")
    assert "peel" not in prompt_of(got, "crate") and "peel" not in " ".join(labels_of(got))
    assert "mango" in prompt_of(got, "crate")
    assert "peeling a banana" in prompt_of(got, "monkey")


def test_a_container_holds_no_single_thing_much_bigger_than_itself():
    """'a paper cone of chestnuts' is the cone, with the chestnuts in its prompt; 'the cone of a
    volcano' is the volcano's shape, and the volcano keeps its own region. A stuff may be any
    size ('a bucket of seawater' stays one bucket)."""
    got = plan("A paper cone of chestnuts lies on a bench.")
    assert "chestnut" in prompt_of(got, "paper cone") and "chestnut" not in " ".join(labels_of(got))
    assert "volcano" in labels("Beyond the gulls, the cone of a volcano rises.")
    assert labels("A bucket of seawater stands on a bench.") == ["bucket", "bench"]


def test_a_palette_of_two_tones_joined_by_and_is_the_look_not_a_thing():
    """Colour words that are also materials ('bronze', 'slate') name tones before 'palette'."""
    assert labels("A heron wades through reeds. Copper and slate palette, soft haze.") == ["heron", "reed"]
    assert labels("A tram crosses a bridge. Gritty, bronze and olive palette, film grain.") == [
        "tram",
        "bridge",
    ]


def test_halftone_among_style_tags_is_the_print_look_not_a_thing():
    assert labels("A robot waters a cactus. Halftone dots, bold outlines.") == ["robot", "cactus"]


def test_a_mail_carrier_is_a_person_who_wears_what_follows_in():
    p = plan("A mail carrier in a grey uniform waves at a dog beside a gate.")
    assert labels_of(p) == ["mail carrier", "dog", "gate"]
    assert "uniform" in p.regions[0].prompt.lower()


def test_a_described_material_after_in_or_of_is_what_the_thing_is_made_of():
    """'canvas' names a thing of its own ('a blank canvas'), but bare and described after 'in' or
    'of' it is the material of the thing just named."""
    p = plan("A deck chair in faded canvas stands beside a tent of green canvas on a lawn.")
    assert labels_of(p) == ["deck chair", "tent"]
    assert "canvas" in p.regions[0].prompt.lower()
    assert labels("A painter stands at an easel with a blank canvas.") == ["painter", "easel", "canvas"]


def test_quoted_words_name_no_thing_and_stay_with_what_they_are_written_on():
    """A sign's text, a title or speech is one quotation: none of its words gets a region, and the
    words stay as written in the prompt of the thing that shows or says them."""
    p = plan(
        'A tin sign reading "HOT SOUP AND BREAD" hangs above a cart, and a cook shouts, '
        "'Last bowl, mister!' A paperback titled 'The Lighthouse Baker' lies on a stool."
    )
    assert [r.label for r in p.regions] == ["tin sign", "cart", "cook", "paperback", "stool"]
    assert '"HOT SOUP AND BREAD"' in prompt_of(p, "tin sign")
    assert "'The Lighthouse Baker'" in prompt_of(p, "paperback")


def test_a_quotation_that_ends_its_sentence_ends_it():
    """'... stammers, "It moved." On the left, ...': the place of the next sentence is not the
    speaker's."""
    reading = reading_of('A clerk stammers, "It moved." On the left a goat chews a rope.')
    assert [t.label for t in reading.things] == ["clerk", "goat"]
    assert reading.things[0].place is None and reading.things[1].place is not None


def test_a_place_right_after_quoted_words_says_where_the_words_are():
    """'squawking "MORE TEA!" in a speech bubble': the bird is not in the bubble."""
    reading = reading_of("A macaw sits on a branch, squawking 'FEED ME!' in a jagged speech bubble.")
    assert [(r.kind.value, r.subject, r.objects) for r in reading.relations] == [("on", 0, (1,))]


def test_what_the_picture_is_made_for_is_not_in_it():
    """'cover art for a jazz record', 'an ad for a lemon soda': the record and the soda the picture
    is for are not drawn; what it shows is."""
    assert labels("Cover art for a jazz record: a saxophonist plays under a streetlamp.") == [
        "saxophonist",
        "streetlamp",
    ]
    assert labels("A magazine ad for a lemon soda, a surfer on a longboard.") == ["surfer", "longboard"]


def test_a_size_word_in_a_things_name_does_not_make_it_bigger():
    """'great' in 'a Great Dane' and 'giant' in 'a giant clam' name the breed or species, whose
    size the vocabulary already gives; a size word said of it besides still counts."""
    reading = reading_of("A Great Dane naps by a giant clam, and a huge Great Dane guards the gate.")
    size = {t.label: t.size for t in reading.things}
    assert size["great dane"] is entry("great dane").size
    assert size["huge great dane"] > size["great dane"]
    assert size["giant clam"] is entry("giant clam").size


def test_a_bare_verb_after_a_plural_runs_into_how_it_is_done():
    """'sleep' after 'two dogs' and before a past participle or an adverb in -ly is the dogs'
    verb: a noun runs into neither, so 'dogs sleep' is no compound thing."""
    from planner.rules_tokens import Tag, tokenize

    for text in ("Two dogs sleep curled beside the stove.", "Three cats nap quietly on a rug."):
        tags = [t.tag for t in tokenize(text)]
        assert tags[2] is Tag.VERB, text
    assert labels("Two dogs sleep curled beside the stove.") == ["dog", "dog", "stove"]


def test_a_person_named_by_a_tie_between_commas_after_an_opening_person_is_that_person():
    p = plan("A girl, the baker's niece, sits on a crate and peels an orange.")
    got = [r.label for r in p.regions]
    assert "girl" in got and "niece" not in got and "baker's niece" in prompt_of(p, "girl")
    got = labels("A girl, a boy and their aunt sit on a crate.")
    assert {"girl", "boy", "aunt"} <= set(got)


def test_an_unlisted_word_between_commas_after_an_opening_animal_says_what_it_is():
    p = plan("A donkey, a patient old jenny with a blue saddle blanket, waits by the well.")
    got = [r.label for r in p.regions]
    assert not any("jenny" in label for label in got)
    assert "blue saddle blanket" in prompt_of(p, "donkey")


def test_a_pronoun_skips_one_told_the_other_sex_by_an_earlier_her_or_his():
    p = plan(
        "An old shepherd sits on a stump beside her hut, spinning wool. "
        "Her ram grazes nearby while she works; he wears a copper bell."
    )
    assert "copper bell" in prompt_of(p, "ram")
    assert "copper bell" not in prompt_of(p, "old shepherd")


def test_his_goes_to_the_animal_of_the_sentence_already_called_his():
    p = plan(
        "A small boy flies a kite. Up the lane, an old fox waits outside his den, "
        "and his spectacles glint in the sun."
    )
    assert "spectacles" in prompt_of(p, "old fox")
    assert "spectacles" not in prompt_of(p, "small boy")


def test_an_animal_leaning_on_a_cane_holds_it():
    p = plan("In the meadow, an old tortoise leans on a crooked cane beside a fence post.")
    assert "crooked cane" in prompt_of(p, "old tortoise")
    assert not any(r.label.endswith("cane") for r in p.regions)
    assert any(r.label.endswith("fence post") for r in p.regions)


def test_tools_named_like_agent_nouns_are_objects_not_people():
    """An '-er' word naming a tool or appliance ('a paint scraper', 'a mower') is a thing of that
    kind, not a person the agent-noun guess would make of it; one naming a worker stays a person."""
    for word in ("scraper", "roller", "mower", "sprayer", "plunger", "trimmer", "rafter"):
        found = entry(word)
        assert found is not None and found.kind is not ThingKind.PERSON, word
    assert entry("gardener").kind is ThingKind.PERSON
    assert labels("a gardener leans on a rusty mower beside a shed, a scraper on the grass") == [
        "gardener",
        "rusty mower",
        "shed",
        "scraper",
    ]


def test_instruments_house_plants_and_banks_of_water_are_things():
    """Families of everyday concrete nouns: a gauge or recording instrument, a house plant, a bank
    or hollow of a road or river are each drawn when a prompt places them."""
    assert labels("a seismograph sits on a steel desk beside a potted bromeliad") == [
        "seismograph",
        "steel desk",
        "bromeliad",
    ]
    assert labels("a heron stands on a mudbank while a robot rolls past a pothole") == [
        "heron",
        "mudbank",
        "robot",
        "pothole",
    ]


def test_a_noun_and_verb_word_after_one_singular_noun_heads_its_compound():
    # one thing takes no bare verb: 'stand', 'cart', 'can' end the compound, not start a clause
    assert "concession stand" in labels("A neon concession stand hums near the gate of a cinema.")
    assert labels("A librarian pushes a squeaky book cart down the aisle.") == ["librarian", "cart"]
    assert "trash can" in labels("A tipped-over trash can spilling peels onto the pavement.")
    got = labels("She watches a man stand at the door of a barn.")
    assert "man" in got and "man stand" not in got  # a bare verb after 'watches' and its object


def test_a_noun_and_verb_word_before_a_singular_is_or_a_participle_heads_its_compound():
    # 'has' and 'draped with' agree only with one thing, even inside a 'with' phrase
    assert "hot dog stand" in labels("A hot dog stand has a queue of hungry fans.")
    got = labels("A hallway with an oak hat stand draped with a wool scarf.")
    assert "oak hat stand" in got and "oak hat" not in got
    got = labels("Two boys with a dog sit slumped against the wall.")
    assert "dog sit" not in got  # a plural owner of the 'with' phrase: the bare verb is theirs


def test_a_bare_verb_after_a_group_of_creatures_or_a_plural_and_an_adverb_is_their_act():
    got = labels("A pair of goldfish glint beneath the lily pads.")
    assert "goldfish" in got and "goldfish glint" not in got
    got = labels("Three reindeer huddle together near a wooden sled.")
    assert "reindeer" in got and "reindeer huddle" not in got
    got = labels("Mira and her grandfather walk home through the snowy orchard.")
    assert "grandfather" in got and "walk home" not in got
    got = labels("A woman on a bench watches a toddler tug at a rope.")
    assert "toddler" in got and "toddler tug" not in got


def test_a_thing_set_at_someones_feet_is_a_thing_of_its_own():
    """'at his feet' puts a thing on the ground beside its owner, whatever linked it to them: an
    aside, a 'with', a list of tags or a vessel they fill."""
    p = plan("A shepherd dozes under an oak, a crook in his hand and a canvas sack of apples at his feet.")
    assert "canvas sack" in labels_of(p) and "sack" not in prompt_of(p, "shepherd")
    p = plan("A gardener kneels by the roses, dropping weeds into a tin pail at her feet.")
    assert "tin pail" in labels_of(p)
    assert "toolbox" in labels("1girl, mechanic, overalls, dented toolbox at her feet, holding a wrench")
    p = plan("An old miner naps on a bench with a lantern at his feet.")
    assert "lantern" in labels_of(p) and "lantern" not in prompt_of(p, "old miner")


def test_a_carried_cage_with_a_creature_in_it_is_a_thing_of_its_own():
    p = plan("A girl walks to the fair carrying a wire cage with a rabbit inside.")
    assert labels_of(p)[:1] == ["girl"] and {"wire cage", "rabbit"} <= set(labels_of(p))
    p = plan("A woman carries a basket with a loaf of bread.")
    assert "basket" in prompt_of(p, "woman") and "basket" not in labels_of(p)  # what it holds is no creature


def test_a_vessel_something_is_put_into_is_set_down_not_held():
    p = plan("A cook sits on a stool shelling peas into an enamel bowl.")
    assert "enamel bowl" in labels_of(p)
    p = plan("A singer in a sequined dress croons into a silver microphone.")
    assert "silver microphone" in prompt_of(p, "singer") and "silver microphone" not in labels_of(p)


def test_a_big_toy_handed_over_is_a_thing_of_its_own():
    p = plan("A clown in baggy trousers hands a huge plush giraffe to a boy.")
    assert labels_of(p) == ["clown", "plush giraffe", "boy"]
    assert prompt_of(p, "plush giraffe") == "a huge plush giraffe"
    p = plan("A boy sits on the stairs hugging a cuddly tiger.")
    assert "cuddly tiger" in prompt_of(p, "boy")  # a toy of no stated size stays in hand


def test_a_possessed_thing_set_down_somewhere_is_a_thing_of_its_own():
    """'his hammer lies across the bench', 'her broom leans against the door', 'his hat on the
    ground': still theirs, but set apart from them; a thing in hand or on their body stays theirs."""
    p = plan("A carpenter naps in the shade, and his saw lies across the workbench.")
    assert {"carpenter", "saw", "workbench"} <= set(labels_of(p)) and "saw" not in prompt_of(p, "carpenter")
    p = plan("A fiddler plays by the fountain, his open case on the ground in front of him.")
    assert "open case" in labels_of(p)
    p = plan("A boy waits at the stop, his satchel on his shoulder.")
    assert labels_of(p) == ["boy"] and "satchel" in prompt_of(p, "boy")


def test_a_verb_whose_participle_is_its_bare_form_after_one_noun_is_that_nouns_participle():
    # 'cut', 'spread', 'run' after a singular noun and before a preposition: no compound noun
    got = labels("On a picnic blanket lies a melon cut in half beside a jug of lemonade.")
    assert "melon" in got and "melon cut" not in got
    got = labels("A sailor leans over a sea map spread across the chart table.")
    assert "map" in got and "map spread" not in got
    got = labels("A bakery stall run by an old baker stands by the fountain.")
    assert "bakery stall" in got and "old baker" in got
    assert "swing set" in labels("A swing set on the lawn behind a fence.")  # a listed compound


def test_a_verb_in_s_after_the_or_an_owner_and_one_person_is_that_ones_act():
    got = labels("Her nephew comes sprinting over the dunes toward a red kite.")
    assert "nephew" in got and "nephew comes" not in got
    got = labels("The ring bearer throws confetti at the couple.")
    assert "ring bearer" in got and "throw" not in " ".join(got)
    got = labels("A tent sags under the snow, its guy ropes stiff with frost.")
    assert "guy" not in got  # 'its' owns no person: 'guy ropes' is one thing
    got = labels("The dog treats sit in a glass jar on the counter.")
    assert "dog treat" in got  # a bare verb after the word in -s: it was a plural noun


def test_a_verb_lemminflect_knows_as_an_adjective_before_a_plural_object_is_the_plural_verb():
    p = plan("Three fishermen mend nets on the quay while two deckhands flip crates onto a truck.")
    assert "flipping crates" in prompt_of(p, "deckhand")  # the act, not an adjective 'flip'
    assert "crate" in [r.label for r in p.regions]


def test_a_bare_verb_after_a_fronted_place_and_before_a_count_is_the_inverted_verb():
    got = labels("On the barn gable perch three pigeons, and below them a farmer feeds hens.")
    assert "pigeon" in got and not any("perch" in label for label in got)
    got = labels("On the kitchen counter two cats sleep beside a bowl.")
    assert "kitchen counter" in got and "cat" in got


def test_an_adjective_that_ends_a_listed_compound_before_a_verb_is_its_head():
    got = labels("At the crossing, the traffic light blinks amber over a wet zebra crossing.")
    assert "traffic light" in got and not any("blink" in label for label in got)


def test_a_bounded_scene_given_a_spot_of_its_own_is_a_thing():
    """A pond or a village is the setting unless the prompt places it: after a labelled spot
    ('Top right: a small lake with ...') or with a place adverb of its own in a tag list ('koi pond
    below,') it is drawn where it is said, as a thing."""
    got = reading_of("Top right: a small lake with a red canoe. Center: a farmer leans on a gate.")
    lake = next(t for t in got.things if t.head == "lake")
    assert lake.place is not None and lake.place.horizontal == "right" and lake.place.vertical == "top"
    tags = [
        t.head
        for t in reading_of("1boy, red scarf, wooden footbridge, duck pond below, paper lantern").things
    ]
    assert "pond" in tags
    assert "meadow" not in [t.head for t in reading_of("A fox sits in the middle of a meadow.").things]


def test_a_coat_word_after_a_counted_group_of_animals_names_one_of_them():
    """'two ponies, one bay and one chestnut': each coat names a pony of that coat, not a nut or a
    bay of the sea; the coat is in that pony's label and prompt."""
    p = plan("Two ponies stand at the fence of a paddock, one bay and one chestnut, under a grey sky.")
    got = [r.label for r in p.regions]
    assert "chestnut pony" in got and not {"chestnut", "bay"} & set(got)
    assert "chestnut" in prompt_of(p, "chestnut pony")
    nuts = reading_of("A vendor sells roasted chestnuts beside two cart horses.")
    assert "chestnut" in [t.head for t in nuts.things]


def test_a_piece_of_the_airs_stuff_is_no_thing_but_a_container_of_it_is():
    """'a plume of smoke', 'sheets of rain', 'a shaft of sunlight': how the air looks, no region;
    'a jar of dust' is a jar, and what sends the smoke up keeps it in its prompt."""
    p = plan(
        "A shaft of sunlight falls on a stove where a kettle sends up a plume of steam. "
        "Sheets of rain run down the window, and a jar of dust sits on the sill."
    )
    got = [r.label for r in p.regions]
    assert {"kettle", "stove", "window", "jar"} <= set(got)
    assert not {"shaft", "plume", "sheet"} & set(got)
    assert "plume of steam" in prompt_of(p, "kettle")


def test_what_a_lifeless_thing_has_is_said_in_its_prompt():
    # "X has a Y": a feature of the house, not a region of its own; a thing "has" with a
    # participle after it ("has a bicycle leaning against it") stays a thing of its own
    prompt = "Up the lane, the old farmhouse has a green roof and a yellow door. A hen pecks at the gravel."
    assert labels(prompt) == ["old farmhouse", "hen"]
    assert "yellow door" in prompt_of(plan(prompt), "old farmhouse")
    assert "bicycle" in labels("A shed has a bicycle leaning against it. A cat naps on the roof.")


def test_an_ing_word_right_after_have_describes_what_is_had():
    """'a gate that has peeling blue paint': 'has peeling' is no verb group (not the man peeling
    paint), so 'peeling' describes the paint, and the paint is the gate's, not the one by it."""
    p = plan("A man waits beside a gate that has peeling blue paint.")
    assert "peeling blue paint" in prompt_of(p, "gate")
    assert "paint" not in prompt_of(p, "man")
    p = plan("A boy stands near a shop that has hanging paper lanterns.")
    assert "hanging paper lanterns" in prompt_of(p, "shop")


def test_a_thing_named_by_a_bare_verb_form_before_a_verb_in_s_is_the_subject():
    got = labels("A globe on a brass stand sits by the window, and a wooden stand holds three lanterns.")
    assert {"globe", "brass stand", "wooden stand", "window", "lantern"} <= set(got)
    assert labels("A tall man stands by a red door.") == ["tall man", "red door"]


def test_a_listed_compound_in_the_plural_before_a_bare_verb_is_the_subject():
    got = reading_of("Two music stands lean near the piano.").things
    assert [(t.label, t.count) for t in got] == [("music stand", 2), ("piano", 1)]
    assert [t.label for t in reading_of("A wedding cake stands on a table.").things] == [
        "wedding cake",
        "table",
    ]


def test_can_that_closes_a_noun_phrase_after_a_verb_form_is_a_thing():
    got = reading_of("A laptop, an energy drink can and a pile of books crowd the desk.").things
    assert "can" in [t.head for t in got]


def test_the_camera_that_something_faces_or_comes_close_to_is_the_viewer():
    assert labels("In the center, an old goat faces the camera beside a red gate.") == [
        "old goat",
        "red gate",
    ]
    assert labels("A tiny moth hovers close to the camera over a pond.") == ["tiny moth", "pond"]


def test_a_bone_is_a_thing_of_its_own():
    got = reading_of("A puppy naps beside a huge dinosaur bone on the sand.").things
    assert [t.label for t in got] == ["puppy", "huge dinosaur bone"]


def test_an_appositive_after_a_bare_title_says_who_that_one_is():
    p = plan("Grandpa, a stooped old man in a flat cap, is raking leaves by the shed.")
    got = [r.label for r in p.regions]
    assert "man" not in " ".join(got) and "flat cap" in next(
        r.prompt for r in p.regions if "grandpa" in r.label
    )
    p = plan("Auntie, a plump badger in a floral apron, carries a pie to the table.")
    got = [r.label for r in p.regions]
    assert not any("badger" in label for label in got)
    assert "floral apron" in next(r.prompt for r in p.regions if "auntie" in r.label)


def test_a_person_said_to_be_an_animal_in_a_tale_is_that_animal():
    p = plan("My uncle is a grumpy old otter in a knitted scarf, fishing from the jetty.")
    got = [r.label for r in p.regions]
    assert not any("otter" in label for label in got)
    assert "otter" in next(r.prompt for r in p.regions if "uncle" in r.label)


def test_a_pronoun_said_to_be_someone_is_the_one_it_stands_for():
    p = plan("Her nephew waits by the gate; he is a small mouse wearing a yellow raincoat.")
    got = [r.label for r in p.regions]
    assert not any("mouse" in label for label in got)
    assert "yellow raincoat" in next(r.prompt for r in p.regions if "nephew" in r.label)


def test_its_part_after_a_comma_is_the_subjects_not_a_fronted_places():
    p = plan("Over the barn a weathervane is spinning in the wind, its copper tail gleaming.")
    assert "copper tail" in next(r.prompt for r in p.regions if "weathervane" in r.label)
    assert "copper tail" not in prompt_of(p, "barn")


def test_one_thing_after_than_is_a_measure_not_a_thing():
    """'a pumpkin larger than a wheelbarrow': the wheelbarrow only measures the pumpkin; counted
    things after 'than' ('more than a dozen gulls') are still drawn."""
    assert labels("A pumpkin larger than a wheelbarrow sits in the field.") == ["pumpkin"]
    assert labels("A mouse sips from a teacup no bigger than a thimble.") == ["mouse", "teacup"]
    assert labels("More than a dozen gulls circle the boat.").count("gull") >= 2


def test_a_name_given_by_named_or_called_is_a_name_not_the_word_it_spells():
    """'a hedgehog named Pip sets out': 'Pip' is the hedgehog's name, not the verb 'pip', so 'sets
    out' is the hedgehog's doing, as after a name no list knows ('a goose named Rosie')."""
    p = plan("A small hedgehog named Pip sets out at dawn, and a goose named Pip waddles past a barn.")
    assert labels_of(p) == ["small hedgehog", "goose", "barn"]
    assert "setting out" in prompt_of(p, "small hedgehog")
    assert all("pipping" not in r.prompt for r in p.regions)


def test_a_coat_stand_and_a_soldering_iron_are_things():
    """'coat stand', 'hat stand', 'soldering iron' and 'steam iron' name furniture and tools: the
    compound is the thing, not a coat that stands nor an iron surface."""
    p = plan(
        "In the hall a tall coat stand draped with a shawl leans by the door, and a soldering iron lies on the bench."
    )
    assert {"tall coat stand", "soldering iron"} <= set(labels_of(p))
    assert "shawl" in prompt_of(p, "tall coat stand")


def test_a_word_in_s_after_an_aside_naming_the_same_kind_or_a_who_clause_is_the_verb():
    """'the old mill, a stone building with a creaking wheel, towers over the pond': the aside
    names the mill again (two buildings), so 'towers' is its verb; so after a 'who' clause ('a
    postman, who carries a sack, waves'), and before a bare object ('ladles batter into a tin')
    even when the aside holds a participle ('a scarf knotted under her chin')."""
    from planner.rules_tokens import Tag, tokenize

    mill = plan("The old mill, a stone building with a creaking wheel, towers over the village pond.")
    assert labels_of(mill) == ["old mill", "wheel", "village pond"]
    postman = {
        t.low: t.tag for t in tokenize("A postman, who carries a sack of letters, waves at the children.")
    }
    assert postman["waves"] is Tag.VERB
    baker = plan("The baker, a stout woman with a scarf knotted under her chin, ladles batter into a tin.")
    assert labels_of(baker) == ["baker", "tin"]
    assert "ladling batter" in prompt_of(baker, "baker")
    assert "bowl" in labels("A kitchen, a pot on the stove, bowls on the table.")  # a list of things


def test_a_word_in_s_after_someone_with_a_participle_before_and_a_place_after_is_the_verb():
    """'a bearded vendor in a straw hat scoops lemon sorbet into cups': 'bearded' describes the
    vendor, so the phrase opens with 'a' and names one, whose verb 'scoops' is, with its object of
    two nouns ('lemon sorbet') before the place."""
    p = plan("A bearded vendor in a straw hat scoops lemon sorbet into paper cups.")
    assert "scooping lemon sorbet" in prompt_of(p, "vendor")
    assert "scoop" not in labels_of(p)


def test_a_participle_after_be_and_a_verb_after_next_or_here_or_to_it_are_verbs():
    """'the table is set for six', 'a quilt is spread over the bed': after 'is' a participle that
    is also a noun is passive; 'Next comes a bookcase', 'here stands a piano': a word in -s after
    a word of order or place that opens the clause is the verb of the thing after it; 'about to
    fly it': a bare word between 'to' and an object pronoun is a verb."""
    from planner.rules_tokens import Tag, tokenize

    tags = {
        t.low: t.tag for t in tokenize("The long table is set for six, and a quilt is spread over the bed.")
    }
    assert tags["set"] is Tag.VERB and tags["spread"] is Tag.VERB
    tags = {t.low: t.tag for t in tokenize("Next comes a tall bookcase, and a dozen of the mugs are on it.")}
    assert tags["comes"] is Tag.VERB and tags["dozen"] is not Tag.VERB
    assert labels("Next comes a tall bookcase, and here stands an old piano.") == [
        "tall bookcase",
        "old piano",
    ]
    tags = {t.low: t.tag for t in tokenize("A girl holds a kite, about to fly it over the dunes.")}
    assert tags["fly"] is Tag.VERB  # before an object pronoun, which no noun takes


def test_a_reflexive_that_only_stresses_a_person_is_no_part_of_their_prompt():
    p = plan("A sunny orchard with auntie herself kneeling by a beehive and a goat chewing on a rope.")
    assert "herself" not in prompt_of(p, "auntie") and "kneeling" in prompt_of(p, "auntie")


def test_an_oxpecker_is_a_small_bird_even_after_an_inverted_is():
    assert entry("oxpecker").kind is ThingKind.ANIMAL and entry("oxpecker").size is Size.TINY
    reading = reading_of("A rhino dozes in the mud. Perched on its horn is an oxpecker.")
    assert [t.head for t in reading.things] == ["rhino", "oxpecker"]


def test_a_with_item_after_a_comma_set_on_another_thing_is_a_thing_of_its_own():
    """', with a teacup of mint tea on a low stool': one more item of the scene's list, set on the
    stool, not held by the cat before the comma nor said in the rug's prompt; one in a hand stays
    held."""
    p = plan("A tabby cat dozes on the rug, with a teacup of mint tea on a low stool.")
    assert labels_of(p) == ["tabby cat", "rug", "teacup", "low stool"]
    assert "mint tea" in prompt_of(p, "teacup")
    assert "teacup" not in prompt_of(p, "tabby cat") + prompt_of(p, "rug")
    assert labels("A girl reads on the sofa, with a teacup in her hand.") == ["girl", "sofa"]
    p = plan("An old armchair, with a tartan rug folded over the armrest, stands by the fire.")
    assert "tartan rug" in prompt_of(p, "old armchair")  # on the armchair's own part


def test_each_with_item_of_a_comma_list_keeps_its_own_words():
    """', with a terrier curled at his feet, with a leather trunk with brass corners ..., with a
    lantern with a cracked glass on the right': each 'with' opens an item; what the item has is
    its own, and a leather trunk is the luggage, not the terrier's body part."""
    p = plan(
        "A fisherman mends a net on the pier, with a terrier curled at his feet, with a leather trunk"
        " with brass corners pushed against a post, with a lantern with a cracked glass on the right."
    )
    assert {"terrier", "leather trunk", "lantern"} <= set(labels_of(p))
    assert "brass corners" in prompt_of(p, "leather trunk")
    assert "cracked glass" in prompt_of(p, "lantern")
    assert "trunk" not in prompt_of(p, "terrier") and "terrier" not in prompt_of(p, "pier")


def test_an_aside_naming_a_building_of_the_same_kind_describes_the_one_before_its_verb():
    """'the old chapel, a squat stone building with a copper dome, watches over the fountain': the
    aside says what the chapel is like, so 'watches' is the chapel's verb, not a plural noun, and
    the aside's words are in the chapel's prompt, not a second building's."""
    p = plan(
        "Across the square, the old chapel, a squat stone building with a copper dome, watches over the fountain."
    )
    assert labels_of(p) == ["old chapel", "fountain"]
    assert "copper dome" in prompt_of(p, "old chapel")


def test_a_noun_form_right_before_him_or_them_is_a_verb():
    """'sits on the fence and watches them pass': no noun stands straight before 'him' or 'them',
    so 'watches' is the subject's verb, not a region of its own ('watch')."""
    assert labels("A tabby cat sits on the fence and watches them pass.") == ["tabby cat", "fence"]
    assert labels("A fisherman leans on the railing and watches them haul the nets aboard.") == [
        "fisherman",
        "railing",
        "net",
    ]


def test_a_counted_family_draws_each_member_under_the_member_word():
    """'a family of four hikers': four regions, each a hiker (a 'hiker family' label names the
    whole group); 'a family of hikers', uncounted, stays one group region."""
    got = labels("By the lake, a family of four hikers rests on a wooden bench.")
    assert got == ["hiker"] * 4 + ["wooden bench"]
    assert labels("By the lake, a family of hikers rests on a wooden bench.") == [
        "hiker family",
        "wooden bench",
    ]


def test_a_colour_glowed_before_next_to_is_no_noun():
    """'lanterns glowing orange next to a bench': 'orange' is the colour they glow, not the fruit
    heading a phrase 'paper lanterns glowing orange'."""
    got = plan("At the bottom, two paper lanterns glowing orange next to a bench.")
    assert [r.label for r in got.regions] == ["paper lantern", "paper lantern", "bench"]
    assert "glowing orange" in prompt_of(got, "paper lantern")


def test_a_bare_noun_its_verb_makes_a_duty_of_is_no_thing():
    """'keeps watch', 'drops anchor': the bare noun says what the subject does (words.tsv 'duty'),
    so no wristwatch or anchor region; 'a watch' with its article is the watch itself."""
    assert labels("A grey heron keeps watch over the pond.") == ["grey heron"]
    assert labels("A small trawler drops anchor near the pier.") == ["small trawler", "pier"]
    assert labels("A boy keeps watch. A gold watch lies on the table.") == ["boy", "gold watch", "table"]


def test_a_smattering_of_things_draws_the_things():
    """'a smattering of' (a words.tsv collective, as 'a sprinkling of'): the shells get the region
    and keep the words that say there are a few; 'scattering' is not listed, as 'a mirror ball
    scattering sparks' makes it a verb."""
    assert (
        prompt_of(plan("A smattering of shells lies on the wet sand."), "shell") == "a smattering of shells"
    )
    assert labels("Above them hangs a huge mirror ball scattering sparks of light.") == ["huge mirror ball"]


def test_an_asset_sheet_among_the_style_tags_is_the_picture():
    """'game asset sheet' is a kind of picture (words.tsv frame_noun, as 'sprite sheet'), not a
    bed sheet: among the style tags it gets no region."""
    got = labels("A knight stands by a well, game asset sheet, clean pastel palette.")
    assert got == ["knight", "well"]


def test_what_a_lifeless_things_relative_clause_holds_is_not_the_subjects():
    """'beside a workbench which holds brass gears': 'which' (or 'that') and the verb are about
    the workbench, which cannot hold them in hand, so the gears are no part of the clockmaker's
    prompt; 'which is loaded with' fills the cart as 'a cart loaded with' does; a figure ('a
    dummy, which wears a bow tie') and a person ('a man who holds') still hold and wear."""
    got = plan("An old clockmaker stands beside a workbench which holds brass gears.")
    assert "gear" not in prompt_of(got, "old clockmaker")
    assert "brass gear" in [r.label for r in got.regions]
    got = plan("A girl waits by a cart which is loaded with red apples.")
    assert "apples" not in prompt_of(got, "girl")
    assert "red apples" in prompt_of(got, "cart")
    got = plan("In the corner booth, a ventriloquist argues with a dummy, which wears a tiny bow tie.")
    assert "bow tie" in prompt_of(got, "dummy")
    assert "bow tie" not in prompt_of(got, "ventriloquist")
    got = plan("A boy stands beside a tall man that holds a lantern.")
    assert "lantern" in prompt_of(got, "tall man")


def test_own_after_a_possessive_stays_out_of_the_things_words():
    """'his own dummy': 'own' only stresses the owner, and the region's words start with an
    article, so the prompt says 'a dummy', never 'an own dummy'."""
    got = plan("A ventriloquist in a booth argues with his own dummy, which wears a tiny bow tie.")
    assert prompt_of(got, "dummy").startswith("a dummy")
    assert prompt_of(plan("A cyclist leans on her own red bicycle."), "red bicycle") == "a red bicycle"


def test_a_leash_after_an_animal_is_drawn_with_it():
    """'a dachshund on a leash': a tether (words.tsv) right after an animal and 'on' is what leads
    it, in the dog's prompt, not a support with a region of its own; a leash lying anywhere else
    is a thing."""
    got = plan("A small dachshund on a leash sniffs a flower pot near the door.")
    assert [r.label for r in got.regions] == ["small dachshund", "flower pot", "door"]
    assert "on a leash" in prompt_of(got, "small dachshund")
    assert labels("A cat sleeps on a leash coiled on the floor.") == ["cat", "leash"]


def test_lights_said_with_a_thing_are_its_lamps_not_the_pictures_light():
    """'a snowplow with amber warning lights': plural lights after a thing and 'with' are its own
    lamps, in its prompt only; 'with soft window light' stays the light of the whole picture."""
    got = plan("On the left, a snowplow with amber warning lights pushes a wall of snow to the guardrail.")
    assert "amber warning lights" in prompt_of(got, "snowplow")
    assert "lights" not in prompt_of(got, "guardrail")
    got = plan("A portrait of an old fisherman with soft window light, a lighthouse behind him.")
    assert "soft window light" in prompt_of(got, "lighthouse")


def test_a_hyphened_compound_after_matching_is_worn():
    """'in matching tie-dye shirts': 'matching' opens the worn thing's words when an unlisted
    hyphened compound follows it, as it does before a listed adjective ('in matching striped
    shirts'); the shirts are the twins', not a region of their own."""
    got = plan("Near the fence two boys in matching tie-dye shirts wave at a passing train.")
    assert sorted(r.label for r in got.regions) == ["boy", "boy", "fence", "train"]
    assert "matching tie-dye shirts" in prompt_of(got, "boy")


def test_what_one_of_a_group_does_is_in_the_groups_words():
    """'two hikers rest on a log, one of them unfolding a paper map': the -ing verb or participle
    after '<one> of them' tells what one of the latest group does, so it is said in the group's
    prompt, as after 'the latter', whatever the verb ('unfolding', 'wrapped in')."""
    got = plan("Two hikers rest on a mossy log by the lake, one of them unfolding a paper map.")
    assert "unfolding a paper map" in prompt_of(got, "hiker")
    assert "map" not in prompt_of(got, "log")
    got = plan("Three fishermen wait on the pier, one of them wrapped in a wool blanket.")
    assert "wrapped in a wool blanket" in prompt_of(got, "fisherman")


def test_an_unlisted_word_with_its_describing_words_after_a_thing_says_what_it_is_like():
    """'hangs a lantern, a rusty old thing with cracked glass': after a comma that follows one
    lifeless thing a verb puts before it, 'a' with describing words and a word no list knows as a
    thing, up to the end of the sentence, says what that thing is like: its words, no region."""
    got = plan("Beside the door hangs a lantern, a rusty old thing with cracked glass.")
    assert sorted(r.label for r in got.regions) == ["door", "lantern"]
    assert "rusty old" in prompt_of(got, "lantern") and "cracked glass" in prompt_of(got, "lantern")


def test_a_pet_named_after_its_word_keeps_the_word_and_its_appositive():
    """'our dog Rufus, a scruffy grey terrier,': a capitalised name right after a word for an
    animal says which one, as after a word for a person ('her grandson Theo'); the aside after
    'our' / 'my' and the animal says its kind, the same dog, not a second one."""
    got = plan("Our dog Rufus, a scruffy grey terrier, sleeps by the stove.")
    assert sorted(r.label for r in got.regions) == ["grey dog", "stove"]
    assert "scruffy grey terrier" in prompt_of(got, "grey dog")
    got = plan("Her cat Biscuit naps on a cushion.")
    assert sorted(r.label for r in got.regions) == ["cat", "cushion"]


def test_a_longcase_clock_is_a_tall_piece_of_furniture_not_a_small_wall_clock():
    things = {
        t.head: t
        for t in planner.reading.read_prompt("A longcase clock ticks beside a birdcage and a teapot.").things
    }
    assert things["clock"].size > things["birdcage"].size
    assert things["clock"].size > things["teapot"].size


def test_a_person_carried_on_another_persons_body_is_smaller_than_the_carrier():
    for prompt in (
        "At the parade an uncle carries his nephew on his shoulders.",
        "By the river a girl on her grandpa's back points at a heron.",
    ):
        things = {t.head: t for t in planner.reading.read_prompt(prompt).things}
        carried, carrier = ("nephew", "uncle") if "uncle" in things else ("girl", "grandpa")
        assert things[carried].size < things[carrier].size, prompt
    side_by_side = {t.head: t for t in planner.reading.read_prompt("A nun stands beside a tailor.").things}
    assert side_by_side["nun"].size == side_by_side["tailor"].size


def test_tyre_levers_and_a_tool_roll_are_the_small_things_of_a_repair_kit():
    reading = planner.reading.read_prompt(
        "On a bench lie a leather tool roll, a brass key, two tire levers and a road atlas."
    )
    things = {t.head: t for t in reading.things}
    assert things["lever"].label == "tire lever" and things["roll"].label.endswith("tool roll")
    assert things["atlas"].size > things["lever"].size
    assert things["roll"].size > things["key"].size
    assert "tire" not in {t.label for t in reading.things}


def test_digits_after_a_numbered_word_name_one_not_a_count():
    """'a green number 1 jersey', 'at platform 4': digits right after 'number' (or after a bare
    platform, gate, bay...) say which one, so they count nothing after them; the jersey is worn and
    'hisses' stays the train's verb, not four hisses."""
    got = plan("A goalkeeper in a green number 1 jersey leaps across the goal, and a ref watches.")
    assert [r.label for r in got.regions] == ["goalkeeper", "goal", "ref"]
    assert "number 1 jersey" in prompt_of(got, "goalkeeper")
    got = plan("A steam train at platform 4 hisses softly beside a porter.")
    assert [r.label for r in got.regions] == ["train", "platform", "porter"]
    assert "hisses" not in prompt_of(got, "platform")
    assert labels("A lighthouse keeper counts 4 gulls on the rail.").count("gull") == 4


def test_the_unlisted_someone_dressed_in_something_worn_is_a_thing():
    """'the jammer in a striped helmet': an unlisted word shaped like one for a person (an agent
    suffix) dressed in something worn is someone, with 'the' as with 'a'; 'the far end in a straw
    hat' is no one."""
    got = plan("On the right, the jammer in a striped helmet skates past a cone.")
    assert [r.label for r in got.regions] == ["jammer", "cone"]
    assert "striped helmet" in prompt_of(got, "jammer")
    got = plan("A grandma sits at the far end in a wide straw hat.")
    assert [r.label for r in got.regions] == ["grandma"]
    assert "crop top" in prompt_of(plan("A runner in a pink crop top waves."), "runner")


def test_a_word_that_is_noun_or_adjective_closing_a_phrase_is_its_head():
    """'a junior beach volleyball final.': a word that lemminflect knows only as a noun or an
    adjective, right after a noun and before the phrase ends, is the head (an adjective does not
    follow its noun there, nor before a preposition: 'a ferry terminal at dawn'), so no volleyball
    is drawn; 'gulls overhead,' keeps its gulls."""
    got = labels("The last point of a junior beach volleyball final. A setter in pink dives for the ball.")
    assert "beach volleyball" not in got and "ball" in got
    assert "gull" in labels("A trawler heads out, gulls overhead, a lighthouse behind it.")
    got = labels("Inside a quiet ferry terminal at dawn, a clerk dozes in a ticket kiosk.")
    assert "quiet ferry" not in got and "quiet ferry terminal" in got  # before a preposition too
    got = plan("Golden hour over a wide river delta, a heron stands in the reeds.")
    assert "river delta" in got.background_prompt and [r.label for r in got.regions] == ["heron", "reed"]


def test_a_pets_name_after_its_animal_word_says_which_and_its_aside_says_what_it_is():
    """'our dog Biscuit', 'my horse Comet': a capitalised name after a word for an animal says
    which one, as after a word for someone ('her grandson Theo'); it makes no compound with it
    ('dog biscuit' is a treat) and 'a fluffy spaniel' between commas after 'our dog' says what
    kind that dog is, the same one."""
    got = plan("By the stove, our cat Pudding, a fat ginger tabby, naps on a rug.")
    assert [r.label for r in got.regions] == ["stove", "ginger cat", "rug"]
    assert "tabby" in prompt_of(got, "ginger cat")
    got = labels("Our dog Biscuit, a fluffy golden spaniel, guards a plate of jam sandwiches.")
    assert "dog biscuit" not in got and len([g for g in got if g.endswith("dog")]) == 1
    assert "golden spaniel" not in got
