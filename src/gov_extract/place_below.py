"""The suffix scan: places below the county (镇, 街道, 村, 社区, zones and estates) found by their
suffix in text order, their name running back to the nearest word boundary (:func:`below_county_hits`):
one article's scan takes each suffix through steps that decide its stem, the names met before it and
the suffixes left unsure. The tests the steps ask live below it (``place_stems``, ``place_stem_start``,
``place_stem_clauses``, ``place_villages``, ``place_estates``); chains below a county are
:mod:`gov_extract.place_chains`' and lists sharing a suffix :mod:`gov_extract.place_suffix_lists`'.
"""

from __future__ import annotations

from functools import cache

from . import gazetteer
from .names import word_tag
from .place_chains import ANONYMISED, chain_parts, runs_down
from .place_divisions import CJK_CHAR, Hit
from .place_estates import (
    ESTATE_PART,
    among_compounds,
    estate_named,
    estate_village,
    post_words,
    staff_compounds,
    weak_estate,
)
from .place_stem_clauses import (
    WORKS_LEVELS,
    after_works_verb,
    built_kind,
    clause_opener,
    clause_verb,
    estate_naming_verbs,
    idiom_across_suffix,
    people_qualifiers,
    person_then_verb,
    predicate_verb,
    quantity_stem,
    runs_clause_on,
    slogan,
    slogan_half,
    suffix_in_common_noun,
    verb_after_subject,
    verb_after_word,
    verb_before_paired_levels,
    verb_stem,
    verb_takes_place,
)
from .place_stem_start import (
    after_going,
    after_pronoun,
    apposed_start,
    boundary_splits_word,
    closes_list,
    counted_stem,
    dateline_marks,
    determiners,
    function_stem,
    headings,
    in_list,
    list_item_start,
    no_name_within,
    not_stem_tags,
    products,
    stem_start,
    strip_opening_word,
    strong_words,
    table_township,
    township_name_start,
    without_stem,
    word_before_known,
    word_into_stem,
    words_into_stem,
)
from .place_stems import (
    DOUBLED_VILLAGE,
    NOT_NAME_TAGS,
    TABLE_NAME_MIN,
    after_last_verb,
    after_suffix,
    doubled_village_at_cut,
    generic_pattern,
    generic_whatever_before,
    inside_words,
    is_generic,
    level_phrase,
    liaison_office,
    name_ends_before,
    positions_around,
    stem_reads_as_name,
    suffix_ok,
    township_body,
)
from .place_villages import (
    bare_listed_villages,
    numbered_after_township,
    place_word_village,
    village_after_township,
    village_over_hamlet,
)
from .place_words import (
    BELOW,
    Mask,
    after_arrival,
    after_date,
    cut_at,
    last_part,
    opens_org,
    opens_school,
    strong_before,
    suffix_pattern,
    word_lists,
)
from .text import Document, is_han


@cache
def _reference_words() -> frozenset[str]:
    return frozenset(word_lists()["references"])


# The longest stem of a name before a verb its suffix may open with (石门|村组织, 十八洞|村组织).
_OPENED_STEM = 3


# The longest stem a suffix opening its line is read with (金牛 / 镇): a longer run before the
# break is a line of other words (特困人员 / 镇, 图片新闻 / 镇领导).
_WRAPPED_STEM = 3


# How long a zone's own name may be (伊滨|经开区): longer runs are phrases, not names.
_ZONE_STEM = (2, 4)


# jieba tags of the word right before a short township or village name that opens it in
# running text: verbs, prepositions, 了 (推进水东镇建设, 对石门镇, 督查了柳河镇, 像桃源村); a stem of
# up to three characters after a verb, four after a preposition or 了 (观摩了布拉克苏乡).
_OPENER_TAGS = frozenset(("v", "vn", "p", "ul"))


# Marks that put a compound in a list or give it an aside (安居小区、军缘小区, 农行家属院(槐东路)).
_LIST_MARKS = frozenset("、(（")


