"""The rules planner's boxes show what the prompt states: things said to be next to each other are
side by side, a thing on another rests on it, a thing in another sits inside it, and a stated place
holds for a thing that is also related to another (the related thing follows it)."""

from __future__ import annotations

import pytest

import planner
from planner.plan import Plan

Box = tuple[float, float, float, float]


def plan(prompt: str) -> Plan:
    return planner.make_plan(prompt, planner="rules")


def box(p: Plan, label: str) -> Box:
    return next(r.box for r in p.regions if r.label == label)


def centre(b: Box) -> tuple[float, float]:
    return (b[0] + b[2]) / 2, (b[1] + b[3]) / 2


def side_by_side(a: Box, b: Box) -> bool:
    """A small gap at most, the same height band, and neither covering most of the other."""
    gap_x = max(0.0, max(a[0], b[0]) - min(a[2], b[2]))
    gap_y = max(0.0, max(a[1], b[1]) - min(a[3], b[3]))
    shared = max(0.0, min(a[2], b[2]) - max(a[0], b[0])) * max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    smaller = min((a[2] - a[0]) * (a[3] - a[1]), (b[2] - b[0]) * (b[3] - b[1]))
    return gap_x + gap_y <= 0.08 and min(a[3], b[3]) > max(a[1], b[1]) and shared <= 0.3 * smaller


def rests_on(a: Box, b: Box) -> bool:
    """a's bottom in the top half of b, and over it."""
    over = min(a[2], b[2]) - max(a[0], b[0])
    return b[1] - 0.05 <= a[3] <= (b[1] + b[3]) / 2 and over > 0


def inside(a: Box, b: Box) -> bool:
    x, y = centre(a)
    return b[0] <= x <= b[2] and b[1] <= y <= b[3]


def test_things_next_to_each_other_are_side_by_side_where_stated():
    p = plan(
        "An old gardener kneels next to a wheelbarrow on the left, and a robin perches on a fence on the right."
    )
    gardener, barrow = box(p, "old gardener"), box(p, "wheelbarrow")
    assert side_by_side(gardener, barrow), (gardener, barrow)
    assert centre(gardener)[0] < 0.42 and centre(barrow)[0] < 0.42


def test_a_thing_next_to_one_placed_in_the_centre_is_beside_it_not_inside_or_under_it():
    for prompt, a, b in [
        ("a fox sits in the center next to a rabbit", "fox", "rabbit"),
        ("A heron stands in the middle of a pond, next to a duck.", "heron", "duck"),
    ]:
        p = plan(prompt)
        assert side_by_side(box(p, a), box(p, b)), prompt


def test_a_thing_next_to_one_placed_high_or_low_shares_its_height():
    """'In the bottom left corner a lantern glows beside a dog': the dog, placed only by the lantern,
    is at the bottom too, side by side with it, not up in the middle of the picture."""
    p = plan(
        "In the bottom left corner a lantern glows beside a sleeping dog, and a tall pine tree"
        " stands on the right."
    )
    lantern, dog = box(p, "lantern"), box(p, "dog")
    assert centre(dog)[1] > 0.62, p.regions
    assert side_by_side(lantern, dog), (lantern, dog)


def test_things_next_to_one_in_the_middle_stay_a_row():
    """'In the middle a crate sits next to three watermelons': the watermelons share the crate's
    side, and stay a row level with it, not a column stacked from the top to the bottom."""
    p = plan(
        "On the left an old man weighs tomatoes on a brass scale. In the middle a wooden crate of"
        " oranges sits next to three green watermelons. On the right a young woman carries a basket."
    )
    melons = [r.box for r in p.regions if r.label.endswith("watermelon")]
    assert len(melons) == 3
    assert max(b[1] for b in melons) - min(b[1] for b in melons) < 0.05, melons
    assert all(b[1] > 0.2 for b in melons), melons


def test_a_thing_in_front_of_another_stays_on_its_support():
    p = plan(
        "A black radio stands on an oak table, and a small cactus in a clay pot stands behind the radio."
    )
    assert rests_on(box(p, "black radio"), box(p, "oak table"))
    assert centre(box(p, "clay pot"))[1] < centre(box(p, "black radio"))[1]


def test_what_a_placed_thing_is_in_follows_it():
    p = plan("On the left, an old man sits in a wooden booth, and a waiter with a tray stands on the right.")
    man, booth = box(p, "old man"), box(p, "wooden booth")
    assert inside(man, booth), (man, booth)
    assert centre(man)[0] < 0.42 and centre(booth)[0] < 0.42


def test_in_a_seat_is_on_it_and_inside_it():
    p = plan("A sailor naps in a hammock on the left, and a parrot sits on a crate on the right.")
    sailor, hammock = box(p, "sailor"), box(p, "hammock")
    assert rests_on(sailor, hammock) and inside(sailor, hammock), (sailor, hammock)


def test_two_things_side_by_side_in_the_centre_are_both_in_it():
    p = plan("In the center a boy sits beside a large dog, and a kite flies on the right.")
    boy, dog = box(p, "boy"), box(p, "large dog")
    assert side_by_side(boy, dog), (boy, dog)
    assert abs(centre(boy)[0] - 0.5) <= 0.15 and abs(centre(dog)[0] - 0.5) <= 0.15
    assert centre(box(p, "kite"))[0] > 0.6


def test_a_small_thing_beside_one_on_a_table_rests_on_the_table_too():
    p = plan("A small radio sits on a wooden desk, and a coffee mug stands to the right of the radio.")
    desk = box(p, "wooden desk")
    assert rests_on(box(p, "small radio"), desk) and rests_on(box(p, "coffee mug"), desk)
    assert centre(box(p, "coffee mug"))[0] > centre(box(p, "small radio"))[0]
    p = plan("A laptop rests on a long table, and a green apple lies next to the laptop.")
    assert rests_on(box(p, "green apple"), box(p, "long table"))


def test_a_thing_stated_at_the_bottom_of_a_still_life_keeps_its_place():
    p = plan(
        "Overhead photo of a marble table with a bowl of soup, a glass of wine and a folded napkin at the bottom."
    )
    assert centre(box(p, "napkin"))[1] > 0.6
    assert rests_on(box(p, "bowl"), box(p, "marble table"))


def test_a_thing_next_to_one_stated_in_a_corner_of_a_still_life_stays_beside_it():
    p = plan(
        "studio shot of a baking set laid out on a pine table, top-down flat lay: in the top right a "
        "folded linen towel, next to it a copper whisk, a glass bowl in the center, two spoons in the "
        "bottom left, a jar and a knife."
    )
    towel, whisk = box(p, "linen towel"), box(p, "copper whisk")
    gap = max(0.0, max(towel[0], whisk[0]) - min(towel[2], whisk[2]))
    gap += max(0.0, max(towel[1], whisk[1]) - min(towel[3], whisk[3]))
    assert gap < 0.15


def test_a_thing_on_a_smaller_one_still_stands_on_it():
    p = plan(
        "A silver rocket stands on a launch pad in the middle of the desert, and two moons hang in the sky."
    )
    assert rests_on(box(p, "silver rocket"), box(p, "launch pad"))
    assert abs(centre(box(p, "silver rocket"))[0] - 0.5) <= 0.15


def test_a_thing_moved_into_its_place_brings_what_is_next_to_it():
    from planner.rules_layout import Constraint, Group
    from planner.rules_repair import repair

    ducklings = [(0.04, 0.45, 0.12, 0.55), (0.14, 0.45, 0.22, 0.55), (0.25, 0.45, 0.33, 0.55)]
    mother = [(0.36, 0.4, 0.56, 0.6)]  # beside them, but not on the right as stated
    groups = [Group(count=3, horizontal="left"), Group(horizontal="right")]
    out = repair([ducklings, mother], groups, [Constraint("adjacent", 1, 0)], [])
    left = (out[0][0][0], out[0][0][1], out[0][-1][2], out[0][-1][3])
    assert centre(left)[0] < 0.42 and centre(out[1][0])[0] > 0.58
    assert side_by_side(left, out[1][0]), out


