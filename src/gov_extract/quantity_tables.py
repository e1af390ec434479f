"""The unit surfaces and word lists of amounts, read once from ``patterns/units.toml`` and
``patterns/quantity_words.toml``: what each surface after a numeral means (unit, currency,
percentage, scale) and the qualifier, ordinal, idiom and slogan words the rules ask about.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Any, Literal, cast, get_args

import regex

from .records import Dimension
from .resources import WordEnds, alternation, read_toml, words_pattern


@dataclass(frozen=True, slots=True)
class Unit:
    """One surface's reading: what record it makes and how its value is scaled."""

    record: str  # "quantity", "money" or "percentage"
    unit: str = ""
    dimension: Dimension = "count"
    currency: str = "CNY"
    kind: Literal["percent", "point"] = "percent"
    scale: Decimal = Decimal(1)
    needs_qualifier: bool = False
    needs_cue: str | None = None
    above: Decimal | None = None  # with followers: a reading for numbers above this, after a
    followers: tuple[str, ...] = ()  # qualifier, or before one of these words (90日, 不到25日, 15日内)
    divided: bool = False  # a verb of dividing right before the number stands for the cue (分3期实施)


@dataclass(frozen=True, slots=True)
class Tables:
    surfaces: dict[str, tuple[Unit, ...]]
    # Every surface, blocked (not_units) and reopened word: its units (None for no surface), whether
    # it is blocked and whether it reopens (one lookup per cut of the text, not three).
    unit_words: dict[str, tuple[tuple[Unit, ...] | None, bool, bool]]
    longest: int
    first_chars: frozenset[str]
    # The lengths of the surface, blocked and reopened words starting with each first character of a
    # surface, longest first: the only slices unit_at need look up.
    word_lengths: dict[str, tuple[int, ...]]
    word_openers: frozenset[str]  # surfaces that are no unit where they open a longer word (双职工)
    # Surfaces that are no unit where their last character opens a word (3个人员: 个 + 人员).
    last_word_openers: frozenset[str]
    # Surfaces that are no unit before what these match (个亿|元项目, 个亿|元以上产业项目: the
    # counted noun's own words in the group ``gap``).
    not_before: dict[str, regex.Pattern[str]]
    cues: dict[str, tuple[str, ...]]
    clause_cues: frozenset[str]  # cues whose words must stand in the same clause
    prefix_qualifiers: dict[str, str]
    prefix_qualifier_words: WordEnds
    particle_qualifier_words: dict[str, WordEnds]  # 了: 超过 of 超过了1000斤; 有: 约 of 约有200户
    qualifier_negations: WordEnds  # 不得 of 不得超过50人: the strict bound after it turns inclusive
    negated_qualifiers: dict[str, str]  # more_than: at_most, less_than: at_least
    coordinated_not_before: tuple[str, ...]  # 都 of 一个都不能少
    round_mark_qualifiers: dict[str, str]  # 过, 破: qualifiers before a bare multiplier (过亿)
    round_chars: frozenset[str]
    round_marks: frozenset[str]  # a bare multiplier after 过 holds one of these (过千万, not 过百年)
    suffix_qualifiers: dict[str, str]
    not_qualifiers: WordEnds
    comparative_qualifiers: frozenset[str]
    comparison_markers: tuple[str, ...]
    suffix_qualifier_starts: frozenset[str]
    bound_before_verb: regex.Pattern[str]
    bound_window: int
    bound_openings: re.Pattern[str]  # any of the first characters of the bound words
    bound_words: re.Pattern[str]
    sentence_qualifiers: re.Pattern[str]
    estimate_windows: WordEnds
    estimate_compared: WordEnds
    estimate_premises: WordEnds
    estimate_changes: tuple[str, ...]  # 、增长9%: a rate of change parted from the value before it
    estimate_clause_verbs: tuple[str, ...]  # ，产值达30万元: a clause of its own after an estimate
    estimate_modals: tuple[str, ...]  # ，局部可达80毫米: a modal before the verb, the estimate goes on
    estimate_modal_verbs: tuple[str, ...]  # the verbs of reaching a modal keeps in the estimate (达, 突破)
    not_amount_prefixes: WordEnds
    device_prefixes: WordEnds  # code words that count devices before their classifier (电话77部)
    device_units: frozenset[str]
    ordinal_followers: dict[str, tuple[str, ...]]
    ordinal_followers_counted: WordEnds  # 召开 of 召开3次会议: the follower counts there
    counted_meetings: tuple[str, ...]  # 会议 of 召开3次会议: the followers a holding verb counts
    designation_numeral: re.Pattern[str]  # the digits of a unit's designation (63710 of 63710部队)
    designation_followers: dict[str, tuple[str, ...]]  # classifier: what follows it in one (部: 队)
    plan_name: regex.Pattern[str]  # a plan word a few characters on (三年专项整治)
    class_followers: frozenset[str]
    rate_prefix: str
    slogan_followers: tuple[str, ...]
    slogan_list_units: frozenset[str]
    numbered_place_units: frozenset[str]
    building_units: frozenset[str]
    year_before_units: frozenset[str]  # 省: no count of them has a year's four digits
    building_place_words: tuple[str, ...]
    digit_named_units: frozenset[str]  # 村 of 库木西力克乡7村: a village named by its number
    township_endings: frozenset[str]
    whole_area_words: frozenset[str]  # 全 of 全乡27村: the count of a township's villages
    slogan_list_unquoted: int  # items a slogan list has when no quotation mark opens it
    slogan_place_followers: tuple[str, ...]  # 建设 of 五个新晃建设
    slogan_list_before: regex.Pattern[str]  # the items of a slogan list before a count (一个中心、)
    slogan_list_item_tail: regex.Pattern[str]  # the noun after a count that ends a list item
    slogan_list_after: regex.Pattern[str]  # the items after it (、五个重点)
    money_nouns: tuple[str, ...]
    money_heads: WordEnds
    money_links: WordEnds  # a linking verb between a word of money and its amount (收入达5万)
    lost_percent_words: WordEnds  # growth words before a rate whose % was lost (同比增长18.3;)
    lost_percent_ends: frozenset[str]
    indicator_acronyms: tuple[str, ...]
    cheng_blockers: frozenset[str]
    list_prefix_surfaces: frozenset[str]  # surfaces that start a longer one (个 of 个百分点)
    yi_counted_dimensions: frozenset[str]  # 一 before a unit of these is no article (一亩)
    yi_counted_not_after: str  # ... unless one of these stands before it (每一亩)
    yi_position_units: frozenset[str]  # a range from 一 of these before a copula lists positions
    yi_position_copulas: tuple[str, ...]  # (一至三层为商铺)
    duration_span_before: WordEnds
    duration_span_after: tuple[str, ...]
    scale_numerals: frozenset[str]
    versus_units: frozenset[str]
    shang_words: WordEnds
    extreme_words: WordEnds
    rank_prefixes: WordEnds
    not_rank_prefixes: WordEnds
    rank_units: frozenset[str]
    grade_units: dict[str, Decimal]  # classifier: the largest value it grades
    graded_nouns: tuple[str, ...]  # 区 of 划分为3类区: after a dividing verb, still a grade
    grade_count_numerals: frozenset[str]  # 两 of 两期工程: a count, never a grade
    dividing_verbs: WordEnds  # 分 of 分3期实施: the parts a verb of dividing counts
    currency_prefixes: WordEnds  # the currency words written before a number
    currency_codes: dict[str, str]
    below_zero: str
    percent_words: dict[str, Decimal]  # 百分之, 千分之, 万分之: what each scales to percent
    percent_word_tail: WordEnds
    hundred_percent: str
    vague_prefixes: frozenset[str]
    after_loose_suffix: frozenset[str]
    loose_suffixes: frozenset[str]  # trailing qualifiers of more than one character that are loose (有余)
    half_units: re.Pattern[str]  # 半 before a unit it halves (半小时, 半个月, 半亩)
    standalone_halves: frozenset[str]
    half_not_before: frozenset[str]
    half_not_after: frozenset[str]


