"""Repeats and references for planner.rules_roles: whether a noun names an earlier thing again ('a
dog ... the dog', 'the animal', 'the tallest of them'), is a member of an earlier group, or
ranks a group ('the first ... the second').
"""

from __future__ import annotations

from planner.rules_clauses import next_verb, subject_phrase
from planner.rules_phrases import Mark, NounPhrase, Phrase, SpacePhrase, Verb
from planner.rules_role_nouns import (
    DEFINITE,
    POSSESSIVE,
    Noun,
    Role,
    is_person,
    latter_acting,
    low_text,
    phrase_after,
    phrase_before,
    recent_owner,
    resolve,
    things_so_far,
)
from planner.rules_tokens import Tag
from planner.rules_vocab import (
    Entry,
    Flag,
    ThingKind,
    WordClass,
    entry,
    is_class,
    value_of,
)

_REFLEXIVE = frozenset({"himself", "herself", "themselves"})
# the determiners that point at one already known, so that 'a <kind>' after it says who that one
# is; 'this' and 'that' tell as 'the' does ("there's this keeper, an old guy in a cap")
_TOLD = frozenset({"the", "this", "that", *POSSESSIVE})
# who is told by a tie to someone: 'my aunt', 'her grandson'
_TIED = frozenset({"my", "our", "your", *POSSESSIVE})


def _has(word: str, flag: Flag) -> bool:
    known = entry(word)
    return known is not None and known.has(flag)


def _person_word(word: str) -> bool:
    """Whether things.tsv lists `word` as a person."""
    known = entry(word)
    return known is not None and known.kind is ThingKind.PERSON


def _superlative(p: NounPhrase) -> bool:
    return any(
        w.endswith("est") and len(w) > 4 or w in {"first", "second", "third", "last"} for w in p.modifiers
    )


def member_of(p: NounPhrase, head: str, nouns: list[Noun]) -> int | None:
    """The counted group this phrase is one of: 'two horses, one brown and one white'; 'three
    balloons. The largest balloon ..., a small blue balloon ...'."""
    if (p.count or 1) > 1 or p.plural:
        return None
    for g, group in enumerate(nouns):
        if (
            group.role is not Role.THING
            or group.ref is not None
            or (group.phrase.count or 0) < 2
            or group.head != head
        ):
            continue
        members = sum(1 for n in nouns if n.ref == g and n.role is Role.THING)
        told_apart = bool(set(p.modifiers) - set(group.phrase.modifiers))  # "a yellow duckling"
        later = p.sentence > group.phrase.sentence or p.head == "one" or _superlative(p) or told_apart
        if later and members < (group.phrase.count or 0):
            return g
    return None


def coat_member(p: NounPhrase, nouns: list[Noun]) -> int | None:
    """The counted group of animals a coat word names one of: 'two saddled horses, one chestnut
    and one piebald', 'two cats doze, a tabby and a calico' (the chestnut is a horse, not a nut):
    the latest counted animal group of this sentence or the one before with members still unnamed."""
    if (p.count or 1) > 1 or p.plural or not is_class(p.head, WordClass.COAT):
        return None
    for g in range(len(nouns) - 1, -1, -1):
        group = nouns[g]
        if group.phrase.sentence < p.sentence - 1:
            return None
        counted = group.role is Role.THING and group.ref is None and (group.phrase.count or 0) > 1
        if not counted or group.entry is None or group.entry.kind is not ThingKind.ANIMAL:
            continue
        members = sum(1 for n in nouns if n.ref == g and n.role is Role.THING)
        return g if members < (group.phrase.count or 0) else None
    return None


def _repeat_of(p: NounPhrase, nouns: list[Noun]) -> int | None:
    """The thing 'the <noun>' names again; 'the nearest stool' after 'tall stools' (a group with
    no count, drawn as one) is that group, but after 'a stool' a stool of its own."""
    if p.determiner not in DEFINITE or p.head == "one":
        return None
    for i in range(len(nouns) - 1, -1, -1):
        noun = nouns[i]
        if noun.role in {Role.THING, Role.SCENE} and _same_word(p.head, noun.phrase):
            uncounted = noun.phrase.plural and noun.phrase.count is None and noun.role is Role.THING
            return resolve(nouns, i) if uncounted or not _superlative(p) else None
    return None


_GENERIC_PEOPLE = frozenset("man woman boy girl person lady gentleman guy figure".split())


def _described_again(p: NounPhrase, known: Entry | None, nouns: list[Noun]) -> int | None:
    """'Portrait of a lighthouse keeper... The old man, in a wool sweater, ...': 'the' and a
    plain word for someone, when one person named by a role ('keeper') is all there is so far,
    is that person again (unless the words tell a different sex)."""
    if p.determiner != "the" or p.plural or p.head not in _GENERIC_PEOPLE or known is None:
        return None
    people = [i for i, n in enumerate(nouns) if n.is_thing and is_person(n)]
    if len(people) != 1:
        return None
    earlier = nouns[people[0]]
    if (
        earlier.head in _GENERIC_PEOPLE
        or is_class(earlier.head, WordClass.COLLECTIVE)
        or earlier.phrase.plural
    ):
        return None
    sexes = {c for c in (WordClass.FEMALE, WordClass.MALE) if is_class(earlier.head, c)}
    own = {c for c in (WordClass.FEMALE, WordClass.MALE) if is_class(p.head, c)}
    return people[0] if not sexes or sexes == own else None