def test_a_place_borrowed_from_a_neighbour_gives_way_to_being_beside_it():
    from planner.rules_layout import Constraint, Group, Rider
    from planner.rules_repair import repair

    stump, badger = [(0.46, 0.47, 0.74, 0.64)], [(0.49, 0.39, 0.71, 0.51)]  # a badger on a stump
    basket, blanket = [(0.4, 0.09, 0.6, 0.29)], [(0.22, 0.47, 0.44, 0.65)]
    groups = [
        Group(horizontal="center"),
        Group(horizontal="center"),
        Group(horizontal="center", borrowed=True),  # only said to be beside the stump
        Group(),
    ]
    boxes = repair(
        [stump, badger, basket, blanket], groups, [Constraint("adjacent", 2, 0)], [Rider(1, 0, "on")]
    )
    assert side_by_side(boxes[2][0], boxes[0][0]), boxes
    assert boxes[0] == stump and boxes[1] == badger  # what is where the prompt says stays


def test_a_thing_above_one_at_the_top_is_given_the_top():
    from planner.rules import reading_of
    from planner.rules_budget import budget
    from planner.rules_constraints import layout_input

    reading = reading_of(
        "On the left a potter works beside a kiln, in the background a stone mill stands, "
        "and a tall water tower rises above the mill."
    )
    kept = budget(reading, 24)
    groups, _, _ = layout_input(reading, kept)
    tower = next(g for k, g in zip(kept, groups, strict=True) if reading.things[k.thing].head == "tower")
    assert tower.vertical == "top", tower


def overlapping(a: Box, b: Box) -> bool:
    return min(a[2], b[2]) > max(a[0], b[0]) and min(a[3], b[3]) > max(a[1], b[1])


def area(b: Box) -> float:
    return (b[2] - b[0]) * (b[3] - b[1])


def test_a_thing_in_front_of_another_on_a_table_is_lower_and_overlaps_it():
    p = plan(
        "A still life of a marble table. A green vase stands on the left, a brass kettle on the right, "
        "and in front of the vase lies a folded napkin."
    )
    table, vase, napkin = box(p, "marble table"), box(p, "green vase"), box(p, "napkin")
    assert rests_on(vase, table) and rests_on(napkin, table), (vase, napkin, table)
    assert centre(napkin)[1] > centre(vase)[1] + 0.03, (napkin, vase)
    assert overlapping(napkin, vase), (napkin, vase)


def test_a_thing_hung_on_the_wall_is_high_and_off_the_table():
    p = plan(open_example("kitchen-table"))
    bread, bowl, table = box(p, "loaf"), box(p, "blue bowl"), box(p, "kitchen table")
    assert centre(bread)[1] > centre(bowl)[1] and overlapping(bread, bowl), (bread, bowl)
    assert rests_on(bread, table) and rests_on(bowl, table)
    pot, jug = box(p, "copper pot"), box(p, "glass jug")
    assert centre(pot)[1] < 0.35 and pot[3] <= table[1], (pot, table)
    assert centre(pot)[1] < centre(jug)[1] and pot[0] < centre(jug)[0] < pot[2], (pot, jug)


def open_example(name: str) -> str:
    from pathlib import Path

    return (Path(__file__).parents[1] / "examples" / name / "prompt.txt").read_text(encoding="utf-8")


def test_a_support_in_a_crowded_picture_keeps_room_for_what_rests_on_it():
    p = plan(
        "A kitchen scene: a cake, a teapot, three cups and a vase of tulips stand on a round table. "
        "A cat sits on a chair, a clock hangs on the wall, a girl washes dishes at the sink on the right, "
        "a dog begs beside her, and a cuckoo clock hangs above the door."
    )
    table = box(p, "round table")
    assert area(table) >= 0.06, table  # two cells of the crowded grid, not one
    for label in ("cup", "vase"):
        assert rests_on(box(p, label), table), (label, box(p, label), table)


def test_what_sits_in_a_container_is_smaller_than_it_even_of_the_same_usual_size():
    p = plan(
        "From left to right: a stone urn on a pedestal, a huge mirror, a porter napping on a bench, "
        "and a glass display case containing a silver crown."
    )
    case, helmet = box(p, "glass display case"), box(p, "silver crown")
    assert inside(helmet, case), (helmet, case)
    area = lambda b: (b[2] - b[0]) * (b[3] - b[1])  # noqa: E731
    assert area(helmet) < 0.9 * area(case), (helmet, case)


def test_a_vehicle_is_drawn_bigger_than_a_thing_of_the_same_size_class():
    p = plan(
        "On a quiet street, a delivery van is parked on the left, and a vending machine glows on the right."
    )
    area = lambda b: (b[2] - b[0]) * (b[3] - b[1])  # noqa: E731
    assert area(box(p, "delivery van")) > area(box(p, "vending machine")), p.regions


def test_a_toy_is_smaller_than_the_real_thing():
    p = plan("A toy sailboat lies on the rug beside a tall wardrobe.")
    area = lambda b: (b[2] - b[0]) * (b[3] - b[1])  # noqa: E731
    assert area(box(p, "toy sailboat")) < area(box(p, "tall wardrobe")), p.regions


def test_a_plant_named_by_a_smaller_plant_has_that_plants_size():
    area = lambda b: (b[2] - b[0]) * (b[3] - b[1])  # noqa: E731
    p = plan("A bonsai tree sits on the left and a tall bookcase stands on the right.")
    assert area(box(p, "bonsai tree")) < area(box(p, "tall bookcase")), p.regions
    p = plan("A cherry blossom tree grows on the left and a red fox sits on the right.")
    assert area(box(p, "cherry blossom tree")) > area(box(p, "red fox")), p.regions  # blossoms grow on it


def test_a_piece_of_a_big_thing_is_the_pieces_size():
    """'A sprig of X', 'a slice of X': the region is the piece, not the whole tree or cake."""
    area = lambda b: (b[2] - b[0]) * (b[3] - b[1])  # noqa: E731
    p = plan("A sprig of pine rests on the table at the left, and a tin mug stands on the right.")
    assert area(box(p, "sprig")) < area(box(p, "tin mug")), p.regions
    p = plan("On the left, a slice of apple pie on a saucer; on the right, a brass teapot.")
    assert area(box(p, "apple pie")) < area(box(p, "brass teapot")), p.regions


def test_a_hyphenated_compound_is_the_listed_compound():
    """'A hot-air balloon' is the hot air balloon of the list (big), not a party balloon."""
    area = lambda b: (b[2] - b[0]) * (b[3] - b[1])  # noqa: E731
    p = plan("A hot-air balloon rises on the left, and a brown goat grazes on the right.")
    assert area(box(p, "hot air balloon")) > area(box(p, "brown goat")), p.regions


def test_small_tools_named_by_words_that_are_also_verbs_are_small():
    """'Reel', 'tamper' are verbs too (WordNet's list leaves them out): listed, they are small."""
    area = lambda b: (b[2] - b[0]) * (b[3] - b[1])  # noqa: E731
    p = plan("A fishing reel sits on the left, and a canvas backpack leans on the right.")
    assert area(box(p, "reel")) < area(box(p, "canvas backpack")), p.regions
    p = plan("A steel tamper lies on the left, and a ceramic teapot stands on the right.")
    assert area(box(p, "steel tamper")) < area(box(p, "ceramic teapot")), p.regions


