"""Write planner/data/wordnet_verbs.tsv from the WordNet 3.0 database files (run by hand).

    python planner/data/make_wordnet_verbs.py PATH/TO/wordnet-3.0/dict > planner/data/wordnet_verbs.tsv

The folder is WordNet 3.0's `dict` (data.verb, index.verb), e.g. from
https://wordnetcode.princeton.edu/3.0/WordNet-3.0.tar.gz. The planner never reads WordNet itself:
it reads the file this writes, as data.

It lists the verbs that take no object: a one-word, lower-case verb lemma is kept when its first
sense (WordNet orders senses by how often they were tagged in text) has no sentence frame with an
object ('Somebody ----s something', 'Something ----s somebody', ...), only frames like 'Somebody
----s', 'Something is ----ing PP' or 'Somebody ----s PP'; a verb WordNet never saw tagged in text
is kept only when none of its senses has such a frame (no sense to trust). So 'sleep', 'graze',
'smile', 'doze' are kept, and 'hold', 'wear', 'eat', 'read' are not.
"""

from __future__ import annotations

import sys
from pathlib import Path

from make_wordnet_things import read_index  # run as a script: this folder is on the path

# WordNet's generic frames with a direct object (see WordNet's wninput(5WN), 'Verb Frames')
_WITH_OBJECT = frozenset({5, 8, 9, 10, 11, 14, 15, 16, 17, 18, 19, 20, 21, 24, 25, 30, 31})
_HEADER = """\
# Verbs that take no object, derived from WordNet 3.0's verb frames, for the offline rules planner:
# 'sleeping' in 'sleeping greyhound, bottom right' describes the greyhound, while 'holding' in
# 'holding sword' takes it as its object. Written by make_wordnet_verbs.py (its docstring says which
# verbs are kept); do not edit by hand.
# Source (data used as facts): WordNet 3.0, Princeton University, https://wordnet.princeton.edu/.
# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved. THIS SOFTWARE AND
# DATABASE IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES,
# EXPRESS OR IMPLIED. The name of Princeton University or Princeton may not be used in
# advertising or publicity pertaining to distribution of the software and/or database.
# One verb lemma a line.
"""


def _frames(dict_dir: Path) -> dict[str, tuple[list[str], list[tuple[int, int]]]]:
    """Each verb synset's words and its (frame, word number) pairs (word number 0: all words)."""
    out = {}
    for line in (dict_dir / "data.verb").read_text(encoding="latin-1").splitlines():
        if line.startswith(" "):
            continue
        fields = line.split("|")[0].split()
        count = int(fields[3], 16)
        words = [fields[4 + 2 * i].lower() for i in range(count)]
        k = 4 + 2 * count
        k += 1 + 4 * int(fields[k])
        frames = [(int(fields[k + 2 + 3 * n]), int(fields[k + 3 + 3 * n], 16)) for n in range(int(fields[k]))]
        out[fields[0]] = (words, frames)
    return out


def _takes_object(synset: tuple[list[str], list[tuple[int, int]]], lemma: str) -> bool:
    words, frames = synset
    number = words.index(lemma) + 1 if lemma in words else -1
    return any(frame in _WITH_OBJECT for frame, word in frames if word in (0, number))


def main(dict_dir: Path) -> None:
    """Print the file to stdout."""
    synsets = _frames(dict_dir)
    kept = []
    for lemma, (tagged, offsets) in read_index(dict_dir / "index.verb").items():
        if not lemma.isalpha() or not lemma.islower():
            continue
        trusted = offsets[:1] if tagged else offsets
        if not any(_takes_object(synsets[o], lemma) for o in trusted):
            kept.append(lemma)
    sys.stdout.write(_HEADER + "".join(f"{lemma}\n" for lemma in sorted(kept)))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