def _tagged_again(phrases: tuple[Phrase, ...], k: int, nouns: list[Noun]) -> int | None:
    """'1girl, 1boy, night, girl with red hair, ...': in a tag list a bare tag naming the kind a
    '1girl' tag counted is that one, described, not another."""
    p = phrases[k]
    assert isinstance(p, NounPhrase)
    if p.determiner or low_text(phrase_before(phrases, k)) != ",":
        return None
    if p.plural and is_class(p.head, WordClass.KIN):
        return _kin_of_count(phrases, k, nouns)
    if p.count is not None or p.plural:
        return None
    for i in range(len(nouns) - 1, -1, -1):
        noun = nouns[i]
        tag = noun.phrase
        if noun.is_thing and tag.numeral and tag.count == 1 and tag.head == p.head and not tag.modifiers:
            return i
    return None


def _kin_of_count(phrases: tuple[Phrase, ...], k: int, nouns: list[Noun]) -> int | None:
    """'2girls, identical twins, ...', '3boys, brothers, ...': a bare plural word for kin right
    after a tag counting people says how those are related; it is them, not more people."""
    earlier = nouns[-1] if nouns else None
    placed = earlier is not None and earlier.index == k - 3 and isinstance(phrases[k - 2], SpacePhrase)
    if (
        earlier is None
        or not (earlier.index == k - 2 or placed)
        or not earlier.is_thing
        or not is_person(earlier)
    ):
        return None  # "3boys, brothers", "2boys on the left, twins"
    tag = earlier.phrase
    return len(nouns) - 1 if tag.numeral and (tag.count or 0) > 1 else None


def _bare_again(p: NounPhrase, nouns: list[Noun]) -> int | None:
    """'white horse, horse behind knights', 'elf, deer next to elf': a bare word (no article, no
    count) for a thing named earlier in the same sentence is that thing again, unless its words tell
    it apart."""
    if p.determiner or p.count is not None:
        return None
    if not p.plural and any(n.head == p.head and (n.phrase.count or 1) > 1 for n in nouns):
        return None  # "2girls, girl with an umbrella, girl with a kite": one of several each time
    for i in range(len(nouns) - 1, -1, -1):
        noun = nouns[i]
        if noun.is_thing and noun.phrase.sentence == p.sentence and noun.phrase.head == p.head:
            if set(p.modifiers) - set(noun.phrase.modifiers):
                return None  # "wooden chair, metal chair": told apart
            counted = noun.phrase.plural or (noun.phrase.count or 1) > 1
            return resolve(nouns, i) if counted == p.plural else None
    return None


def _appositive(phrases: tuple[Phrase, ...], k: int, known: Entry | None, nouns: list[Noun]) -> int | None:
    """'The inventor, a wiry woman in goggles, leans ...': 'a <person>' right after 'the
    <person>,' says who that person is; the same one, not another (an animal: _animal_appositive).
    After a group ('the crowd, a juggler ...') it is one of the group, someone of their own."""
    p = phrases[k]
    assert isinstance(p, NounPhrase)
    earlier = nouns[-1] if nouns else None
    gap = 3 if low_text(phrase_before(phrases, k, 2)) in _REFLEXIVE else 2  # 'Grandpa himself, an old farmer'
    if earlier is None or earlier.index != k - gap or low_text(phrase_before(phrases, k)) != ",":
        return None
    if known is None or not known.animate:
        return None
    if known.kind is ThingKind.ANIMAL:
        cast = _animal_in_a_role(phrases, k, earlier)
        owned = _owned(phrases, earlier) or _opening_aside(phrases, k, earlier)
        return len(nouns) - 1 if cast else _animal_appositive(p, earlier, nouns, owned)
    if earlier.entry is not None and earlier.entry.kind is ThingKind.ANIMAL:
        return len(nouns) - 1 if _animal_as_a_person(phrases, k, earlier) else None
    if (p.count or 0) > 1 and not p.determiner:
        return _counted_appositive(earlier, nouns)
    if _kin_aside(phrases, k, earlier):
        return len(nouns) - 1
    if p.determiner not in {"a", "an"}:
        return None
    told = earlier.phrase.determiner in _TIED | _TOLD
    told = (
        told
        or earlier.named
        or gap == 3
        or _owned(phrases, earlier)
        or _plain_after_role(phrases, k, earlier)
    )
    told = told or _opening_aside(phrases, k, earlier) or _bare_title(phrases, k, earlier)
    told = told or low_text(phrase_before(phrases, earlier.index)) == "whose"  # 'whose owner, a man,'
    one = not earlier.phrase.plural and not is_class(
        earlier.head, WordClass.COLLECTIVE
    )  # 'the crowd, a vendor'
    said = resolve(nouns, len(nouns) - 1) if gap == 3 else len(nouns) - 1  # 'the baker herself,' again
    return said if told and one and nouns[said].is_thing and is_person(nouns[said]) else None