def test_someone_sunk_into_a_seat_leaves_the_seat_and_the_room_their_size():
    """A person in a bed or an armchair is drawn half inside it: that box neither shrinks the
    armchair under the person nor makes every other thing of the crowded room a speck."""
    p = plan(
        "A cramped ship cabin at dusk, painterly. On the left, a sick sailor lies in a narrow bunk under"
        " a wool blanket. A brass lantern hangs beside the bunk. On the right, a cook stirs a pot on a"
        " small iron stove. A cabin boy has dozed off in a leather armchair near the porthole, a map on"
        " his knees. A wooden crate holds a coil of rope and a bottle of rum. A gray cat sleeps by the crate."
    )
    boy, armchair = box(p, "cabin boy"), box(p, "leather armchair")
    assert inside(boy, armchair), (boy, armchair)
    assert area(armchair) > 0.02 and area(box(p, "iron stove")) > 0.02 and area(box(p, "wooden crate")) > 0.02


def test_a_tall_person_is_drawn_taller_not_bigger():
    """'tall' and 'short' stretch a person's height: a tall woman is still a person (no wider than
    the man beside her, smaller than a bus); a tall lamp stays a bigger thing."""
    prompt = (
        "At a rainy bus stop, a tall woman with an umbrella waits on the left next to a short man in a"
        " raincoat, while a red double-decker bus pulls in on the right."
    )
    sizes = {t.head: t.size for t in planner.reading.read_prompt(prompt).things}
    assert sizes["woman"] == sizes["man"] < sizes["bus"]
    p = plan(prompt)
    woman, man = box(p, "tall woman"), box(p, "short man")
    assert woman[3] - woman[1] > man[3] - man[1] and woman[2] - woman[0] <= man[2] - man[0], (woman, man)
    tower = planner.reading.read_prompt("A tall lamp stands in a corner.").things[0]
    assert tower.size > planner.reading.read_prompt("A lamp stands in a corner.").things[0].size


def test_a_label_may_name_a_band_of_the_picture():
    """'Upper row: ...', 'Lower tier: ...': the word before the colon names a band of the picture,
    so what follows is placed there and the band's name is no thing."""
    prompt = (
        "A bakery window display, straight-on. Upper row: three glazed donuts and a cherry pie."
        " Lower tier: a wicker basket of baguettes and a chocolate cake on a glass stand."
    )
    p = plan(prompt)
    assert centre(box(p, "donut"))[1] < 0.42 and centre(box(p, "cherry pie"))[1] < 0.42
    assert centre(box(p, "wicker basket"))[1] > 0.58
    assert not any(r.label in {"row", "tier"} for r in p.regions)


def test_a_ride_or_a_monastery_is_bigger_than_a_person():
    """Big named things ('a roller coaster', 'a Ferris wheel', 'a monastery') are huge, not the tiny
    drink coaster or the wheel of a cart: they get bigger boxes than a person beside them."""
    p = plan(
        "At a seaside fair, a wooden roller coaster climbs on the left, a Ferris wheel turns on the"
        " right, and a girl with a kite walks in the middle. On a far hill stands a monastery, and a"
        " monk waits beside it."
    )
    girl = area(box(p, "girl"))
    assert area(box(p, "wooden roller coaster")) > girl and area(box(p, "ferris wheel")) > girl
    assert area(box(p, "monastery")) > area(box(p, "monk"))


def test_a_wide_thing_is_no_smaller_than_a_roundish_one_of_its_size_class():
    p = plan("A striped surfboard and a leather suitcase lie on a sandy beach.")
    board, case = box(p, "striped surfboard"), box(p, "leather suitcase")
    assert area(board) >= 0.9 * area(case), (board, case)


def test_a_thing_held_in_a_hand_is_smaller_than_a_desk_thing_of_its_size_class():
    p = plan("A black keyboard next to a white mug on an office desk.")
    keyboard, mug = box(p, "black keyboard"), box(p, "white mug")
    assert area(keyboard) > area(mug), (keyboard, mug)


def test_a_child_or_a_bird_on_one_person_rests_on_that_person():
    p = plan(
        "A painting of a park. A little boy rides on his father's shoulders. A dog runs on the grass to the left."
    )
    assert rests_on(box(p, "little boy"), box(p, "father")), (box(p, "little boy"), box(p, "father"))
    p = plan("A sketch of a quay. A grey owl sits on the old sailor's shoulder. A crate waits on the right.")
    owl, sailor = next(r.box for r in p.regions if r.label.endswith("owl")), box(p, "old sailor")
    assert rests_on(owl, sailor), (owl, sailor)


def test_a_lone_big_thing_on_a_narrow_support_keeps_its_usual_width():
    """A big thing alone on a narrow, smaller support (a bear on a post) is not cut to the post's width."""
    from planner.rules_layout import Group, Rider, layout_groups

    groups = [Group(size=0.3, shape=0.5, level="ground"), Group(size=0.6), *[Group(size=0.5)] * 3]
    boxes = layout_groups(groups, [], 1024, 1024, [Rider(1, 0, "on")])
    post, bear = boxes[0][0], boxes[1][0]
    assert rests_on(bear, post)
    assert bear[2] - bear[0] > max(0.22, 1.2 * (post[2] - post[0]))


def test_a_band_of_small_things_overhead_is_no_yardstick_for_the_rest():
    """Strings of lights across the top are one wide band of small things: its box, however
    squeezed, does not shrink the people standing below it (it is spread wide, not big)."""
    from planner.rules_layout import BAND_SHAPE, Constraint, Group, layout_groups

    people = [Group(shape=0.6, size=0.8, level="ground") for _ in range(5)]
    groups = [Group(vertical="top", shape=BAND_SHAPE, size=1.0), *people, Group(shape=1.5, size=0.6)]
    boxes = layout_groups(groups, [Constraint("left_of", i, i + 1) for i in range(1, 6)], 1024, 1024)
    band = boxes[0][0]
    assert band[3] < 0.35, band
    assert max(area(b[0]) for b in boxes[1:6]) > area(band), boxes


def test_one_squeezed_bigger_thing_does_not_make_every_smaller_thing_a_speck():
    """Five trawlers share one cell, so each is small; the things of smaller size classes stay
    smaller than a trawler, but the trawlers grow (not over each other) rather than
    everything else shrinking below them, class after class."""
    p = plan(
        "A busy harbour at noon. Five fishing trawlers are tied up in a row along the quay, a fisherman"
        " mends a net on the left, a dog naps beside a wooden crate, a lantern hangs from a post, a girl"
        " eats an apple on a bench, and a cat watches a bucket of crabs on the right."
    )
    trawlers = sorted(r.box for r in p.regions if r.label == "trawler")
    assert len(trawlers) == 5
    for i, a in enumerate(trawlers):  # copies do not grow over each other
        for b in trawlers[i + 1 :]:
            assert min(a[2], b[2]) - max(a[0], b[0]) <= 1e-3 or min(a[3], b[3]) - max(a[1], b[1]) <= 1e-3, (
                a,
                b,
            )
    for label in ("fisherman", "dog", "girl", "wooden crate"):
        assert 0.005 < area(box(p, label)) < area(trawlers[0]), (label, box(p, label), trawlers[0])


def test_two_lone_people_are_drawn_about_one_size():
    """An old man squeezed into a low cell grows towards the young woman's size: people of one size
    class are not drawn one at half the other's size."""
    p = plan(
        "A village fair at dusk, watercolour. On the left a grandfather in a flat cap is weighing plums on"
        " an iron balance. In the middle a barrel of cider stands next to four pumpkins. On the right a"
        " young nurse in a white coat holds an umbrella."
    )
    grandfather, nurse = box(p, "grandfather"), box(p, "young nurse")
    assert area(grandfather) >= 0.7 * area(nurse), (grandfather, nurse)
    assert grandfather[0] < 0.3 < 0.7 < nurse[2], (grandfather, nurse)


