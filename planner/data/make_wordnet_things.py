"""Write planner/data/wordnet_things.tsv from the WordNet 3.0 database files (run by hand).

    python planner/data/make_wordnet_things.py PATH/TO/wordnet-3.0/dict > planner/data/wordnet_things.tsv

The folder is WordNet 3.0's `dict` (data.noun, index.noun, index.verb, index.adj, index.adv,
lexnames), e.g. from https://wordnetcode.princeton.edu/3.0/WordNet-3.0.tar.gz. The planner never
reads WordNet itself: it reads the file this writes, as data.

A word is kept when all of these hold:
- it is one lower-case word of letters, and things.tsv and words.tsv do not list it (those are
  curated and win);
- its first noun sense (WordNet orders senses by how often they were tagged in text) is a person,
  animal, artifact, plant or food: something one can draw; and WordNet writes it lower case there
  (not a name or a taxon: "Ares", "Felidae");
- it is tagged more often as a noun than as an adjective or adverb, and, when it is also a verb,
  at least three times as often as a noun than as a verb ("forward", "nude", "slide" are not kept);
- when WordNet never saw it tagged in text, all its senses are of one kind ("macaroni" the food
  and "macaroni" the dandy: no sense to trust);
- it is not a past participle of a WordNet verb ("chased", "chosen": "a piglet, chased by a boy"),
  regular (-ed) or one of verb.exc's irregular forms in -ed or -en;
- it is not a part of something ("sleeve", "shutter") nor a kind of stuff ("flour", "paper"),
  and neither its gloss nor its usage domain marks it as a slur, an offensive, disparaging or
  obscene term;
- the nearest hypernym of that sense that things.tsv or words.tsv lists is a thing of things.tsv,
  and it gives the word its size, kind and flags ("stevedore" -> laborer -> worker); a person or
  an animal with none takes a person's or a small animal's. (A nearest one that words.tsv lists
  as a part, material, style, light... means no thing: "topknot" is a hairdo.)
"""

from __future__ import annotations

import functools
import sys
from collections import deque
from pathlib import Path

_DATA = Path(__file__).parent
_DRAWN = {"noun.person", "noun.animal", "noun.artifact", "noun.plant", "noun.food"}
_BEINGS = {  # what a person or an animal with no listed word above it is drawn as
    "noun.person": ["medium", "person", "tall"],
    "noun.animal": ["small", "animal", "-"],
}
_STUFF = {"substance", "material", "foodstuff", "ingredient", "fabric", "paper"}  # mass nouns
_SLUR_MARKS = ("slur", "offensive", "disparaging", "derogatory", "contemptuous")  # glosses of insults
_INSULT_DOMAINS = {"ethnic_slur", "disparagement", "obscenity", "vulgarism", "profanity"}
_NO_THING = {"part", "material", "abstract", "style", "style_noun", "medium", "light", "weather", "time"}
_HEADER = """\
# Unlisted nouns that name something one can draw, derived from WordNet 3.0, for the offline rules
# planner: a word things.tsv does not list is looked up here. Written by make_wordnet_things.py
# (its docstring says which words are kept and how); do not edit by hand, edit things.tsv instead.
# Source (data used as facts): WordNet 3.0, Princeton University, https://wordnet.princeton.edu/.
# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved. THIS SOFTWARE AND
# DATABASE IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES,
# EXPRESS OR IMPLIED. The name of Princeton University or Princeton may not be used in
# advertising or publicity pertaining to distribution of the software and/or database.
# Columns (tab separated), as in things.tsv: word, size, kind, flags; then the listed word the
# entry took them from ("-" when none: the defaults of its WordNet lexicographer file).
"""


def _rows(path: Path) -> list[list[str]]:
    text = path.read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _synsets(folder: Path) -> dict[str, tuple[str, list[str], list[str]]]:
    """Noun synsets by offset: lexicographer file, lemmas, hypernym offsets."""
    lexnames = [line.split()[1] for line in (folder / "lexnames").read_text().splitlines()]
    found = {}
    for line in (folder / "data.noun").read_text(encoding="latin-1").splitlines():
        if line.startswith(" "):
            continue
        head, _, gloss = line.partition(" | ")
        fields = head.split()
        count = int(fields[3], 16)
        lemmas = [fields[4 + 2 * i] for i in range(count)]
        at = 4 + 2 * count
        pointers = [fields[at + 1 + 4 * j : at + 5 + 4 * j] for j in range(int(fields[at]))]
        hypernyms = [offset for symbol, offset, pos, _ in pointers if symbol in ("@", "@i") and pos == "n"]
        part = any(symbol == "#p" for symbol, *_ in pointers)
        usage = [offset for symbol, offset, pos, _ in pointers if symbol == ";u" and pos == "n"]
        slur = any(word in gloss for word in _SLUR_MARKS) or bool(set(usage) & _insults(folder))
        found[fields[0]] = (lexnames[int(fields[1])], lemmas, hypernyms, part or slur)
    return found


@functools.cache
def _insults(folder: Path) -> frozenset[str]:
    """Offsets of the usage domains that mark a word as an insult or obscene."""
    found = set()
    for line in (folder / "data.noun").read_text(encoding="latin-1").splitlines():
        fields = line.split()
        if not line.startswith(" ") and fields[4].lower() in _INSULT_DOMAINS:
            found.add(fields[0])
    return frozenset(found)