def _kin_aside(phrases: tuple[Phrase, ...], k: int, earlier: Noun) -> bool:
    """'A boy, the shepherd's nephew, sits on a rock', 'The old man, her grandfather, dozes': one
    person named by a tie to another ('the shepherd's', 'her') between commas right after one
    person who opens the clause, with the clause's verb after the closing comma, says who that
    person is; the same one, not a second (a list has an 'and' before its verb)."""
    p = phrases[k]
    assert isinstance(p, NounPhrase)
    tied = p.determiner in POSSESSIVE or p.determiner == "the" and _owned_inside(p)
    one = not p.plural and not earlier.phrase.plural and (p.count or 1) == 1
    if not (tied and one and earlier.is_thing and is_person(earlier) and _person_word(p.head)):
        return False
    return (
        _heads_clause(phrases, earlier.index)
        and _closed_by_verb(phrases, k)
        and not _other_sex(earlier.head, p.head)
    )


def _owned_inside(p: NounPhrase) -> bool:
    """Whether the phrase names its owner inside it ("the shepherd's nephew")."""
    return any(w.lower().endswith(("'s", "’s")) for w in p.words[:-1])


def _unlisted_appositive(
    phrases: tuple[Phrase, ...], k: int, known: Entry | None, nouns: list[Noun]
) -> int | None:
    """'her bike, a battered green BMX, leans ...', 'the ship's cat, a fat ginger tom,': 'a <word no
    list knows>' set off by commas right after one thing told by 'the', 'his' or an owner's name
    says what that thing is; the same one, its words in that thing's prompt. So does a lifeless
    thing of the same kind closed by a comma and a verb ('his car, a dented blue Lada, is parked')."""
    p = phrases[k]
    assert isinstance(p, NounPhrase)
    earlier = nouns[-1] if nouns else None
    if earlier is None or earlier.index != k - 2 or not earlier.is_thing or earlier.entry is None:
        return None
    if low_text(phrase_before(phrases, k)) != "," or p.determiner not in {"a", "an"} or p.plural:
        return None
    closed = phrase_after(phrases, k)
    told = earlier.phrase.determiner in _TOLD or _owned(phrases, earlier)
    one = not earlier.phrase.plural and not is_class(earlier.head, WordClass.COLLECTIVE)
    ends = closed is None or isinstance(closed, Mark) and closed.tag in {Tag.END, Tag.COMMA}
    if known is None and not told and _opening_aside(phrases, k, earlier):
        return len(nouns) - 1  # "A mule, a stubborn old jenny with a red halter, stands"
    if known is not None:
        kin = known.kind is earlier.entry.kind and not known.animate and p.head != earlier.head
        ends = kin and (_closed_by_verb(phrases, k) or _closed_by_be(phrases, k))
    return len(nouns) - 1 if told and one and ends else None


def _same_kind_appositive(phrases: tuple[Phrase, ...], k: int, nouns: list[Noun]) -> int | None:
    """'a kite, a huge box kite, which ...', 'a stall, an old stall': 'a <words> <head>' set off by
    a comma right after one thing of the same head, keeping all its words and adding more, says
    more of that thing; the same one, not a second ('a red cup, a blue cup' tells two apart)."""
    p = phrases[k]
    assert isinstance(p, NounPhrase)
    earlier = nouns[-1] if nouns else None
    if earlier is None or earlier.index != k - 2 or not earlier.is_thing or earlier.head != p.head:
        return None
    if low_text(phrase_before(phrases, k)) != "," or p.determiner not in {"a", "an"}:
        return None
    said, more = earlier.phrase.modifiers, p.modifiers
    one = not p.plural and not earlier.phrase.plural and (earlier.phrase.count or 1) == (p.count or 1) == 1
    return len(nouns) - 1 if one and len(more) > len(said) and set(said) <= set(more) else None


def _closed_by_be(phrases: tuple[Phrase, ...], k: int) -> bool:
    """Whether the words after the noun phrase at k end at a comma with 'is' / 'was' / 'has' after
    it, with no 'and' or 'or' before it (', a dented Lada, is parked', ', a plump badger in an
    apron, is baking'): an appositive before its clause's verb, as _closed_by_verb."""
    after = _after_closing_comma(phrases, k)
    return isinstance(after, Mark) and after.tag in {Tag.BE, Tag.AUX}