def test_a_kite_placed_high_up_leaves_its_flyer_below_it():
    p = plan("A meadow in spring. A girl flies a green kite in the top left corner of the sky.")
    kite, girl = box(p, "green kite"), box(p, "girl")
    assert centre(kite)[0] < 0.5 and centre(kite)[1] < 0.35
    assert girl[1] >= kite[3] - 0.02


def test_things_from_left_to_right_stand_in_order_on_one_baseline():
    for prompt, labels in (
        (
            "From left to right stand a knight, a dragon, a princess and a wizard.",
            ["knight", "dragon", "princess", "wizard"],
        ),
        (
            "Left to right: a red car, a blue truck, a green bus and a yellow taxi.",
            ["red car", "blue truck", "green bus", "yellow taxi"],
        ),
        (
            "From left to right, a fox, an oak tree, a log cabin and a bear, under a full moon.",
            ["fox", "oak tree", "log cabin", "bear"],
        ),
    ):
        p = plan(prompt)
        boxes = [box(p, label) for label in labels]
        xs = [centre(b)[0] for b in boxes]
        assert xs == sorted(xs), prompt
        bottoms = [b[3] for b in boxes]
        assert max(bottoms) - min(bottoms) < 0.05, (prompt, bottoms)
        assert min(bottoms) > 0.6, prompt  # on the ground, low in the picture


def test_two_things_on_one_table_in_the_wrong_order_trade_places():
    """'A teapot to the left of a jug, both on a bench': either one moved past the other alone would
    leave the bench, so the repair pass swaps them."""
    from planner.rules_layout import Constraint, Group, Rider
    from planner.rules_repair import fact_holds, repair

    bench, jug, teapot = (0.3, 0.6, 0.7, 0.9), (0.3, 0.45, 0.4, 0.65), (0.5, 0.55, 0.7, 0.65)
    groups = [Group(), Group(), Group()]
    riders = [Rider(1, 0, "on"), Rider(2, 0, "on")]
    out = repair([[bench], [jug], [teapot]], groups, [Constraint("left_of", 2, 1)], riders)
    assert fact_holds("left_of", out[2][0], out[1][0]), out
    assert fact_holds("on", out[1][0], out[0][0]) and fact_holds("on", out[2][0], out[0][0]), out


def test_a_thing_moved_beside_another_brings_what_it_is_next_to():
    """'A sailor at the top; next to him a fisherman crouches beside a bucket': the fisherman joins
    the sailor, who keeps his stated place, and the bucket comes along."""
    from planner.rules_layout import Constraint, Group
    from planner.rules_repair import fact_holds, repair

    sailor, fisherman, bucket = (0.2, 0.2, 0.3, 0.45), (0.2, 0.7, 0.3, 0.95), (0.32, 0.8, 0.42, 0.95)
    groups = [Group(vertical="top"), Group(), Group()]
    facts = [Constraint("adjacent", 1, 0), Constraint("adjacent", 1, 2)]
    out = repair([[sailor], [fisherman], [bucket]], groups, facts, [])
    assert fact_holds("next_to", out[1][0], out[0][0]), out
    assert fact_holds("next_to", out[1][0], out[2][0]), out
    assert centre(out[0][0])[1] < 0.4


def test_a_support_takes_the_place_stated_for_what_rests_on_it():
    """A teapot stated in the centre and a cup beside it, both on one bench: the bench gets its cell
    in the centre; two things on it stated on opposite sides give it neither."""
    from planner.rules_layout import Group, Rider, _top_level

    riders = [Rider(1, 0, "on"), Rider(2, 0, "on")]
    agreeing = [Group(), Group(horizontal="center"), Group()]
    _, merged, _ = _top_level(agreeing, [], riders)
    assert merged[0].horizontal == "center"
    opposite = [Group(), Group(horizontal="left"), Group(horizontal="right", vertical="bottom")]
    _, merged, _ = _top_level(opposite, [], riders)
    assert merged[0].horizontal is None and merged[0].vertical == "bottom"


def test_people_in_a_crowded_group_portrait_stand_on_the_ground():
    """In a crowded scene, a person with no stated height does not float in the top half of the
    picture: a drummer beside his drum stands on the ground behind the front row."""
    p = plan(
        "An old wedding photograph. From left to right, a bishop in a tall mitre, a bride holding roses,"
        " a groom in a top hat, three bridesmaids in pale dresses, and a drummer beside his drum. A"
        " greyhound lies at the bride's feet, a pram waits in the bottom right corner, and behind them"
        " stands a stone arch."
    )
    people = [r.box for r in p.regions if r.label in {"bride", "groom", "bridesmaid", "drummer"}]
    assert len(people) == 6 and min(b[3] for b in people) > 0.55, people
    assert box(p, "pram")[3] > 0.9  # its stated corner still holds


def test_a_standing_thing_comes_down_to_the_floor_or_just_behind_what_is_below_it():
    """The ground-rows pass: a lone standing thing high up comes down to the floor; one with
    something below it stops with its bottom just over that thing's top (a back row); a thing said
    to be at the top, and what rests on another, stay where they are."""
    from planner.rules_ground import grounded_rows
    from planner.rules_layout import Group, Rider

    person = Group(shape=0.6, size=0.5, level="ground")
    boxes = [[(0.1, 0.1, 0.3, 0.4)], [(0.6, 0.1, 0.8, 0.4)], [(0.55, 0.6, 0.85, 0.95)]]
    out = grounded_rows(boxes, [person, person, Group(level="ground")], [], [])
    assert abs(out[0][0][3] - 0.97) < 0.01 and abs(out[0][0][1] - 0.67) < 0.01, out
    assert 0.6 < out[1][0][3] <= 0.6 + 0.25 * 0.3 + 1e-6, out  # behind the thing below it
    top = Group(shape=0.6, size=0.5, level="ground", vertical="top")
    out = grounded_rows(boxes[:2], [top, person], [], [Rider(child=1, parent=0, kind="on")])
    assert out == boxes[:2]


def test_a_small_thing_beside_a_standing_one_comes_down_with_it():
    """The ground-rows pass: a small thing with no footing of its own said to be next to a
    standing thing (a porter beside his trunk) follows it down, as far as what is below it lets
    it, so the two stay side by side; the thing below the standing one still stops it, but the
    small thing does not."""
    from planner.rules_ground import grounded_rows
    from planner.rules_layout import Constraint, Group

    porter = Group(shape=0.6, size=0.5, level="ground")
    trunk = Group(size=0.3)
    boxes = [[(0.6, 0.1, 0.75, 0.4)], [(0.45, 0.25, 0.58, 0.38)]]
    out = grounded_rows(boxes, [porter, trunk], [Constraint("adjacent", 1, 0)], [])
    assert abs(out[0][0][3] - 0.97) < 0.01, out
    assert abs((out[1][0][3] - 0.38) - (out[0][0][3] - 0.4)) < 0.01, out  # the same way down
    with_bench = [*boxes, [(0.4, 0.8, 0.6, 0.95)]]  # a bench under the trunk: it stops above it
    out = grounded_rows(with_bench, [porter, trunk, Group(size=0.6)], [Constraint("adjacent", 0, 1)], [])
    assert abs(out[0][0][3] - 0.97) < 0.01 and 0.8 < out[1][0][3] <= 0.8 + 0.2 * 0.15 + 1e-6, out
    big = Group(size=0.9)  # a bigger thing beside it is no companion: both stay, side by side
    assert grounded_rows(boxes, [porter, big], [Constraint("adjacent", 0, 1)], []) == boxes