class _Suffix:
    """A place suffix the scan met (镇, 村, 小区 at ``s``:``e``, of ``level``) and the reading of the
    name it closes so far: where the stem starts (``start``, after the word ``before``) and what
    the steps of :class:`_BelowScan` found out about it on the way."""

    __slots__ = (
        "apposed",
        "arrival",
        "before",
        "clear",
        "common_noun_only",
        "e",
        "floor",
        "inside",
        "level",
        "listed_item",
        "named",
        "opened",
        "runs_on",
        "s",
        "staff",
        "start",
        "suffix",
        "tabled",
        "works",
    )

    # Set by the steps, each before any later step reads it (only a works verb may be missing).
    start: int
    before: str
    floor: int
    listed_item: int | None
    opened: bool
    inside: bool
    common_noun_only: bool
    runs_on: list[Hit]
    apposed: int | None
    arrival: bool
    staff: bool
    clear: bool
    tabled: bool
    named: bool

    def __init__(self, s: int, e: int, suffix: str, level: str) -> None:
        self.s = s
        self.e = e
        self.suffix = suffix
        self.level = level
        self.works: int | None = None


class _BelowScan:
    """One article's scan for places below the county by their suffix, in text order: the places
    read so far (``hits``), the suffixes left unsure until a name met later settles them
    (``unsure``), the names met (``known``, first those the division chains name below their
    county) and the chains an estate written straight after them runs on (``chain_ends``).
    :meth:`read` takes each suffix through the steps below, each deciding one thing."""

    __slots__ = ("_known_names", "chain_ends", "clean", "doc", "hits", "known", "max_stem", "taken", "unsure")

    def __init__(self, doc: Document, taken: Mask, chains: list[Hit]) -> None:
        self.doc, self.clean, self.taken = doc, doc.clean, taken
        self.hits: list[Hit] = []
        self.unsure: list[tuple[int, int, str, int | None]] = []  # (suffix span, level, the floor of a stem not read)
        self.known: set[str] = {part for chain in chains for part in chain_parts(self.clean, chain)}
        self._known_names: tuple[str, ...] = ()
        # 铜山区三堡街道戚庄社区|东部花园小区, 郑州市|金地小区: an estate written straight after a chain or
        # its city or county runs it on
        self.chain_ends = {chain.end: chain for chain in chains if chain.level in BELOW or chain.level in _ESTATE_HEADS}
        self.max_stem: int = word_lists()["limits"]["max_stem"]

    def known_names(self) -> tuple[str, ...]:
        """The names met so far, for one str.endswith of them all; made again only when the set has
        grown (a name met is never dropped)."""
        if len(self._known_names) != len(self.known):
            self._known_names = tuple(self.known)
        return self._known_names

    def read(self, r: _Suffix) -> None:
        """Read the name the suffix ``r`` closes: a record, a name it runs on, a suffix left unsure,
        or no name."""
        # (the level and the set are asked first: few suffixes are a community's or a known name)
        if (
            (r.level == "community" and self._names_estate_community(r))
            or (r.suffix in self.known and self._known_again(r))
            or self._opens_other_word(r)
            # (asked only where the suffix is written twice)
            or (self.clean.startswith(DOUBLED_VILLAGE, r.s) and self._doubled_village_stem(r))
        ):
            return
        self._bound_stem(r)
        if self._common_noun_tail(r) or not self._stem_found(r) or self._no_name_read(r):
            return
        self._cut_words_before(r)
        if self._runs_on_name(r):
            return
        self._trim_stem(r)
        self._start_at_known_name(r)
        r.clear = r.clear or self._short_name_after_verb(r)
        if self._common_noun_reading(r) or self._stem_vetoed(r):
            return
        if self._clear_boundary(r):
            self._record(r)
        else:
            self.unsure.append((r.s, r.e, r.level, None))

    def _names_estate_community(self, r: _Suffix) -> bool:
        """双创家园社区, 阳光花园社区: a community's suffix right after an estate read (or an estate a chain
        ends with) names a community after its estate, one name: the estate becomes it."""
        s, e = r.s, r.e
        estate = next((h for h in (*self.hits[-1:], self.chain_ends.get(s)) if h is not None and h.end == s), None)
        if estate is None or estate.level != "compound" or self.doc.joined_at(s):
            return False
        clean = self.clean
        if estate.full_name is not None:
            estate.full_name += clean[s:e]
        estate.end, estate.level = e, r.level
        if s in self.chain_ends:
            self.chain_ends[e] = self.chain_ends.pop(s)
        self.taken.mark(s, e)
        self.known.add(clean[estate.start : e])
        return True

    def _known_again(self, r: _Suffix) -> bool:
        """芦柞镇中心村 … ，中心村是: a suffix a chain has named as a place, written with no stem, is that
        place again."""
        if not without_stem(self.clean, r.s):
            return False
        self.hits.append(Hit(r.s, r.e, r.level, rule="known_name"))
        self.taken.mark(r.s, r.e)
        return True

    def _opens_other_word(self, r: _Suffix) -> bool:
        """The suffix's characters open a word going on after it (村规, 村组织): no name ends there,
        unless the word says the place's inside (冒水村|里) or a name ends before it. Notes whether
        the suffix ends an item of a list, opens a word (``opened``) and says the inside."""
        clean, s, e = self.clean, r.s, r.e
        # 民意村、草坝村|规模: an item of a list of villages ends where jieba's words do (not 村规)
        # 石门村|组织党员开展: before a verb the suffix may open with (村组), a name ends there
        r.listed_item = list_item_start(clean, self.taken, s, r.suffix)
        r.opened = not suffix_ok(clean, s, e) and not (r.listed_item is not None and cut_at(clean, e))
        r.inside = r.opened and clean.startswith(inside_words(r.suffix), e)  # 冒水村|里: in the village
        return r.opened and not r.inside and not clean.startswith(name_ends_before(r.suffix), e)

    def _doubled_village_stem(self, r: _Suffix) -> bool:
        """、西村|村, 南村|村: the first 村 of a village named X村 that takes the suffix again is its
        name's own: the next 村 closes the whole name (not before 村民, 村委会, which it opens)."""
        clean, s, e = self.clean, r.s, r.e
        return suffix_ok(clean, e, e + 1) and doubled_village_at_cut(clean, s - 1, e + 1)

    def _bound_stem(self, r: _Suffix) -> None:
        """How far back the stem may run (``floor``: the end of the last place read near, else the
        text's start), the place of the same kind it runs on (空港新城|起步区), and whether the
        common-noun test alone decides the reading (``common_noun_only``)."""
        clean, s, e, level, hits = self.clean, r.s, r.e, r.level, self.hits
        low = max(0, s - self.max_stem - 4)
        floor = self.taken.after_last(low, s)
        if floor == low and low > 0 and not self.taken.hits(low - 1, low):
            floor = 0  # no place and no text start near: the name needs a boundary word
        r.floor = floor
        if level in ("zone", "compound"):
            before = (*hits[-1:], self.chain_ends.get(s))
            # 花园口镇家属院: a staff compound named after the township whose staff live there
            owners = (level, "township") if r.suffix in staff_compounds() else (level,)
            r.runs_on = [h for h in before if h is not None and h.level in owners and h.end == s]
        else:
            r.runs_on = []
        # Not for an item of a list, a name run on from the place before it, a village after a
        # township found before it, nor one a known name ends (whose start the reading moves back to it).
        r.common_noun_only = (
            r.listed_item is None
            and not r.runs_on
            and not (
                hits and hits[-1].level == "township" and hits[-1].end >= floor and level in ("village", "community")
            )
            and not clean.endswith(self.known_names(), 0, e)
        )

    def _common_noun_tail(self, r: _Suffix) -> bool:
        """改造老旧小区, 发展农村: the stem's last two characters and the suffix make a common noun of any
        name ending with them: wherever the name would be read to start, no record comes of it, so
        its stem is not read (not for a township, which the table may hold: 东城乡). The suffix is
        left unsure, which is asked only if a known name ends there (the floor is kept for that).
        Only a tail with a common noun's fragment starting in those two characters can be one
        (looked for first: most tails are new to the answers kept)."""
        clean, s, e = self.clean, r.s, r.e
        if (
            r.common_noun_only
            and r.level != "township"
            and not r.opened
            and s >= 2
            and (generic_pattern().match(clean, s - 2, e) or generic_pattern().match(clean, s - 1, e))
            and generic_whatever_before(clean[s - 2 : e])
        ):
            self.unsure.append((s, e, r.level, r.floor))
            return True
        return False

    def _stem_found(self, r: _Suffix) -> bool:
        """Where the stem starts and the word before it: at the nearest word boundary, a township's
        name of the table, the list item's start, the end of the township the village is written
        after, or of a verb of works (硬化|莆明村), past a dispatch's 电 (3月1日电 新民村). Without one
        the suffix is left unsure."""
        clean, s, e, level, floor = self.clean, r.s, r.e, r.level, r.floor
        found = stem_start(clean, s, floor, r.suffix)
        if level == "township":
            found = township_name_start(clean, floor, e, found)
        if r.listed_item is not None:
            found = (r.listed_item, "、")
        elif village_after_township(clean, self.hits, floor, s, e, level):
            found = (floor, clean[floor - 1])  # 雁门口镇|义和村, 某镇|原隆村: the whole stem is the village's
        verb = after_works_verb(clean, floor, s) if level in WORKS_LEVELS else None
        if verb is not None and (found is None or found[0] < verb[1]):
            r.works = verb[1]
            found = (r.works, clean[verb[0] : r.works])  # 硬化|莆明村: the verb is not the name's
        if found is None:
            self.unsure.append((s, e, level, None))
            return False
        start, before = found
        # 3月1日电 新民村: a dispatch's 电 after its date, then a space (not 5月2日电厂新村)
        dispatch = clean[start - 1 : start] in after_date() and clean[start : start + 1] in dateline_marks()
        if dispatch and self.doc.joined_at(start + 1):
            start, before = start + 1, clean[start]
        r.start, r.before = start, before
        return True

    def _no_name_read(self, r: _Suffix) -> bool:
        """The stem read is no name (加强|村组织, 商量|村里, ，小区, 特困人员 / 镇): the suffix is left unsure
        or dropped."""
        clean, s, e, start = self.clean, r.s, r.e, r.start
        if r.opened and (s - start > _OPENED_STEM or after_last_verb(clean, start, s, NOT_NAME_TAGS) > start):
            # 加强|村组织, 建强基层|村组织: no name; 达桑村 if named elsewhere
            self.unsure.append((s, e, r.level, None))
            return True
        hits = self.hits
        if (
            r.inside
            and not (hits and hits[-1].level == "township" and hits[-1].end == start)
            and not stem_reads_as_name(clean[start:s])
        ):
            self.unsure.append((s, e, r.level, None))  # 商量|村里, 小山|村里: no name; 石门村 if named elsewhere
            return True
        # ，小区, 全镇, 城乡: the reading below only moves the start on, and no name starts there (asked
        # of a stem of one character at most, whose few names repeat from article to article)
        if r.common_noun_only and s - start <= 1 and no_name_within(clean[start:e], r.level):
            return True
        # 特困人员 / 镇: a suffix opening its line after a line of other words is no name's
        return (
            self.doc.line_starts_at(s)
            and s - start > _WRAPPED_STEM
            and word_tag(clean[start:s])[:2] not in ("ns", "nz", "nr")
            and not gazetteer.is_township(clean[start:e])
        )

    def _cut_words_before(self, r: _Suffix) -> None:
        """Move the start past what opens the stem but is not the name's: a line of its own above a
        township (部门动态 / 角杯乡), a name in apposition, a pronoun's verb (他|去|石门村) or a verb
        after a verb of going (走进社区察看|锦绣花园小区); notes an arrival and an employer's estate."""
        clean, s = self.clean, r.s
        line = self.doc.last_line_start(r.start + 1, s) if r.level in BELOW and s - r.start > 1 else None
        if line is not None:
            r.start, r.before = line, ""  # 部门动态 / 角杯乡: a township starts on its own line
        r.apposed = apposed_start(clean, r.start, s, r.suffix)
        if r.apposed is not None:
            r.start, r.before = r.apposed, clean[r.apposed - 1]
        r.arrival = after_arrival(clean, r.start)
        pronoun = len(r.before) == 1 and is_han(r.before) and word_tag(r.before) == "r"  # (no pronoun is a mark)
        if pronoun and (verb_end := after_pronoun(clean, r.start, s)) > r.start:
            # 他|去|石门村, 我|去|阳光小区: a pronoun's verb opens the name as 来到 does
            r.start, r.before, r.arrival = verb_end, clean[r.start : verb_end], True
        opening = clean.startswith(determiners(), r.start)  # (one call for them all: most stems open with none)
        determiner = next((w for w in determiners() if clean.startswith(w, r.start)), None) if opening else None
        if determiner is not None and s - r.start - len(determiner) >= 2:
            r.start, r.before = r.start + len(determiner), determiner  # 另一处|长虹社区: no part of the name
        r.staff = r.suffix in staff_compounds()  # 运城供电公司家属院: an employer's name, whatever its words
        if r.arrival and not r.staff and r.start < (verb_end := after_last_verb(clean, r.start, s)) <= s - 2:
            # 走进社区察看|锦绣花园小区: the verb of going's next verb ends the stem (前进村 is one verb)
            r.start, r.before = verb_end, clean[r.start : verb_end]

    def _runs_on_name(self, r: _Suffix) -> bool:
        """The suffix runs the place before it on, one record: a second suffix of the same kind
        (空港新城起步区, 阳光家园小区) or a numbered village after its township (珍秦镇十一村)."""
        clean, s, e = self.clean, r.s, r.e
        if r.runs_on:
            r.runs_on[0].end, r.runs_on[0].level = e, r.level
            if r.runs_on[0].full_name is not None:
                r.runs_on[0].full_name += clean[s:e]
            self.taken.mark(s, e)
            return True
        hits = self.hits
        if numbered_after_township(clean, hits, r.floor, s, e, r.level):
            hits[-1].end, hits[-1].level = e, r.level  # 珍秦镇十一村, 兴坪镇渔村: one record
            self.taken.mark(r.floor, e)
            self.known.add(clean[r.floor : e])
            return True
        return False

    def _trim_stem(self, r: _Suffix) -> None:
        """Whether the stem's start is clear (a works verb, an apposition, a line's start, a mark or
        a space before it), and the start moved past the words that open the stem but are not the
        name's: a character closing the word before, conjunctions and verbs, a verb of going; a
        township of the table (``tabled``) keeps them."""
        clean, s, e, before = self.clean, r.s, r.e, r.before
        # 本报讯 新民村: a boundary word, then a space the clean view removed, opens the name clearly
        r.clear = (
            r.works is not None
            or r.apposed is not None
            or self.doc.line_starts_at(r.start)
            or (before != "" and (not CJK_CHAR.match(before) or self.doc.joined_at(r.start)))
        )
        if word := word_into_stem(clean, r.start, s):
            r.start, r.before = r.start + 1, word  # 驻地|北庄村: the stem's first character closes the word before it
        # 还地桥镇: a township of the table keeps the character that would read as an adverb (还)
        r.tabled = r.level == "township" and gazetteer.is_township(clean[r.start : e])
        opening = None if r.tabled else strip_opening_word(clean, r.start, s)
        while opening is not None:  # 并|打通|东部新区: a conjunction, then a verb
            r.start, r.before = opening
            opening = strip_opening_word(clean, r.start, s)
        if not r.tabled and (going := after_going(clean, r.start, s)) > r.start:
            r.start, r.before = going, clean[going - 1]  # 近千人来|群丰村: a verb of going inside the stem

    def _start_at_known_name(self, r: _Suffix) -> None:
        """我们接官亭村 once 接官亭村 is named: the name the cuts shortened is read whole; 10人安身水南村
        once 水南村 is named: a verb before the known name ends the words before it. Notes whether
        the name read is one the article has written (``named``)."""
        clean, e, known, names = self.clean, r.e, self.known, self.known_names()
        # (one str.endswith of them all first: most places end no known name)
        endings = [name for name in known if clean.endswith(name, 0, e)] if clean.endswith(names, 0, e) else []
        whole = _longest(endings, range(min(e - r.floor, _KNOWN_REACH), e - r.start, -1)) if endings else ""
        inner = "" if whole or not endings else _longest(endings, range(e - r.start - 1, 1, -1))
        if whole:
            r.start, r.before = e - len(whole), clean[e - len(whole) - 1 : e - len(whole)]
        elif inner and word_tag(clean[e - len(inner) - 2 : e - len(inner)]) == "v":
            r.start, r.before = e - len(inner), clean[e - len(inner) - 2 : e - len(inner)]
        elif inner and (word := word_before_known(clean, r.start, e - len(inner))):
            r.start, r.before = e - len(inner), word  # 听说去|逢留村, 回到老家|三宝彝族乡 once the name is written
        # 其那村 once 那良镇其那村 is named: a name the article has written is one, whatever words its
        # stem's characters make alone (其那 reads as two pronouns)
        r.named = clean[r.start : e] in known

    def _short_name_after_verb(self, r: _Suffix) -> bool:
        """Reports put a township or zone straight after a verb (推进水东镇建设, 推进三岔湖特色小镇建设):
        a short stem that holds no other suffix (撤乡并镇) is a name there, its start clear."""
        length = r.s - r.start
        # 走访了南村|村: the village's own 村 before the suffix is no other suffix in the stem
        stem_end = r.s - 1 if self.clean.startswith(DOUBLED_VILLAGE, r.s - 1) else r.s
        # (the opener's tag is looked up only for a short stem)
        return (
            (r.level in BELOW or r.level == "zone")
            and length <= 4
            and (opener := word_tag(r.before)[:2]) in _OPENER_TAGS
            and length <= (3 if opener.startswith("v") else 4)
            # 合并为新苑村: a weak estate suffix (苑) in the stem is the name's own
            and not any(
                x.group() not in weak_estate()["words"]
                for x in suffix_pattern().finditer(self.clean, r.start, stem_end)
            )
        )

    def _common_noun_reading(self, r: _Suffix) -> bool:
        """The name read is a common noun (农村, 老旧小区, 示范小城镇), not one the article has written
        nor a village a place word or a hamlet names."""
        clean, start, s, e, level, before = self.clean, r.start, r.s, r.e, r.level, r.before
        clear_start = r.clear or before in strong_before() or r.arrival or doubled_village_at_cut(clean, start, e)
        generic = (
            is_generic(clean[start:e], clear_start=clear_start)
            if r.listed_item is None or s - start > 1
            else bool(generic_pattern().search(clean, start, e))
        )
        return (
            generic
            and not r.named
            and not place_word_village(clean, self.hits, start, s, e, level)
            and not village_over_hamlet(clean, self.hits, start, e, level)
            # 示范小城镇: after a common noun's modifier the table's 小城镇 is the common noun
            and not (
                table_township(clean[start:e], level, listed=in_list(clean, start, e))
                and not generic_pattern().fullmatch(before)
            )
        )

    def _stem_vetoed(self, r: _Suffix) -> bool:
        """The stem's words make it no name: a verb, a clause's opener, a count, a slogan, a post, a
        level's phrase, a body's name or a school's (城关镇|二小) it opens, a hidden name (南某村)."""
        clean, start, s, e, level, suffix = self.clean, r.start, r.s, r.e, r.level, r.suffix
        stem, tabled, named = clean[start:s], r.tabled, r.named
        return (
            after_suffix(clean, s, suffix)
            or liaison_office(r.before, suffix)
            or (
                word_tag(stem)[:1] in not_stem_tags(clean, e, listed=r.listed_item is not None)
                and not gazetteer.is_township(clean[start:e])
                and not named
            )
            or (verb_takes_place(stem) and not tabled)
            or (level in WORKS_LEVELS and not named and verb_stem(stem))
            or (clause_opener(stem) and not tabled and not named)
            or (runs_clause_on(clean, start, s) and not named)
            or (counted_stem(clean, start, s) and not tabled and not named)
            or (level in ("village", "township") and clause_verb(stem) and not tabled and not named)
            or (level == "township" and not tabled and not named and verb_before_paired_levels(clean, start, s, e))
            or (slogan(stem) and not tabled)
            or ((slogan_half(clean, s) or stem.endswith(people_qualifiers())) and not tabled and not named)
            or (person_then_verb(stem) and not tabled)
            or (level in WORKS_LEVELS and not named and quantity_stem(stem))
            or (level in WORKS_LEVELS and not named and verb_after_subject(clean, r.floor, start, s))
            or (level in WORKS_LEVELS and not named and idiom_across_suffix(clean, s, e))
            or (level in BELOW and not tabled and not named and predicate_verb(clean, start, s, e, r.before))
            or (not tabled and not named and boundary_splits_word(clean, start, r.floor))
            # 感受|山乡, 走进|水乡: a verb, then one character before a township's suffix: the countryside
            or (level == "township" and not tabled and s - start > 2 and after_last_verb(clean, start, s) == s - 1)
            or (
                level in ("community", "compound")
                and not in_list(clean, start, e)  # 公路局安居小区、军缘小区: an item of a list is a name
                and not r.staff
                and verb_after_word(stem)
            )
            or (level == "township" and not named and suffix_in_common_noun(clean, s, e))
            or level_phrase(clean, start, s)
            or positions_around(clean, s, e)
            or township_body(clean, start, s, suffix)
            # 居委会主任社区书记: a post before the community's word opens another post, no name
            or (level == "community" and stem.endswith(post_words()))
            or closes_list(clean, start, s)
            or (function_stem(stem) and not tabled and not named)
            or (built_kind(clean, start, s) and not tabled and not named)
            or self.taken.hits(start, e)
            or opens_org(clean, e, start)
            or opens_school(clean, e)  # 城关镇|二小
            or ANONYMISED in stem  # 南某村: a hidden name
        )

    def _clear_boundary(self, r: _Suffix) -> bool:
        """The name starts at a boundary clear enough for its level: a zone's short name, an estate
        listed, chained or named after a verb, any other place after a strong word, a heading, an
        arrival or at its floor (or a township the table holds where jieba's words end)."""
        clean, start, s, e, before = self.clean, r.start, r.s, r.e, r.before
        if r.level == "zone":
            # A zone with a name of its own (伊滨经开区, 西咸新区): a short name at a clear boundary.
            ok = _ZONE_STEM[0] <= s - start <= _ZONE_STEM[1] and (
                r.clear or before in strong_before() or r.arrival or start == r.floor
            )
            # 这里是人参特色小镇: a product alone before the zone's word names its kind, not the zone
            return ok and clean[start:s] not in products()
        if r.level == "compound":
            return self._estate_boundary_clear(r)
        ok = r.clear or before in strong_before() or r.arrival or start == r.floor
        ok = ok or before in strong_words() or before in headings() or before in words_into_stem()
        ok = ok or clean.endswith(determiners(), 0, start)
        # 使|长坪瑶族乡, 落户|园洲镇: a township the table holds starts where jieba's words end
        # (not in 其|中城镇人口, where 其中 runs across)
        return ok or (r.tabled and e - start >= TABLE_NAME_MIN and cut_at(clean, start))

    def _estate_boundary_clear(self, r: _Suffix) -> bool:
        """An estate's name starts clearly: at a clear boundary, as an item of a list, after 和 and
        the place before, straight after its township (城关镇富民小区) or a chain, after a strong word
        or an arrival; with a weak suffix (苑) only where estates are named around it."""
        clean, start, s, e, before, hits = self.clean, r.start, r.s, r.e, r.before, self.hits
        listed = clean[start - 1 : start] in _LIST_MARKS or clean[e : e + 1] in _LIST_MARKS
        follows = bool(hits) and hits[-1].end == start - 1 and before in ("和", "及", "与")
        # 城关镇富民小区: an estate written straight after its township, one chain
        chained = (bool(hits) and hits[-1].end == start and hits[-1].level in BELOW) or start in self.chain_ends
        # (离石区|新建小区: a verb there is the clause's, unless estates are named after it: 离石区安居小区)
        named_after_verb = clean[start:s] in estate_naming_verbs()
        chained = chained and (named_after_verb or after_last_verb(clean, start, s) == start)
        # 我市|十二中家属院: a reference to a place before the estate places it, as a chain does
        referred = before in _reference_words()
        ok = r.clear or listed or follows or chained or referred or before in strong_before() or r.arrival
        ok = ok or clean.endswith(determiners(), 0, start)
        return ok and (r.suffix not in weak_estate()["words"] or estate_named(clean, hits, start, e))

    def _record(self, r: _Suffix) -> None:
        """Keep the place read: as an estate where estates are named around it, with its numbered
        part (幸福家园三区); run on the chain or the place written straight before it, or a record
        of its own; its name known from now on."""
        clean, start, e, level, hits = self.clean, r.start, r.e, r.level, self.hits
        if (level == "zone" or (level == "village" and estate_village(clean, start, e))) and among_compounds(
            clean, hits, start, e
        ):
            level = "compound"  # 嘉州花园、金港新区等小区, 西林小区、沁园新村: an estate named like a zone or village
        if (level == "compound" or estate_village(clean, start, e)) and (part := ESTATE_PART.match(clean, e)):
            # 幸福家园三区, 滨江花园二期: the estate's numbered part is one record with it; a 新村 with
            # a numbered part is a town's estate (银杏新村四区), not a village (东坪村二期: its project)
            level, e = "compound", part.end()
        if level == "compound" and start in self.chain_ends and not self.doc.joined_at(start):
            chain = self.chain_ends.pop(start)
            if chain.full_name is not None:
                chain.full_name += clean[start:e]
            if chain.below_start is None:
                chain.below_start = start  # the county it names seats the article's other places
            chain.end, chain.level = e, level
            self.chain_ends[e] = chain
            self.taken.mark(start, e)
            self.known.add(clean[start:e])
            return
        # 杏花村西堡村: written together, one record; a township after a village or community
        # (团结社区|二道桥镇) is the next place of a list, for a chain runs down, never up
        if hits and hits[-1].end == start and not self.doc.joined_at(start) and runs_down(hits[-1].level, level):
            hits[-1].end, hits[-1].level = e, level
        else:
            hits.append(Hit(start, e, level, rule="below_county"))
        self.taken.mark(start, e)
        self.known.update((clean[start:e], last_part(clean[hits[-1].start : e])))

    def settle_unsure(self) -> None:
        """A name met once at a clear boundary is recognised where a suffix was left unsure (推广|
        军缘小区): the longest known name ending there, if no place is read there and no stem could
        be read from the floor kept."""
        clean, taken = self.clean, self.taken
        known_names = self.known_names()
        for s, e, level, unread_floor in self.unsure:
            if not clean.endswith(known_names, 0, e):
                continue  # most: no known name ends there (one str.endswith of them all)
            names = [k for k in known_names if clean.endswith(k, 0, e) and len(k) > e - s]
            if (
                names
                and not taken.hits(s, e)
                and (unread_floor is None or stem_start(clean, s, unread_floor, clean[s:e]) is None)
            ):
                name = max(names, key=len)
                self.hits.append(Hit(e - len(name), e, level, rule="known_name"))
                taken.mark(e - len(name), e)