def _said_to_be(phrases: tuple[Phrase, ...], k: int, known: Entry | None, nouns: list[Noun]) -> int | None:
    """'The tailor is an elderly woman with silver hair', 'her uncle was a stout man in a cap':
    'a <person>' right after '<the or his person> is' at the head of a clause says who that
    person is; the same one, not another (its words are that person's)."""
    p = phrases[k]
    assert isinstance(p, NounPhrase)
    earlier = nouns[-1] if nouns else None
    linked = phrase_before(phrases, k)
    if not isinstance(linked, Mark) or linked.tag is not Tag.BE or linked.low not in {"is", "was"}:
        return None
    if p.determiner not in {"a", "an"} or p.plural or known is None:
        return None
    if low_text(phrase_before(phrases, k, 2)) in {"he", "she"}:
        return _pronoun_said_to_be(phrases, k, known, nouns)
    if earlier is None or earlier.index != k - 2 or not (earlier.is_thing and is_person(earlier)):
        return None
    if known.kind is not ThingKind.PERSON and not _animal_in_a_tale(earlier, known):
        return None
    bare = _bare_word(earlier.phrase)
    told = earlier.phrase.determiner in {"the", *_TIED} or earlier.named or bare
    return len(nouns) - 1 if told and _heads_clause(phrases, earlier.index) else None


def _animal_in_a_tale(person: Noun, known: Entry) -> bool:
    """Whether 'a <animal>' said of a person ('her grandson is a tiny hedgehog') casts an animal in
    that person's role, as in a tale: a person told by a tie to someone ('her grandson', 'my aunt')
    or called by a bare word ('Grandma'), not by 'the' ('the winner is a dog' is another one)."""
    tied = person.phrase.determiner in _TIED or not person.phrase.determiner
    return known.kind is ThingKind.ANIMAL and tied and not person.phrase.plural


def _pronoun_said_to_be(phrases: tuple[Phrase, ...], k: int, known: Entry, nouns: list[Noun]) -> int | None:
    """'... her grandson holds the basket; he is a tiny hedgehog in red boots', 'she was a tall
    woman with grey plaits': 'a <person or animal>' after 'he is' / 'she was' opening a clause
    says who the pronoun's one is (the latest person or animal not told the other sex); the same
    one, its words that one's. An animal is said of a person only in a tale (_animal_in_a_tale),
    else of an animal of its own kind ('the fox ... he is a sly old fox')."""
    if not _heads_clause(phrases, k - 2) or not known.animate:
        return None
    pronoun = low_text(phrase_before(phrases, k, 2))
    said = recent_owner(nouns, phrases[k].sentence, animate=True, word=pronoun)
    if said is None or nouns[said].entry is None:
        return None
    if is_person(nouns[said]):
        fits = known.kind is ThingKind.PERSON or _animal_in_a_tale(nouns[said], known)
        return said if fits and not _other_sex(nouns[said].head, phrases[k].head) else None
    return said if nouns[said].entry.kind is known.kind else None


def _heads_clause(phrases: tuple[Phrase, ...], k: int) -> bool:
    """Whether the phrase at k opens its sentence or a clause after a comma or 'and'."""
    before = phrase_before(phrases, k)
    return before is None or isinstance(before, Mark) and before.tag in {Tag.END, Tag.COMMA, Tag.CONJ}


def name_in_commas(phrases: tuple[Phrase, ...], k: int, nouns: list[Noun]) -> bool:
    """'the class tortoise, Mr. Shells, crawls', 'the old ferry, Sea Queen, leaves': a name
    between commas right after a thing, with a verb or a title, is that thing's name, not another
    thing (even when its words are also nouns: 'Shells'); it gets no region of its own."""
    p = phrases[k]
    assert isinstance(p, NounPhrase)
    earlier = nouns[-1] if nouns else None
    if earlier is None or earlier.index != k - 2 or not earlier.is_thing or p.determiner:
        return False
    if not all(w[:1].isupper() for w in p.words) or low_text(phrase_before(phrases, k)) != ",":
        return False
    if low_text(phrase_after(phrases, k)) != ",":
        return False
    titled = is_class(p.words[0].lower(), WordClass.HONORIFIC)
    return titled or isinstance(phrase_after(phrases, k + 1), Verb)


def _closing_appositive(
    phrases: tuple[Phrase, ...], k: int, known: Entry | None, nouns: list[Noun]
) -> int | None:
    """'Her brother stood beside her, a lanky boy in a torn sweater.': a plain word for a person
    ('boy', 'woman') with 'a' after a comma that closes a clause, verbless up to the end of the
    sentence or ', and', says who the clause's subject is; the same one, not another."""
    p = phrases[k]
    assert isinstance(p, NounPhrase)
    if p.determiner not in {"a", "an"} or known is None or not known.has(Flag.PLAIN) or p.plural:
        return None
    if low_text(phrase_before(phrases, k)) != "," or not _closes(phrases, k):
        return None
    verb = next((j for j in range(k - 2, -1, -1) if _verb_or_end(phrases[j])), None)
    if verb is None or not isinstance(phrases[verb], Verb):
        return None
    start = subject_phrase(phrases, verb)
    said = next((i for i, n in enumerate(nouns) if n.index == start), None)
    if said is None or not nouns[said].is_thing or not is_person(nouns[said]) or nouns[said].phrase.plural:
        return None
    told = nouns[said].phrase.determiner in {
        "the",
        "my",
        "our",
        "your",
        *POSSESSIVE,
    }  # not 'a man ..., a boy'
    return resolve(nouns, said) if told and not _other_sex(nouns[said].head, p.head) else None