def test_a_porter_beside_his_trunk_stands_on_the_ground_with_it():
    """In a crowded lineup, someone said to be beside a small lifeless thing stands on the
    ground, and the thing stays beside him rather than both floating up top."""
    p = plan(
        "A faded school photograph. From left to right, a headmaster in a gown, a teacher holding a"
        " bell, two pupils in caps, a cook in an apron, four choirboys, and a porter beside his"
        " trunk. A spaniel sits at the headmaster's feet and behind them rises a brick chapel."
    )
    porter, trunk = box(p, "porter"), box(p, "trunk")
    assert porter[3] > 0.6, porter
    assert trunk[3] > 0.5 and min(porter[2], trunk[2]) - max(porter[0], trunk[0]) > -0.1, (porter, trunk)


def test_someone_seated_among_standing_people_is_drawn_at_their_scale():
    """A grandmother seated in a rocking chair beside her standing family is about their size (a
    seated person is somewhat shorter), sunk into a chair grown around her, not a doll in a doll's
    chair; the tall son behind them stands on the ground too."""
    p = plan(
        "A sepia family portrait. From left to right, an old grandmother seated in a rocking chair, a"
        " father in a waistcoat, a mother in a lace gown, a tall son with a cap, and a young daughter"
        " beside a dollhouse."
    )
    grandmother, chair, father = box(p, "old grandmother"), box(p, "rocking chair"), box(p, "father")
    assert grandmother[3] - grandmother[1] > 0.65 * (father[3] - father[1]), (grandmother, father)
    assert inside(grandmother, chair) and rests_on(grandmother, chair), (grandmother, chair)
    assert box(p, "tall son")[3] > 0.55


def _relations(prompt: str) -> set[tuple[str, str, str]]:
    from planner.rules import reading_of

    r = reading_of(prompt)
    return {(r.things[x.subject].head, x.kind.value, r.things[x.objects[0]].head) for x in r.relations}


def test_people_a_vehicle_is_with_ride_in_it():
    assert ("fisherman", "in", "canoe") in _relations(
        "A red canoe drifting from the right with two fishermen in straw hats, under a grey sky."
    )
    assert ("monk", "in", "wagon") in _relations("An old wagon with four monks crosses a snowy pass.")
    assert ("dog", "next_to", "van") in _relations("A blue van with a dog beside it, parked by a lake.")
    assert not any(r[0] == "wagon" for r in _relations("A shepherd with a wagon walks up a hill."))


def test_people_crowding_a_roof_stand_on_it():
    assert ("tourist", "on", "cottage") in _relations(
        "A flooded valley, a stone cottage up to its windows in water, its roof crowded with tourists."
    )


def test_its_after_a_person_names_the_lifeless_thing_before():
    p = plan("A plank bridge spans a deep gorge, and a small imp hangs from its ropes.")
    assert "rope" not in [r.label for r in p.regions]
    assert rests_on(box(p, "small imp"), box(p, "plank bridge")), p.regions
    p = plan("A squirrel nibbles its acorn under an oak.")
    assert "acorn" not in [r.label for r in p.regions]  # an animal's own


def test_leaning_against_its_side_is_beside_the_other_thing_not_a_pose():
    p = plan("On the right, a tall wardrobe stands by the wall, and a banjo leans against its side.")
    assert side_by_side(box(p, "banjo"), box(p, "tall wardrobe")), p.regions


def test_someone_a_boat_is_with_at_its_oars_or_helm_sits_in_it():
    p = plan("On the lake, a small dinghy with a young woman at the oars passes a reed bed.")
    assert inside(box(p, "young woman"), box(p, "small dinghy")), p.regions


def test_a_thing_shown_by_a_photo_of_it_is_what_is_placed_after_the_comma():
    p = plan(
        "Studio photograph of a glass decanter with a silver stopper, placed at the centre of a marble counter."
    )
    assert rests_on(box(p, "glass decanter"), box(p, "marble counter")), p.regions


def test_the_device_names_the_last_gadget_again():
    p = plan("A laptop lies open on a pine desk, and behind the device a brass clock ticks.")
    assert centre(box(p, "brass clock"))[1] < centre(box(p, "laptop"))[1], p.regions
    assert "device" not in [r.label for r in p.regions]
    assert [
        r.label for r in plan("A tablet leans on a mug; the device glows behind a notebook.").regions
    ] == [
        "tablet",
        "mug",
        "notebook",
    ]


def test_a_pond_or_pool_listed_from_left_to_right_is_placed_in_the_row():
    p = plan("From left to right: a wooden shed, a duck pond, and a red barn. Two geese nap by the fence.")
    shed, pond, barn = box(p, "wooden shed"), box(p, "duck pond"), box(p, "red barn")
    assert centre(shed)[0] < centre(pond)[0] < centre(barn)[0], p.regions
    p = plan("From left to right: a striped parasol, a round pool and a diving board.")
    assert centre(box(p, "striped parasol"))[0] < centre(box(p, "round pool"))[0], p.regions
    assert "pool" not in [r.label for r in plan("A boy swims in a pool at noon.").regions]


def test_an_opening_place_of_the_frame_holds_for_each_thing_joined_by_and():
    p = plan("Along the bottom of the frame, a grey goose and three goslings waddle past a trough.")
    assert all(
        centre(b)[1] > 0.58 for r in p.regions if r.label in {"grey goose", "gosling"} for b in [r.box]
    )
    assert [r.label for r in p.regions].count("gosling") == 3, p.regions


def test_a_corner_said_right_after_a_noun_in_a_tag_list_is_a_place():
    p = plan("1boy, park at dusk, a red kite in the sky top right, a beagle sitting on the grass, bokeh")
    x, y = centre(box(p, "red kite"))
    assert x > 0.58 and y < 0.42, p.regions
    assert "sky top" not in [r.label for r in p.regions]


def test_the_latter_or_the_former_as_a_subject_takes_the_relation():
    p = plan("A nurse and a porter chat in a lane. The former sits on a stone bench.")
    assert rests_on(box(p, "nurse"), box(p, "stone bench")), p.regions
    p = plan("A poet and a drummer wait outside; the latter leans against a lamppost.")
    assert side_by_side(box(p, "drummer"), box(p, "lamppost")), p.regions


def test_a_platform_something_stands_by_or_on_is_a_thing_like_a_stage():
    p = plan("Two herons stand by a wooden platform on the left; a keeper is up on the platform.")
    platform = box(p, "wooden platform")
    assert centre(platform)[0] < 0.42 and rests_on(box(p, "keeper"), platform), p.regions
    assert "platform" not in [r.label for r in plan("A train waits at the platform at dusk.").regions]


def test_a_standing_person_in_a_crowded_picture_is_a_tall_box():
    p = plan(
        "A quiet plaza: on the left a juggler, in the middle a fountain with a bench, a kiosk and a lamppost, "
        "and on the right a violinist next to a hat on the cobbles, pigeons and a cat nearby, a clock tower behind."
    )
    violinist = box(p, "violinist")
    width, height = violinist[2] - violinist[0], violinist[3] - violinist[1]
    assert height >= 1.25 * width  # not the square of its grid cell
    assert width * height >= 0.03  # about as big as before: taller, hardly smaller


def test_a_tall_thing_cut_to_its_shape_stands_taller_within_its_cell():
    from planner.rules_layout import _clamped, _drawn_shape

    loose = _clamped(0.3, 0.3, 0.6)
    w, h = _drawn_shape(0.3, 0.3, 0.6, 1.3, room=0.4)
    assert h / w >= 1.25 and w * h == pytest.approx(loose[0] * loose[1])  # room enough: same area
    w, h = _drawn_shape(0.3, 0.3, 0.6, 1.3, room=0.32)
    assert h == pytest.approx(0.32)  # no higher than its cell: it covers nothing above it
    w, h = _drawn_shape(0.3, 0.3, 0.6, 1.3, room=None)
    assert h <= 0.3 and w / h <= 0.6 * 1.3 + 1e-9  # in the air: cut to its shape inside its cell
    assert _drawn_shape(0.3, 0.3, 1.5, 1.3, room=0.4) == _clamped(0.3, 0.3, 1.5)  # wide: as before