def below_county_hits(doc: Document, taken: Mask, blocked: Mask, chains: list[Hit]) -> list[Hit]:
    """Townships, villages, communities and compounds named by their suffix, outside any division
    chain; the places ``chains`` name below their county (霍城县|兰干乡兰干村) are known names."""
    scan = _BelowScan(doc, taken, chains)
    levels = word_lists()["suffixes"]
    read, in_taken, in_blocked = scan.read, taken.hits, blocked.hits
    for m in suffix_pattern().finditer(doc.clean):
        s, e = m.span()
        if not in_taken(s, e) and not in_blocked(s, e):
            suffix = m.group(0)
            read(_Suffix(s, e, suffix, levels[suffix]))
    scan.settle_unsure()
    hits = scan.hits
    hits += bare_listed_villages(doc.clean, hits, taken)
    return sorted(hits, key=lambda h: h.start)


# Divisions an estate's name may be written straight after, one chain with it (郑州市金地小区).
_ESTATE_HEADS = frozenset(("city", "county"))


# The longest name looked up among the names the article has met (a village with its township).
_KNOWN_REACH = 16


def _longest(names: list[str], lengths: range) -> str:
    """The longest of ``names`` whose length is one of ``lengths``, else "". The names are those met
    before that end where a candidate does (the few names met are tested, not a slice of the text
    at every length)."""
    return max((name for name in names if len(name) in lengths), key=len, default="")