def _closing_thing_appositive(
    phrases: tuple[Phrase, ...], k: int, known: Entry | None, nouns: list[Noun]
) -> int | None:
    """'Beyond the wall stands the cottage, a low whitewashed building with a turf roof.', 'beside
    it sits a peat stack, a dark brown mound of turves': 'a <lifeless thing of the same kind>'
    after a comma right after one lifeless thing that a verb puts before it or 'the' / 'his' tells,
    with nothing after it up to the end of the sentence but its own phrases, says what that thing
    is like; the same one, not a second (a list has 'and' before its last item). Not for small
    objects, which a bare comma may list ('on the shelf stand a clock, a vase.')."""
    p = phrases[k]
    assert isinstance(p, NounPhrase)
    earlier = nouns[-1] if nouns else None
    if earlier is None or earlier.index != k - 2 or not earlier.is_thing or earlier.entry is None:
        return None
    if known is None or known.animate or earlier.entry.animate or known.kind is not earlier.entry.kind:
        return None
    if known.kind is ThingKind.OBJECT:
        return None
    if (
        p.determiner not in {"a", "an"}
        or p.plural
        or earlier.phrase.plural
        or (earlier.phrase.count or 1) > 1
    ):
        return None
    if low_text(phrase_before(phrases, k)) != "," or p.head == earlier.head:
        return None
    after_verb = isinstance(phrase_before(phrases, earlier.index), Verb)  # "stands the cottage, ..."
    told = earlier.phrase.determiner in _TOLD or after_verb
    return len(nouns) - 1 if told and _ends_alone(phrases, k) else None


def _ends_alone(phrases: tuple[Phrase, ...], k: int) -> bool:
    """Whether the words after the noun phrase at k reach the end of the sentence, or ', and' before
    a clause of its own, with no verb, no 'and' / 'or' and no other comma of their own (not an
    item of a list: 'the shed, a barn, and a silo')."""
    for j in range(k + 1, len(phrases)):
        here = phrases[j]
        if isinstance(here, Mark) and here.tag is Tag.END:
            return True
        if low_text(here) == "," and low_text(phrase_after(phrases, j)) in {"and", "but"}:
            return next_verb(phrases, j + 1) is not None  # ", and beside it sits a stack", not ", and a silo"
        if isinstance(here, Verb) or low_text(here) in {",", "and", "or"}:
            return False
    return True


def _pronoun_appositive(
    phrases: tuple[Phrase, ...], k: int, known: Entry | None, nouns: list[Noun]
) -> int | None:
    """'... she, a girl of nine with red plaits, feeds the hens': 'a <person>' right after 'she,' or
    'he,' says who the pronoun is, the person it stands for (the latest one not told the other
    sex), not someone new."""
    p = phrases[k]
    assert isinstance(p, NounPhrase)
    pronoun = low_text(phrase_before(phrases, k, 2))
    if pronoun not in {"she", "he"} or low_text(phrase_before(phrases, k)) != ",":
        return None
    if p.determiner not in {"a", "an"} or p.plural or known is None or known.kind is not ThingKind.PERSON:
        return None
    said = recent_owner(nouns, p.sentence, animate=True, word=pronoun)
    if said is None or not is_person(nouns[said]) or _other_sex(nouns[said].head, p.head):
        return None
    return said


def _latter_appositive(
    phrases: tuple[Phrase, ...], k: int, known: Entry | None, nouns: list[Noun]
) -> int | None:
    """'The latter, a bearded man in a tuxedo, clutched ...': 'a <person or animal>' right after
    'the latter,' or 'the former,' says who that one is, the one it points back to, not someone new."""
    p = phrases[k]
    assert isinstance(p, NounPhrase)
    if low_text(phrase_before(phrases, k)) != "," or p.determiner not in {"a", "an"} or p.plural:
        return None
    if known is None or not known.animate:
        return None
    said = latter_acting(phrases, k - 2, nouns)
    if said is None or nouns[said].entry is None or nouns[said].entry.kind is not known.kind:
        return None
    return said


def _verb_or_end(q: Phrase) -> bool:
    return isinstance(q, Verb) or isinstance(q, Mark) and q.tag is Tag.END


def _closes(phrases: tuple[Phrase, ...], k: int) -> bool:
    """Whether the words after the noun phrase at k reach the end of the sentence, or ', and' /
    ', but', with no verb of their own."""
    for j in range(k + 1, len(phrases)):
        here = phrases[j]
        if isinstance(here, Verb):
            return False
        if isinstance(here, Mark) and here.tag is Tag.END:
            return True
        if low_text(here) == "," and low_text(phrase_after(phrases, j)) in {"and", "but"}:
            return True
    return True


def _other_sex(one: str, other: str) -> bool:
    """Whether two words for people name different sexes ('brother', 'woman')."""
    male = (is_class(one, WordClass.MALE), is_class(other, WordClass.MALE))
    female = (is_class(one, WordClass.FEMALE), is_class(other, WordClass.FEMALE))
    return male[0] and female[1] or female[0] and male[1]