def test_a_thing_held_over_a_person_is_just_over_their_head():
    p = plan(
        "On the right, a woman in a blue raincoat stands under a large umbrella; a bicycle leans on a fence on the left."
    )
    woman, umbrella = box(p, "woman"), box(p, "large umbrella")
    assert centre(umbrella)[1] < centre(woman)[1]
    assert abs(centre(umbrella)[0] - centre(woman)[0]) <= 0.1
    assert woman[1] - umbrella[3] <= 0.08  # held over her head, not hung up in the sky


@pytest.mark.parametrize(
    ("prompt", "person", "held"),
    [
        (
            "In the middle an old fisherman trudges under a green umbrella, and a dog waits by a lamp post.",
            "old fisherman",
            "green umbrella",
        ),
        (
            "On the left a girl in red boots walks under a striped parasol past a fountain on the right.",
            "girl",
            "striped parasol",
        ),
    ],
)
def test_a_thing_held_over_a_person_placed_in_one_place_with_them_rests_on_their_head(
    prompt: str, person: str, held: str
) -> None:
    p = plan(prompt)
    under, over = box(p, person), box(p, held)
    assert centre(over)[1] < centre(under)[1]
    assert abs(centre(over)[0] - centre(under)[0]) <= 0.05  # over her, not beside her
    assert under[1] - 0.01 <= over[3] <= under[1] + 0.35 * (under[3] - under[1])  # touching her head


def over(a: Box, b: Box) -> bool:
    """a above b and over it, not off to one side: centres within the wider box."""
    half = max(a[2] - a[0], b[2] - b[0]) / 2
    return centre(a)[1] < centre(b)[1] and abs(centre(a)[0] - centre(b)[0]) <= half


@pytest.mark.parametrize(
    ("prompt", "upper", "lower"),
    [
        (
            "On the right a man flies a red kite which hangs above the pine tree. A bench stands in the middle.",
            "red kite",
            "pine tree",
        ),
        (
            "A drone hovers above the tractor; on the left a farmer waves and on the right a dog barks.",
            "drone",
            "tractor",
        ),
        (
            "A painting hangs above the sofa, a cat sleeps on the rug on the right and a plant stands on the left.",
            "painting",
            "sofa",
        ),
    ],
)
def test_a_thing_above_another_is_over_it_not_off_to_one_side(prompt: str, upper: str, lower: str) -> None:
    p = plan(prompt)
    assert over(box(p, upper), box(p, lower))


@pytest.mark.parametrize(
    ("prompt", "upper", "lower"),
    [
        (
            "A rainy street. On the left a small noodle bar glows under a red paper lantern. On the right stands a kiosk.",
            "red lantern",
            "small noodle bar",
        ),
        (
            "A cosy kitchen: a brass lamp hangs over the wooden table, a cat sleeps on the left and a fridge stands on the right.",
            "brass lamp",
            "wooden table",
        ),
    ],
)
def test_a_thing_hanging_over_another_is_just_over_it(prompt: str, upper: str, lower: str) -> None:
    p = plan(prompt)
    a, b = box(p, upper), box(p, lower)
    assert over(a, b)
    assert b[1] - 0.06 <= a[3] <= b[1] + 0.3 * (b[3] - b[1])  # its bottom near the lower thing's top


def test_a_thing_flying_above_another_need_not_hang_just_over_it() -> None:
    p = plan("A small house stands in a meadow, and a red kite soars above the house.")
    assert over(box(p, "red kite"), box(p, "small house"))
    assert box(p, "red kite")[3] < box(p, "small house")[1] - 0.06  # up in the sky, not on the roof


def test_a_long_line_from_left_to_right_keeps_its_order():
    p = plan(
        "A faded class photo pinned to a corkboard beside a calendar. From left to right: a stern headmaster "
        "in a grey suit; a young teacher with a clipboard; a janitor leaning on a mop; a nurse in a white "
        "cap; a cook in an apron; and a bus driver in a peaked cap. Soft afternoon light."
    )
    labels = [r.label for r in p.regions]
    line = [
        next(label for label in labels if label.endswith(word))
        for word in ("headmaster", "teacher", "janitor", "nurse", "cook", "driver")
    ]
    xs = [centre(box(p, label))[0] for label in line]
    assert xs == sorted(xs), list(zip(line, xs, strict=True))


def test_size_classes_order_a_child_a_small_dog_a_crane_and_a_mast():
    """A kid is smaller than the teacher beside them, a corgi smaller than an armchair; a building
    crane and a ship's mast dwarf the people and animals near them; a crowned crane is a bird."""
    sizes = {
        t.head: t.size for t in planner.reading.read_prompt("A teacher helps a kid near a crane.").things
    }
    assert sizes["kid"] < sizes["teacher"] < sizes["crane"]
    sizes = {t.head: t.size for t in planner.reading.read_prompt("A corgi naps by an armchair.").things}
    assert sizes["corgi"] < sizes["armchair"]
    sizes = {t.head: t.size for t in planner.reading.read_prompt("A sailor leans on the mast.").things}
    assert sizes["sailor"] < sizes["mast"]
    birds = planner.reading.read_prompt("A crowned crane wades past a paper crane near a tower crane.").things
    assert birds[1].size < birds[0].size < birds[2].size


def test_a_troll_a_rickshaw_and_a_planet_are_bigger_than_what_stands_by_them():
    """Folklore's trolls tower over people, an auto rickshaw is a small car (bigger than a man),
    and a planet in a space scene dwarfs any ship: their size classes say so."""
    p = plan("A knight raises his shield against a hulking troll on a stone bridge.")
    assert area(box(p, "troll")) > area(box(p, "knight")), p.regions
    p = plan("In a busy lane a man waits beside a green rickshaw, a parrot on his shoulder.")
    assert area(box(p, "green rickshaw")) > area(box(p, "man")), p.regions
    p = plan("A cargo hauler drifts past a ringed planet, a tiny shuttle docking at its side.")
    assert area(box(p, "planet")) > area(box(p, "cargo hauler")), p.regions


def test_an_orrery_is_a_model_on_a_desk_not_a_building():
    """WordNet files 'orrery' under the planetarium; the word names a desk model of the planets."""
    p = plan("An old astronomer leans over a brass orrery on his oak desk.")
    assert area(box(p, "brass orrery")) < area(box(p, "oak desk")), p.regions


def test_a_banner_is_bigger_than_a_poster():
    """A banner is a long strip of cloth across a wall or a street; a poster is a sheet of paper."""
    p = plan("A banner and a poster hang side by side on the gym wall.")
    assert area(box(p, "banner")) > area(box(p, "poster")), p.regions
    p = plan("On the classroom wall a poster of the alphabet hangs beside a banner that reads WELCOME.")
    assert area(box(p, "banner")) > area(box(p, "poster")), p.regions


def test_a_bigger_thing_far_away_still_gets_the_bigger_box():
    """A lighthouse on the horizon or a ship far out at sea is drawn small by perspective, yet a
    picture shows it as the bigger thing: its box is not smaller than a heron's or a fisherman's,
    and it stays up in the distance."""
    p = plan("A heron wades in the shallows while a lighthouse stands on the horizon.")
    heron, lighthouse = box(p, "heron"), box(p, "lighthouse")
    assert area(lighthouse) > area(heron), p.regions
    assert centre(lighthouse)[1] < centre(heron)[1], p.regions
    p = plan("A fisherman mends his net on the beach, a cargo ship far away on the sea.")
    assert area(box(p, "cargo ship")) > area(box(p, "fisherman")), p.regions