def _dimension(value: str) -> Dimension:
    """A dimension named in units.toml, checked against the record contract."""
    if value not in get_args(Dimension):
        raise ValueError(f"units.toml: unknown dimension {value!r}")
    return cast(Dimension, value)


def _kind(value: str) -> Literal["percent", "point"]:
    if value not in ("percent", "point"):
        raise ValueError(f"units.toml: unknown percentage kind {value!r}")
    return cast(Literal["percent", "point"], value)


def _by_qualifier(table: dict[str, list[str]]) -> dict[str, str]:
    return {word: qualifier for qualifier, words in table.items() for word in words}


@cache
def tables() -> Tables:
    """The unit surfaces and word lists, read once per process."""
    units: dict[str, Any] = read_toml("units.toml")
    words: dict[str, Any] = read_toml("quantity_words.toml")
    bounds = words["bound_before_verb"]
    surfaces: dict[str, list[Unit]] = {}
    for entry in units["unit"]:
        unit = Unit("quantity", entry["unit"], _dimension(entry["dimension"]), needs_cue=entry.get("needs_cue"))
        for surface in entry["surfaces"]:
            surfaces.setdefault(surface, []).append(unit)
    for entry in units["contextual"]:
        unit = Unit(
            "quantity",
            entry["unit"],
            _dimension(entry["dimension"]),
            needs_qualifier=entry.get("needs_qualifier", False),
            needs_cue=entry.get("needs_cue"),
            above=Decimal(entry["above"]) if "above" in entry else None,
            followers=tuple(entry.get("followers", ())),
            divided=entry.get("divided", False),
        )
        # A reading that its context licenses is tried before the plain one (位 is a rank
        # after 前移, else people).
        surfaces.setdefault(entry["surface"], []).insert(0, unit)
    for entry in units["currency"]:
        for surface in entry["surfaces"]:
            surfaces.setdefault(surface, []).append(Unit("money", currency=entry["code"]))
    not_before: dict[str, regex.Pattern[str]] = {}
    for entry in units["money_multiplier"]:
        for surface in entry["surfaces"]:
            unit = Unit(
                "money", currency=entry["code"], scale=Decimal(str(entry["scale"])), needs_cue=entry.get("needs_cue")
            )
            surfaces.setdefault(surface, []).append(unit)
            if "not_before" in entry:
                classed = (
                    rf"|(?:{alternation(entry['size_classes'])})的?(?P<gap>\p{{Han}}{{0,{entry['counted_gap']}}}?)"
                    rf"(?:{alternation(entry['counted_nouns'])})"
                    if "size_classes" in entry
                    else ""
                )
                not_before[surface] = regex.compile(rf"(?:{alternation(entry['not_before'])}){classed}")
    for entry in units["money_contextual"]:
        unit = Unit("money", currency=entry["code"], needs_cue=entry["needs_cue"])
        surfaces.setdefault(entry["surface"], []).insert(0, unit)
    for entry in units["percent"]:
        unit = Unit("percentage", kind=_kind(entry["kind"]), scale=Decimal(str(entry["scale"])))
        surfaces.setdefault(entry["surface"], []).append(unit)
    # 半个月, 半个小时: 个 may stand between the half and a unit where 个 + unit is a surface.
    half_surfaces = [w for unit in words["halves"]["units"] for w in (unit, "个" + unit) if w in surfaces]
    slogan_classifiers = alternation(words["slogan_lists"]["classifiers"])
    slogan_noun = words["slogan_lists"]["noun_max"]
    slogan_item_end = "(?=[、，。；：”’」』\\s]|\\Z)"
    blocked = frozenset(units["not_units"]["words"])
    reopened = frozenset(units["reopened"]["words"])
    longest = max(len(w) for w in [*surfaces, *blocked])
    first_chars = frozenset(w[0] for w in surfaces)
    word_lengths = {
        first: tuple(sorted({len(w) for w in (*surfaces, *blocked, *reopened) if w[0] == first and len(w) <= longest}))[
            ::-1
        ]
        for first in first_chars
    }
    prefix_qualifiers = _by_qualifier(words["prefix_qualifiers"])
    currency_codes = {word: entry["code"] for entry in units["currency"] for word in entry.get("prefixes", [])}
    unit_words = {
        word: (tuple(surfaces[word]) if word in surfaces else None, word in blocked, word in reopened)
        for word in (*surfaces, *blocked, *reopened)
    }
    return Tables(
        surfaces={k: tuple(v) for k, v in surfaces.items()},
        unit_words=unit_words,
        longest=longest,
        first_chars=first_chars,
        word_lengths=word_lengths,
        word_openers=frozenset(s for entry in units["unit"] if entry.get("opens_no_word") for s in entry["surfaces"]),
        last_word_openers=frozenset(
            s for entry in units["unit"] if entry.get("last_opens_no_word") for s in entry["surfaces"]
        ),
        not_before=not_before,
        cues={k: tuple(v) for k, v in (units["cues"] | units["clause_cues"]).items()},
        clause_cues=frozenset(units["clause_cues"]),
        prefix_qualifiers=prefix_qualifiers,
        prefix_qualifier_words=WordEnds(prefix_qualifiers),
        particle_qualifier_words={
            particle: WordEnds(listed) for particle, listed in words["particle_qualifiers"].items()
        },
        qualifier_negations=WordEnds(words["negated_qualifiers"]["negations"]),
        negated_qualifiers={k: v for k, v in words["negated_qualifiers"].items() if k != "negations"},
        coordinated_not_before=tuple(words["coordinated_counts"]["not_before"]),
        round_mark_qualifiers=_by_qualifier(
            {k: v for k, v in words["round_mark_qualifiers"].items() if k not in ("round", "marks")}
        ),
        round_chars=frozenset(words["round_mark_qualifiers"]["round"]),
        round_marks=frozenset(words["round_mark_qualifiers"]["marks"]),
        suffix_qualifiers=_by_qualifier(words["suffix_qualifiers"]),
        not_qualifiers=WordEnds(words["not_qualifiers"]["words"]),
        comparative_qualifiers=frozenset(words["comparative_qualifiers"]["words"]),
        comparison_markers=tuple(words["comparative_qualifiers"]["markers"]),
        suffix_qualifier_starts=frozenset(w[0] for ws in words["suffix_qualifiers"].values() for w in ws),
        bound_before_verb=regex.compile(
            rf"(?:(?P<bound>{alternation(bounds['words'])})(?!{bounds['peak_marks']}(?!{alternation(bounds['peak_mark_not_before'])}))(?:(?!的)\p{{Han}}){{1,{bounds['verb_gap']}}}"
            rf"|(?P<bound>{alternation(bounds['adverbs'])})(?:(?![{bounds['gap_not']}])\p{{Han}}){{1,{bounds['adverb_gap']}}})\Z"
        ),
        bound_words=words_pattern([*bounds["words"], *bounds["adverbs"]]),
        bound_window=max(map(len, [*bounds["words"], *bounds["adverbs"]])) + bounds["adverb_gap"],
        bound_openings=re.compile(
            f"[{re.escape(''.join(sorted({word[0] for word in [*bounds['words'], *bounds['adverbs']]})))}]"
        ),
        sentence_qualifiers=words_pattern(words["sentence_qualifiers"]["approx"]),
        estimate_windows=WordEnds(words["sentence_qualifiers"]["windows"]),
        estimate_compared=WordEnds(words["sentence_qualifiers"]["compared"]),
        estimate_premises=WordEnds(words["sentence_qualifiers"]["premises"]),
        estimate_changes=tuple(words["sentence_qualifiers"]["changes_after_list"]),
        estimate_clause_verbs=tuple(words["sentence_qualifiers"]["clause_verbs"]),
        estimate_modals=tuple(words["sentence_qualifiers"]["clause_modals"]),
        estimate_modal_verbs=tuple(words["sentence_qualifiers"]["clause_modal_verbs"]),
        not_amount_prefixes=WordEnds([*words["ordinal_prefixes"]["words"], *words["code_prefixes"]["words"]]),
        device_prefixes=WordEnds(words["code_prefixes"]["devices"]),
        device_units=frozenset(words["code_prefixes"]["device_units"]),
        ordinal_followers={k: tuple(v) for k, v in words["ordinal_followers"].items()},
        ordinal_followers_counted=WordEnds(words["ordinal_followers_counted"]["after"]),
        counted_meetings=tuple(words["ordinal_followers_counted"]["meetings"]),
        designation_numeral=re.compile(
            rf"\d{{{words['unit_designations']['min_digits']},{words['unit_designations']['max_digits']}}}"
        ),
        designation_followers={k: tuple(v) for k, v in words["unit_designations"]["followers"].items()},
        plan_name=regex.compile(
            rf"(?:(?!的|{alternation(words['plan_followers']['done_verbs'])})\p{{Han}}){{0,{words['plan_followers']['gap']}}}?"
            rf"(?:{alternation(words['plan_followers']['words'])})"
        ),
        class_followers=frozenset(words["class_followers"]["chars"]),
        rate_prefix=words["rate_denominator"]["prefix"],
        slogan_followers=tuple(words["slogan_followers"]["words"]),
        slogan_list_units=frozenset(words["slogan_lists"]["classifiers"]),
        numbered_place_units=frozenset(words["numbered_places"]["units"]),
        building_units=frozenset(words["building_numbers"]["units"]),
        year_before_units=frozenset(words["years_before_units"]["units"]),
        building_place_words=tuple(words["building_numbers"]["place_words"]),
        digit_named_units=frozenset(words["numbered_places"]["digit_named_units"]),
        township_endings=frozenset(words["numbered_places"]["township_endings"]),
        whole_area_words=frozenset(words["numbered_places"]["whole_area_words"]),
        slogan_list_unquoted=words["slogan_lists"]["unquoted_items"],
        slogan_place_followers=tuple(words["slogan_lists"]["place_followers"]),
        slogan_list_before=regex.compile(
            rf"(?:(?P<count>[一二两三四五六七八九十]++)(?:{slogan_classifiers})\p{{Han}}{{1,{slogan_noun}}}?、)+\Z"
        ),
        slogan_list_item_tail=regex.compile(rf"\p{{Han}}{{1,{slogan_noun}}}?{slogan_item_end}"),
        slogan_list_after=regex.compile(
            rf"(?:、(?P<count>[一二两三四五六七八九十]++)(?:{slogan_classifiers})\p{{Han}}{{1,{slogan_noun}}}?{slogan_item_end})*+"
        ),
        money_nouns=tuple(words["money_nouns"]["words"]),
        money_heads=WordEnds(words["money_heads"]["words"]),
        money_links=WordEnds(words["money_heads"]["links"]),
        lost_percent_words=WordEnds(words["lost_percent"]["words"]),
        lost_percent_ends=frozenset(words["lost_percent"]["ends"]),
        indicator_acronyms=tuple(words["indicator_acronyms"]["words"]),
        cheng_blockers=frozenset(words["cheng_blockers"]["words"]),
        list_prefix_surfaces=frozenset(w for w in surfaces if any(o != w and o.startswith(w) for o in surfaces)),
        yi_counted_dimensions=frozenset(words["article_yi"]["counted_dimensions"]),
        yi_counted_not_after=words["article_yi"]["not_after"],
        yi_position_units=frozenset(words["article_yi"]["position_units"]),
        yi_position_copulas=tuple(words["article_yi"]["position_copulas"]),
        duration_span_before=WordEnds(words["stated_durations"]["before"]),
        duration_span_after=tuple(words["stated_durations"]["after"]),
        scale_numerals=frozenset(words["scale_words"]["numerals"]),
        versus_units=frozenset(words["versus_units"]["units"]),
        shang_words=WordEnds(words["words_ending_in_shang"]["words"]),
        extreme_words=WordEnds(words["extreme_words"]["words"]),
        rank_prefixes=WordEnds(words["rank_prefixes"]["words"]),
        not_rank_prefixes=WordEnds(words["rank_prefixes"]["not_words"]),
        rank_units=frozenset(words["rank_prefixes"]["units"]),
        grade_units={unit: Decimal(top) for unit, top in words["grade_classifiers"].items()},
        graded_nouns=tuple(words["grade_counts"]["graded_nouns"]),
        grade_count_numerals=frozenset(words["grade_counts"]["numerals"]),
        dividing_verbs=WordEnds(words["grade_counts"]["dividing_verbs"]),
        currency_prefixes=WordEnds(currency_codes),
        currency_codes=currency_codes,
        below_zero=words["signs"]["below_zero"],
        percent_words={word: Decimal(scale) for word, scale in words["percent_words"].items()},
        percent_word_tail=WordEnds(words["percent_words"]),
        hundred_percent=words["signs"]["hundred_percent"],
        vague_prefixes=frozenset(words["vague_prefixes"]["chars"]),
        after_loose_suffix=frozenset(words["after_loose_suffix"]["chars"]),
        loose_suffixes=frozenset(words["after_loose_suffix"]["words"]),
        half_units=re.compile(f"半(?:{alternation(half_surfaces)})"),
        standalone_halves=frozenset(words["halves"]["standalone"]),
        half_not_before=frozenset(words["halves"]["not_before"]),
        half_not_after=frozenset(words["halves"]["not_after"]),
    )