def _plain_after_role(phrases: tuple[Phrase, ...], k: int, earlier: Noun) -> bool:
    """'A diver, a woman in a wetsuit, swims', 'a tall bellhop, a lanky teenager with freckles,
    balancing ...': a plain word for a person (woman, kid) right after 'a <role>,' says who that
    one is, unless the list goes on after it ('a chef, a woman, and a boy': three people). Any
    other word for a person does too when a verb follows its closing comma ('a ranger, a wiry
    botanist in boots, kneels'), never in a list ('a ranger, a botanist and a cook')."""
    p = phrases[k]
    assert isinstance(p, NounPhrase)
    if (
        _has(earlier.head, Flag.PLAIN)
        or earlier.phrase.determiner not in {"a", "an"}
        or earlier.phrase.plural
    ):
        return False
    if not _has(p.head, Flag.PLAIN):
        return _person_word(p.head) and (_closed_by_verb(phrases, k) or _who_to_the_end(phrases, k))
    for j in range(k + 1, len(phrases)):
        here = phrases[j]
        if isinstance(here, Mark) and here.tag is Tag.END:
            return True
        if low_text(here) in {"and", "or"}:
            after = phrase_after(phrases, j)
            if isinstance(after, NounPhrase) and after.determiner in {"a", "an"} and _person_word(after.head):
                return False  # 'a woman with a dog and a boy'
        if low_text(here) == ",":
            after = phrase_after(phrases, j)
            listed = isinstance(after, NounPhrase) and (after.determiner or after.count is not None)
            return not (listed or low_text(after) in {"and", "or"})
    return True


def _closed_by_verb(phrases: tuple[Phrase, ...], k: int) -> bool:
    """Whether the words after the noun phrase at k end at a comma with a verb or a 'who' clause
    after it, with no 'and' or 'or' before it: ', a wiry botanist in boots, kneels', ', a plump
    goose, who has tucked a letter under her wing' (an appositive, not a list)."""
    after = _after_closing_comma(phrases, k)
    return isinstance(after, Verb) or low_text(after) == "who"


def _after_closing_comma(phrases: tuple[Phrase, ...], k: int) -> Phrase | None:
    """What follows the first comma after the noun phrase at k, if that comma comes before the
    sentence ends and before any 'and' or 'or' (None otherwise, or when nothing follows)."""
    for j in range(k + 1, len(phrases)):
        here = phrases[j]
        if isinstance(here, Mark) and here.tag is Tag.END or low_text(here) in {"and", "or"}:
            return None
        if low_text(here) == ",":
            return phrase_after(phrases, j)
    return None


def _who_to_the_end(phrases: tuple[Phrase, ...], k: int) -> bool:
    """Whether the noun phrase at k runs to its sentence's end through a 'who' clause, with no
    comma and no other person after 'and' or 'or': 'glaring at a villain, a lanky chemist with
    goggles who clutches a jar.' (an appositive, not a list: 'a knight, a bard who sings and a cook')."""
    who = False
    for j in range(k + 1, len(phrases)):
        here = phrases[j]
        if isinstance(here, Mark) and here.tag is Tag.END:
            return who
        if low_text(here) == ",":
            return False
        nxt = phrase_after(phrases, j)
        if low_text(here) in {"and", "or"} and isinstance(nxt, NounPhrase) and _person_word(nxt.head):
            return False
        who = who or low_text(here) == "who"
    return who


def _owned(phrases: tuple[Phrase, ...], earlier: Noun) -> bool:
    """Whether the noun is owned by a name before it ('the miller's horse', 'Tom's aunt', with the
    name inside the phrase: "Joe's nephew"): as told as 'his horse'."""
    before = phrase_before(phrases, earlier.index)
    inside = earlier.phrase.words[:1] and earlier.phrase.words[0].lower().endswith(("'s", "’s"))
    return isinstance(before, Mark) and before.tag is Tag.POSS or bool(inside)


def _opening_aside(phrases: tuple[Phrase, ...], k: int, earlier: Noun) -> bool:
    """'A goat, a scruffy grey billy with one bent horn, stands on a crate', 'A woman, a tall baker
    in an apron, kneads dough': 'a <one>' between commas right after 'a <one>' that opens its
    clause, with the clause's verb after the closing comma, says who that one is, as after 'the'.
    Not a list ('a goat, a pig and a cow stand': an 'and' before the verb)."""
    p = phrases[k]
    assert isinstance(p, NounPhrase)
    indefinite = earlier.phrase.determiner in {"a", "an"} and p.determiner in {"a", "an"}
    one = not p.plural and not earlier.phrase.plural
    return indefinite and one and _heads_clause(phrases, earlier.index) and _closed_by_verb(phrases, k)


def _animal_appositive(p: NounPhrase, earlier: Noun, nouns: list[Noun], owned: bool = False) -> int | None:
    """'his cat, a fat tabby', 'the dog, a scruffy terrier', 'the miller's dog, a grey lurcher':
    'a <animal>' right after 'the', 'his', 'our' or an owner's name and one animal says what kind that
    animal is; the same one, not another."""
    told = owned or earlier.phrase.determiner in _TOLD | _TIED  # 'our dog, a spaniel'
    animal = earlier.entry is not None and earlier.entry.kind is ThingKind.ANIMAL
    one = p.determiner in {"a", "an"} and not earlier.phrase.plural
    return len(nouns) - 1 if told and one and animal and earlier.is_thing else None