def read_index(path: Path) -> dict[str, tuple[int, list[str]]]:
    """Lemma -> (tagged sense count, synset offsets in sense order)."""
    found = {}
    for line in path.read_text(encoding="latin-1").splitlines():
        if line.startswith(" "):
            continue
        fields = line.split()
        senses = int(fields[2])
        found[fields[0]] = (int(fields[-senses - 1]), fields[-senses:])
    return found


def _participles(folder: Path, verbs: dict) -> frozenset[str]:
    """The -ed and -en forms of WordNet's verbs that a noun index may list as words: 'chased',
    'stopped', 'carried' (regular) and verb.exc's irregular ones ('chosen', 'woven')."""
    found = set()
    for line in (folder / "verb.exc").read_text(encoding="latin-1").splitlines():
        form = line.split()[0]
        if form.endswith(("ed", "en")):
            found.add(form)
    for verb in verbs:
        if verb.isalpha():
            found |= {verb + "d" if verb.endswith("e") else verb + "ed"}
            if verb.endswith("y"):
                found.add(verb[:-1] + "ied")
            if (
                len(verb) > 2
                and verb[-1] not in "aeiouwxy"
                and verb[-2] in "aeiou"
                and verb[-3] not in "aeiou"
            ):
                found.add(verb + verb[-1] + "ed")
    return frozenset(found)


def _hypernyms(offset: str, synsets: dict) -> set[str]:
    """The offsets of all hypernyms of a synset."""
    queue, seen = deque(synsets[offset][2]), set()
    while queue:
        current = queue.popleft()
        if current not in seen:
            seen.add(current)
            queue.extend(synsets[current][2])
    return seen


def _above(offset: str, synsets: dict) -> set[str]:
    """The first lemmas of all hypernyms of a synset."""
    return {synsets[o][1][0] for o in _hypernyms(offset, synsets)}


def _fits(lexname: str, kind: str) -> bool:
    """Whether a things.tsv kind is the sort of thing a WordNet lexicographer file holds."""
    beings = {"noun.person": "person", "noun.animal": "animal"}
    if lexname in beings:
        return kind == beings[lexname]
    return kind not in ("person", "animal")


def _inherited(
    offset: str, synsets: dict, things: dict, words: set[str]
) -> tuple[list[str], str] | str | None:
    """The things.tsv row of the nearest hypernym of a synset that things.tsv lists as the same
    sort of thing (not "slipper" the shoe for a snowboarder, a "slipper" in WordNet), and its word;
    "no thing" when the nearest listed one is a words.tsv word of a class that is no thing (a kind
    of hairdo, of material); None when there is none."""
    queue, seen = deque(synsets[offset][2]), set()
    while queue:
        current = queue.popleft()
        if current in seen:
            continue
        seen.add(current)
        for lemma in synsets[current][1]:
            word = lemma.lower().replace("_", " ")
            if word in things and _fits(synsets[offset][0], things[word][1]):
                return things[word], word
            if word in words:
                return "no thing"
        queue.extend(synsets[current][2])
    return None


def main(folder: Path) -> None:
    things = {row[0]: row[1:4] for row in _rows(_DATA / "things.tsv")}
    words = {row[0] for row in _rows(_DATA / "words.tsv") if row[1] in _NO_THING}
    listed = {row[0] for row in _rows(_DATA / "words.tsv")}
    synsets = _synsets(folder)
    nouns = read_index(folder / "index.noun")
    others = [read_index(folder / f"index.{pos}") for pos in ("verb", "adj", "adv")]
    participles = _participles(folder, others[0])
    sys.stdout.write(_HEADER)
    for word, (tagged, offsets) in sorted(nouns.items()):
        if not (word.isalpha() and word.isascii() and word.islower() and len(word) >= 3):
            continue
        if word in things or word in listed:
            continue
        if word in participles:
            continue  # a verb's participle, said of someone ("a piglet, chased by a boy")
        verb, adjective, adverb = (other.get(word, (-1, []))[0] for other in others)
        if verb >= 0 and tagged < 3 * max(verb, 1) or max(adjective, adverb) >= tagged:
            continue  # mostly a verb, adjective or adverb in text
        lexname, lemmas, _, part = synsets[offsets[0]]
        if tagged == 0 and len({synsets[o][0] for o in offsets}) > 1:
            continue  # never tagged in text, and its senses differ in kind: no first sense to trust
        if lexname not in _DRAWN or word not in lemmas:
            continue  # written with a capital there: a name or a taxon ("Ares", "Felidae")
        if part or _above(offsets[0], synsets) & _STUFF:
            continue  # a part of something ("sleeve", "shutter") or stuff ("flour", "paper")
        found = _inherited(offsets[0], synsets, things, words)
        if found == "no thing":
            continue  # a kind of something words.tsv says is no thing ("topknot": a hairdo)
        if found is None and lexname not in _BEINGS:
            continue  # an object with nothing listed above it: no size or kind to give it
        row, source = found if found else (_BEINGS[lexname], "-")
        sys.stdout.write("\t".join([word, *row, source]) + "\n")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