def test_what_hangs_from_a_thing_is_drawn_below_it_but_on_a_post_or_a_hook():
    # 'hangs from' a beam or a branch: below it; from a tall post it hangs on the post
    p = plan(
        "In a quiet barn, a brass bell dangles from an oak beam, and a wet coat hangs from a wooden post."
    )
    assert centre(box(p, "brass bell"))[1] > centre(box(p, "oak beam"))[1]
    assert rests_on(box(p, "wet coat"), box(p, "wooden post"))


def test_a_thing_in_front_of_another_with_no_room_under_it_trades_heights_with_it():
    # a crowded harbour leaves no room under the boats laid out low: the children said to run in
    # front of them (lower in the picture) trade heights with them instead of staying up high
    p = plan(
        "A busy harbour market at noon. Gulls wheel above the masts of two fishing boats, and in the middle"
        " a fishmonger weighs cod on a brass scale. To the left, a net mender sits on a crate, and a girl on"
        " her mother's shoulders points at the boats. Flags stretch between the harbour office and a tall"
        " lighthouse on the right, under which a vendor sells oysters from a small cart. Four children in"
        " yellow raincoats run in front of the boats."
    )
    assert box(p, "child")[1] > box(p, "fishing boat")[3]  # wholly lower, not half over the boats


def test_a_pulpit_gets_a_bigger_box_than_a_person():
    p = plan("In a small chapel, a carved oak pulpit stands on the right, and a monk kneels on the left.")
    area = lambda b: (b[2] - b[0]) * (b[3] - b[1])  # noqa: E731
    assert area(box(p, "oak pulpit")) > area(box(p, "monk"))


def test_a_container_set_beside_another_thing_takes_what_is_stated_in_it_along():
    from planner.rules_layout import Constraint, Group
    from planner.rules_repair import repair

    groups = [Group(horizontal="right"), Group(borrowed=True), Group(count=2, borrowed=True)]
    boxes = [
        [(0.62, 0.62, 0.96, 0.88)],  # a sofa, stated on the right
        [(0.78, 0.04, 0.98, 0.36)],  # a birdbath it stands beside, laid out far above it
        [(0.85, 0.09, 0.98, 0.2), (0.85, 0.25, 0.98, 0.36)],  # two sparrows in the birdbath
    ]
    constraints = [Constraint("adjacent", 0, 1), Constraint("inside", 2, 1)]
    out = repair(boxes, groups, constraints, [])
    assert side_by_side(out[0][0], out[1][0])
    assert all(inside(sparrow, out[1][0]) for sparrow in out[2])
    assert centre(out[0][0])[0] > 0.6  # the sofa keeps its stated place


def test_what_a_placed_thing_rests_on_is_in_that_place_too():
    # the corner is said of the hawk (a bird of the sky takes a high place alone); the tree it
    # watches from is up there with it, not brought down to the ground below it
    p = plan(
        "A quiet meadow at dawn. A farmer leads two cows along the fence, and a hawk watches "
        "from an old chestnut tree in the top left corner."
    )
    tree, hawk = box(p, "old chestnut tree"), box(p, "hawk")
    x, y = centre(tree)
    assert x < 0.42 and y < 0.42, tree
    assert rests_on(hawk, tree), (hawk, tree)


def test_a_thing_resting_on_a_support_stays_on_it_though_two_things_beside_it_are_elsewhere():
    """'A kitten on a cushion by a basket, next to a ball of yarn and a toy mouse', where the cell
    search left the yarn and the mouse up at the top: the kitten stays on its cushion (lifted
    between them it would show two facts and lose the one the layout is built around, and the
    cushion cannot follow without leaving the basket); the two come down beside it instead."""
    from planner.rules_layout import Constraint, Group, Rider
    from planner.rules_repair import fact_holds, repair

    cushion, kitten = (0.38, 0.59, 0.6, 0.77), (0.44, 0.55, 0.53, 0.61)
    yarn, mouse = (0.13, 0.07, 0.28, 0.16), (0.41, 0.07, 0.56, 0.16)
    basket = (0.16, 0.57, 0.36, 0.78)
    groups = [Group() for _ in range(5)]
    constraints = [Constraint("adjacent", 2, 1), Constraint("adjacent", 1, 3), Constraint("adjacent", 4, 0)]
    boxes = [[cushion], [kitten], [yarn], [mouse], [basket]]
    out = repair(boxes, groups, constraints, [Rider(1, 0, "on")])
    assert fact_holds("on", out[1][0], out[0][0]), out
    assert side_by_side(out[2][0], out[1][0]) and side_by_side(out[3][0], out[1][0]), out


def test_a_thing_said_small_is_smaller_than_one_of_its_class_not_said_so():
    """'small' below the smallest class (a small ant beside a moth) or said in an appositive ('her
    son, a small boy'): the small end of its class, a smaller box than its unsized peer."""
    p = plan("On a mossy log, a brown moth rests on the left and a small red ant crawls on the right.")
    assert area(box(p, "red ant")) < area(box(p, "brown moth")), p.regions
    p = plan(
        "On a pier, a fisherman in a raincoat stands on the left; beside him waits his son, a small"
        " boy with a bucket."
    )
    son = next(r for r in p.regions if r.label.endswith("son"))
    assert area(son.box) < area(box(p, "fisherman")), p.regions


def test_someone_in_a_seat_next_to_a_person_at_a_support_stays_in_the_seat():
    """'A cook works at a stove; his aunt sits in a rocking chair next to him': next to someone at a
    support is not at it, so she is not pulled down behind the stove, out of her chair."""
    p = plan(
        "On the left, a cook stirs soup on an iron stove. His aunt sits in a rocking chair next to him,"
        " knitting. On the right, a cat sleeps on a rug."
    )
    aunt, chair = box(p, "aunt"), box(p, "rocking chair")
    assert rests_on(aunt, chair), (aunt, chair)


def test_a_thing_on_two_supports_rests_on_the_smaller_one_on_the_bigger():
    text = (
        "On the right, a long leather couch where a {} sleeps on a pillow, and above the couch "
        "hangs a round mirror. A vase stands on a small table."
    )
    p = plan(text.format("tabby cat"))
    cat, pillow, couch = box(p, "tabby cat"), box(p, "pillow"), box(p, "leather couch")
    assert rests_on(cat, pillow) and rests_on(pillow, couch)
    p = plan(text.format("beagle"))  # a dog bigger than the pillow: both on the couch
    assert rests_on(box(p, "beagle"), box(p, "leather couch")) and rests_on(
        box(p, "pillow"), box(p, "leather couch")
    )


def test_things_stated_in_different_panels_do_not_rest_on_each_other():
    p = plan(
        "Panel 1, top left: a puppy naps on a footstool. Panel 2, top right: the puppy jumps on a "
        "rubber ball."
    )
    assert centre(box(p, "footstool"))[0] < 0.5 < centre(box(p, "rubber ball"))[0]


def test_farm_birds_and_bales_have_their_usual_sizes():
    """A goose is a small bird (a hen's or a cat's size, below a dog's), a hay bale a medium thing (a chair's
    size, above a hen) and a rover a vehicle of a car's size (above the person beside it)."""
    area = lambda b: (b[2] - b[0]) * (b[3] - b[1])  # noqa: E731
    p = plan("On the left a black dog stands in a muddy lane, and on the right a white goose hisses.")
    assert area(box(p, "white goose")) < area(box(p, "black dog")), p.regions
    p = plan("A hay bale sits on the left of the barnyard, and a speckled hen pecks on the right.")
    assert area(box(p, "hay bale")) > area(box(p, "hen")), p.regions
    p = plan(
        "On a red desert plain, a six-wheeled rover is parked on the left and a geologist kneels on the right."
    )
    assert area(box(p, "rover")) > area(box(p, "geologist")), p.regions