def _animal_in_a_role(phrases: tuple[Phrase, ...], k: int, earlier: Noun) -> bool:
    """'his apprentice, a nervous young vole, holds ...', 'her aunt, a portly badger, waves': in
    a tale an animal plays a person's role; 'a <animal>' between commas right after one person
    named by a tie to another ('his', 'her', "Pip's"), with a verb after the closing comma, says who that
    person is. Not an aside that sets an animal by someone ('his son, a collie at his heels,
    walks'), nor after 'the' ('the brand mascot, a tiger, ...': the tiger is drawn)."""
    p = phrases[k]
    assert isinstance(p, NounPhrase)
    tied = earlier.phrase.determiner in POSSESSIVE or _owned(phrases, earlier)  # 'her aunt', "Pip's friend"
    told = tied and not earlier.phrase.plural
    if _bare_title(phrases, k, earlier):
        return True  # "Grandma, a round hedgehog in a blue shawl, is hanging laundry"
    if not told or p.determiner not in {"a", "an"} or not earlier.is_thing or not is_person(earlier):
        return False
    return _aside_before_verb(phrases, k) or _closed_by_be(phrases, k)


def _bare_word(p: NounPhrase) -> bool:
    """Whether one is called by a bare word, with no article, count or plural ('Grandma')."""
    return not p.determiner and p.count is None and not p.plural


def _bare_title(phrases: tuple[Phrase, ...], k: int, earlier: Noun) -> bool:
    """'Grandma, a round hedgehog in a shawl, is hanging ...', 'Grandpa, a tall man in a cap, waves':
    one person called by a word with no article ('Grandma', 'Mother', 'Captain') that opens its
    clause is someone already known by that name; 'a <one>' between commas after it, with
    the clause's verb after the closing comma, says who that one is, not a second one."""
    p = phrases[k]
    assert isinstance(p, NounPhrase)
    q = earlier.phrase
    bare = _bare_word(q)
    if (
        not bare
        or p.determiner not in {"a", "an"}
        or p.plural
        or not earlier.is_thing
        or not is_person(earlier)
    ):
        return False
    closed = _aside_before_verb(phrases, k) or _closed_by_be(phrases, k)
    return closed and _heads_clause(phrases, earlier.index)


def _animal_as_a_person(phrases: tuple[Phrase, ...], k: int, earlier: Noun) -> bool:
    """'the badger, a plump fellow in spectacles, waves', 'her goose, a fussy old lady, scolds':
    in a tale 'a <person>' between commas right after one animal told by 'the', 'his' or an owner's
    name, with a verb after the closing comma, says what kind of fellow that animal is; the same
    one. So does a plain word for a person running through a 'who' clause to the sentence's end
    after any animal ('a badger, a plump chap who carries a basket.'). Not an aside that sets
    someone by it ('the horse, a rider on its back, trots')."""
    p = phrases[k]
    assert isinstance(p, NounPhrase)
    told = earlier.phrase.determiner in {"the", *POSSESSIVE} or _owned(phrases, earlier)
    one = p.determiner in {"a", "an"} and not p.plural and not earlier.phrase.plural
    if one and earlier.is_thing and _has(p.head, Flag.PLAIN) and _who_to_the_end(phrases, k):
        return True  # "waving to a badger, a plump chap in a waistcoat who carries a basket"
    return told and one and earlier.is_thing and _aside_before_verb(phrases, k)


def _aside_before_verb(phrases: tuple[Phrase, ...], k: int) -> bool:
    """Whether the noun phrase at k opens an aside closed by a comma and a verb, with nothing in it
    that belongs to someone ('a collie at his heels'): it says who the one before is."""
    end = next((j for j in range(k + 1, len(phrases)) if low_text(phrases[j]) == ","), len(phrases))
    owned = any(isinstance(q, NounPhrase) and q.determiner in POSSESSIVE for q in phrases[k + 1 : end])
    return not owned and _closed_by_verb(phrases, k)


def _counted_appositive(earlier: Noun, nouns: list[Noun]) -> int | None:
    """'The twins, two girls in raincoats, ...', 'her sons, three boys with kites': a count of
    people right after 'the' or 'her' and a plural for people says who those are, not more."""
    told = earlier.phrase.determiner in {"the", *POSSESSIVE}
    plural = earlier.phrase.plural and earlier.phrase.count is None
    return len(nouns) - 1 if told and plural and earlier.is_thing and is_person(earlier) else None


def group_of_earlier(p: NounPhrase, known: Entry | None, nouns: list[Noun]) -> bool:
    """'the children', 'the animals' after several people or animals were named one by one: a
    word for those already there, not new ones."""
    if p.determiner not in {"the", "these", "those"} or not p.plural or p.count is not None or known is None:
        return False
    if not known.animate:
        return False
    earlier = [n for n in things_so_far(nouns) if n.entry is not None and n.entry.kind is known.kind]
    return sum(n.phrase.count or (2 if n.phrase.plural else 1) for n in earlier) >= 2