@pytest.mark.parametrize(
    "prompt, rider, support",
    [
        (
            "In the middle, a fat grey parrot sits on a wooden perch with a paper tag pinned to it.",
            "grey parrot",
            "wooden perch",
        ),
        ("A brass lamp stands on an old trunk with a luggage label tied to it.", "brass lamp", "old trunk"),
    ],
)
def test_a_thing_on_a_support_with_something_pinned_to_it_stays_on_top(prompt: str, rider: str, support: str):
    # 'pinned to it' is also read as the support on the thing; the relation stated first stands
    p = plan(prompt)
    assert rests_on(box(p, rider), box(p, support))


def test_a_support_said_under_a_plural_load_carries_it():
    # 'a cart sags under melons': the melons rest on the cart; one lamp over a table still hangs
    p = plan("A wooden cart sags under a heap of melons.")
    assert rests_on(box(p, "melon"), box(p, "wooden cart"))


def test_between_two_things_stated_right_and_left_keeps_their_sides():
    """'between the fisherman (on the right) and his son (on a crate on the left)': the ends are
    ordered by their stated sides, or those of what they rest on, not by the order they are named in,
    and the thing between them stands in the middle."""
    p = plan(
        "A fisherman mends a net on the right, and his son sits on an upturned crate on the left. A"
        " bucket of bait stands between the fisherman and his son."
    )
    fisherman, son, bucket = box(p, "fisherman"), box(p, "son"), box(p, "bucket")
    assert centre(son)[0] < centre(bucket)[0] < centre(fisherman)[0]
    assert centre(fisherman)[0] > 0.58 and centre(son)[0] < 0.42


@pytest.mark.parametrize(
    ("prompt", "rider", "support"),
    [
        (
            "A brass desk lamp with a green shade stands in the middle of a long oak sideboard, "
            "and a stack of old books sits to its right. Warm evening light.",
            "brass desk lamp",
            "oak sideboard",
        ),
        (
            "Catalog photo: a ceramic teapot placed at the centre of a tiled kitchen counter, "
            "a tea towel draped to its left.",
            "ceramic teapot",
            "kitchen counter",
        ),
    ],
)
def test_a_thing_in_the_middle_of_its_support_is_in_the_middle_of_the_picture(
    prompt: str, rider: str, support: str
):
    p = plan(prompt)
    assert abs(centre(box(p, rider))[0] - 0.5) <= 0.15
    assert rests_on(box(p, rider), box(p, support))


def test_a_thing_on_a_support_one_size_smaller_rests_over_it():
    # a teacup (small) on a saucer (tiny) rests on it, drawn over the saucer, not wider than it
    p = plan("A porcelain teacup stands on a gold-rimmed saucer beside a stack of letters on a writing desk.")
    cup, saucer = box(p, "porcelain teacup"), box(p, "saucer")
    assert rests_on(cup, saucer)
    assert saucer[0] - 0.02 <= cup[0] and cup[2] <= saucer[2] + 0.02


def test_a_body_part_in_the_air_is_a_pose_not_a_place():
    # 'throws both arms in the air', 'trots with its nose in the air': the part is up, its owner is
    # not in the upper part of the picture, and stays beside what it is said to be next to
    p = plan(
        "A busy station platform at noon. At the bottom of the frame a porter kneels beside a trunk, "
        "and next to him a clown in a polka-dot suit throws both arms in the air. "
        "A poodle trots past with its nose in the air."
    )
    clown, porter = box(p, "clown"), box(p, "porter")
    assert centre(clown)[1] > 0.5
    assert side_by_side(clown, porter)
    from planner.rules import reading_of

    poodle = next(t for t in reading_of("A poodle trots past with its nose in the air.").things)
    assert poodle.place is None or poodle.place.vertical is None  # not up in the sky


def test_a_thing_between_two_others_is_beside_each():
    """'a basket sits between them': beside both ends, in the middle of the line; an end stated at
    the left is the left one, whichever is named first."""
    p = plan(
        "A sunny meadow by a lake. A farmer in a straw hat naps on the grass. On the left, a girl reads. "
        "A wicker basket sits between the farmer and the girl. A heron wades in the reeds on the right."
    )
    basket, farmer, girl = box(p, "wicker basket"), box(p, "farmer"), box(p, "girl")
    assert centre(girl)[0] < centre(basket)[0] < centre(farmer)[0]
    gap = lambda a, b: max(0.0, max(a[0], b[0]) - min(a[2], b[2]))  # noqa: E731
    assert gap(basket, farmer) <= 0.08 and gap(basket, girl) <= 0.08


def test_a_hamper_is_bigger_than_a_jar_it_could_hold():
    """A hamper holds jars, loaves and bottles: it is a medium thing, drawn bigger than a jar."""
    p = plan("A wicker hamper stands on the left and a glass jar on the right.")
    assert area(box(p, "wicker hamper")) > area(box(p, "glass jar")), p.regions


def test_a_likeness_at_true_scale_is_as_big_as_what_it_shows():
    """A skeleton or a life-size model is the size of the creature it shows, bigger than the
    visitors under it ('the skeleton of a mammoth', 'a narwhal skeleton'); a plain model or a
    skeleton alone keeps its own size."""
    sizes = lambda prompt: {t.head: t.size for t in planner.reading.read_prompt(prompt).things}  # noqa: E731
    big = sizes("The skeleton of a mammoth towers over the hall while a student sketches on a bench.")
    assert big["skeleton"] > big["bench"] and big["skeleton"] > big["student"]
    assert sizes("A narwhal skeleton hangs over a guide.")["skeleton"] > sizes("A guide stands.")["guide"]
    assert (
        sizes("A life-size model of a giraffe stands by a kiosk.")["model"] >= sizes("A giraffe.")["giraffe"]
    )
    assert sizes("A small model of a ship sits on a shelf.")["model"] < sizes("A ship.")["ship"]
    assert sizes("A skeleton sits on a chair.")["skeleton"] == sizes("A chair.")["chair"]
    p = plan("In a museum, the skeleton of a blue whale hangs high above a janitor mopping the floor.")
    assert area(box(p, "skeleton")) > area(box(p, "janitor")), p.regions


def test_a_grandstand_is_bigger_than_the_people_before_it():
    """A grandstand holds a crowd: a building, bigger than a referee on the pitch before it."""
    p = plan("A referee blows his whistle on a muddy pitch, and behind him a packed grandstand roars.")
    assert area(box(p, "grandstand")) > area(box(p, "referee")), p.regions


def test_an_opening_side_holds_for_every_thing_its_sentence_names():
    """'On the right, a kiosk with three stools under a canopy, where a vendor counts coins': the
    stools, the canopy and the vendor are on the right too; a clause that says a place of its own
    ('and a kite flies at the top left of the frame') and the sky keep theirs."""
    p = plan(
        "A quiet square at noon. On the left, a stone fountain where two pigeons drink. On the right, a"
        " newspaper kiosk with three stools under a striped canopy, where a vendor in a cap counts coins."
    )
    for label in ("kiosk", "striped canopy", "vendor"):
        assert centre(box(p, label))[0] > 0.58, (label, p.regions)
    stools = [r.box for r in p.regions if r.label == "stool"]
    assert len(stools) == 3 and min(b[0] for b in stools) + max(b[2] for b in stools) > 2 * 0.58, p.regions
    reading = planner.reading.read_prompt(
        "On the right, a boy waves at a bus, and a girl holds a kite at the top left of the frame while the"
        " moon rises."
    )
    places = {t.head: t.place for t in reading.things}
    assert places["bus"] is not None and places["bus"].horizontal == "right"
    assert places["girl"] is not None and places["girl"].horizontal == "left"
    assert places["moon"] is None