def _same_word(head: str, earlier: NounPhrase) -> bool:
    """Whether 'the <head>' names an earlier thing: the same head or compound, or the end of a
    closed compound ('the bench' after 'a workbench', 'the boat' after 'a sailboat')."""
    if head in {earlier.head, earlier.compound}:
        return True
    if _short_name(head, earlier):
        return True
    return len(head) >= 3 and earlier.head.endswith(head) and len(earlier.head) - len(head) >= 3


def _short_name(head: str, earlier: NounPhrase) -> bool:
    """Whether 'the <head>' is a vehicle named by its compound's first word ('the pickup' after
    'a pickup truck'), a vehicle word itself: the same vehicle, said short."""
    first = earlier.compound.split()[0]
    if head != first or earlier.compound == earlier.head:
        return False
    short, whole = entry(head), entry(earlier.compound)
    return short is not None and whole is not None and short.kind is whole.kind is ThingKind.VEHICLE


def named_before(phrases: tuple[Phrase, ...], k: int, known: Entry | None, nouns: list[Noun]) -> int | None:
    """The earlier thing the noun phrase at k names again, if any: 'the couch' again, 'the muddy
    jeep', 'the captain, a grey-bearded man', a tag naming a counted kind, a bare repeat."""
    p = phrases[k]
    assert isinstance(p, NounPhrase)
    repeat = _repeat_of(p, nouns)
    if repeat is None:
        repeat = _described_again(p, known, nouns)
    if repeat is None:
        repeat = _appositive(phrases, k, known, nouns)
    if repeat is None:
        repeat = _unlisted_appositive(phrases, k, known, nouns)
    if repeat is None:
        repeat = _same_kind_appositive(phrases, k, nouns)
    if repeat is None:
        repeat = _said_to_be(phrases, k, known, nouns)
    if repeat is None:
        repeat = _closing_appositive(phrases, k, known, nouns)
    if repeat is None:
        repeat = _closing_thing_appositive(phrases, k, known, nouns)
    if repeat is None:
        repeat = _pronoun_appositive(phrases, k, known, nouns)
    if repeat is None:
        repeat = _latter_appositive(phrases, k, known, nouns)
    if repeat is None:
        repeat = _tagged_again(phrases, k, nouns)
    if repeat is None:
        repeat = _bare_again(p, nouns)
    if repeat is None:
        repeat = _group_again(p, nouns)
    return repeat


def _group_again(p: NounPhrase, nouns: list[Noun]) -> int | None:
    """The group 'the flock', 'the herd', 'the pair' names again (words.tsv's group_word): the
    latest thing named as a group (a plural, or a count above one) of a kind the word gathers, in
    its sentence or the one before, of the number the word says if it says one ('the trio')."""
    kinds = value_of(p.head, WordClass.GROUP_WORD) if p.determiner in {"the", "this", "that"} else None
    number = value_of(p.head, WordClass.COLLECTIVE)
    wanted = int(number) if number and number.isdigit() else None
    if kinds is None or p.plural or p.count not in {None, wanted}:
        return None
    for i in range(len(nouns) - 1, -1, -1):
        n = nouns[i]
        if n.phrase.sentence < p.sentence - 1:
            break
        if n.role is not Role.THING or n.entry is None or not (n.phrase.plural or (n.phrase.count or 0) > 1):
            continue
        if kinds == "any" or n.entry.kind.value in kinds.split(","):
            return i if wanted is None or n.phrase.count in {None, wanted} else None
    return None


def ranked_group(p: NounPhrase, nouns: list[Noun]) -> int | None:
    """The group 'the third one' or 'the taller one' picks from: the latest thing named with a
    count above one ('three stools at the counter ... a boy sits on the third one': a stool, not
    a boy); for 'the <adjective> one' ('two astronauts on a ridge, the taller one planting a flag')
    a group in this sentence or the one before, one with a count first ('two friends on a log
    toasting marshmallows; the taller one'), since 'the' says it is one of some already named."""
    if any(is_class(word, WordClass.ORDINAL) for word in p.words):
        return _latest_group(nouns, counted=True, since=0)
    if p.determiner == "the" and p.modifiers:
        counted = _latest_group(nouns, counted=True, since=p.sentence - 1)
        return counted if counted is not None else _latest_group(nouns, counted=False, since=p.sentence - 1)
    return None


def _latest_group(nouns: list[Noun], counted: bool, since: int) -> int | None:
    """The latest thing of its own named as more than one (with a stated count when `counted`),
    in sentence `since` or later."""
    for i in range(len(nouns) - 1, -1, -1):
        noun = nouns[i]
        if noun.phrase.sentence < since:
            return None
        many = (noun.phrase.count or 0) > 1 or (not counted and noun.phrase.plural)
        if noun.role is Role.THING and noun.ref is None and many:
            return i
    return None
