"""The text layer: folding, whitespace removal and the clean-to-original offset map."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gov_extract.text import Document, fold

CLEAN_VIEW_CASES = [
    ("惠及 4.6 万户", "惠及4.6万户"),
    ("二氧化碳约 2.46\n吨", "二氧化碳约2.46吨"),
    ("建于 20世纪 80年代", "建于20世纪80年代"),
    ("记者 郑 菲", "记者郑菲"),
    ("资金 20万\n\n元", "资金20万元"),
    ("1000 2000", "1000 2000"),
    ("投资1 2.6亿元", "投资12.6亿元"),
    ("达 1 0 0 %", "达100%"),
    ("图1 2024年", "图1 2024年"),
    ("2023 5 12.6亿元", "2023 5 12.6亿元"),
    ("PP-R PVC", "PP-R PVC"),
    ("２０２４年１２月", "2024年12月"),
    ("占比４５％", "占比45%"),
    ("（记者 李娟）", "(记者李娟)"),
    ("23，15个", "23，15个"),
    ("南寧市賓陽縣", "南宁市宾阳县"),
    # Variant forms pages write, and the radical signs of PDF text layers.
    ("陜西省漢中市青山邨", "陕西省汉中市青山村"),
    ("北京巿⼈⺠政府⻓沙", "北京市人民政府长沙"),
    ("  leading and trailing  ", "  leading and trailing  "),
    ("资金\ud800 2万元", "资金\ufffd2万元"),
    ("", ""),
    # OCR's letters for digits inside a number; codes and formulas keep theirs.
    ("2O17年", "2017年"),
    ("种植4O．5万亩，其中l2万亩", "种植40.5万亩，其中12万亩"),
    ("增加O.6万亩", "增加0.6万亩"),
    ("贮藏2I万吨", "贮藏21万吨"),
    ("亩产16〇公斤", "亩产160公斤"),
    ("第l0版", "第10版"),
    ("H2O和CO2", "H2O和CO2"),
    ("发展O2O模式", "发展O2O模式"),
    ("No.1 Vol.2", "No.1 Vol.2"),
    ("Go1.20", "Go1.20"),
    ("iPhone 15 Pro", "iPhone 15 Pro"),
    ("今年l—6月", "今年1—6月"),
    ("第l次会议", "第1次会议"),
    ("I类水质，O型血，html文件", "I类水质，O型血，html文件"),
    # A letter O or digit 0 for the 〇 of a year in Chinese numerals.
    ("二O一九年五月", "二〇一九年五月"),
    ("二OO八年", "二〇〇八年"),
    ("二0二O年", "二〇二〇年"),
    ("投资二O亿元，统一0.5", "投资二O亿元，统一0.5"),
    # A middle dot or full stop between digits is a decimal point when the number ends in 万, 亿, %, ‰.
    ("达1 5·2万亩", "达15.2万亩"),
    ("突破68。5亿元", "突破68.5亿元"),
    ("增长1 2·3\n%", "增长12.3%"),
    ("成活率9 5。6 %", "成活率95.6%"),
    ("5·12地震", "5·12地震"),
    ("投资3亿元。5月开工", "投资3亿元。5月开工"),
    ("共12。3月起", "共12。3月起"),
    # A hyphen at a line break between Chinese characters goes with the break.
    ("渔民 王 海-\n军 正在", "渔民王海军正在"),
    ("2020-\n2021年", "2020-2021年"),
    ("PP-R\nPVC", "PP-R\nPVC"),
    ("京-\n沪高速", "京沪高速"),
    ("规划-建设", "规划-建设"),
    # A space OCR put after the first decimal, before digits that run into a unit.
    ("总值90.3 6亿元", "总值90.36亿元"),
    ("增长率 12.5 6.8", "增长率12.5 6.8"),
    ("占比12.5 6%", "占比12.5 6%"),
    ("1.5 2014年", "1.5 2014年"),
    # A pinyin gloss a broken page conversion wrote after a character; other brackets stay.
    ("國民經(jīng)濟(jì)和社會發(fā)展", "国民经济和社会发展"),
    ("關（guān）於", "关于"),
    ("附件(1)，(ABC)，(huan)，xiāng(xiāng)", "附件(1)，(ABC)，(huan)，xiāng(xiāng)"),
    # Markup a scraper left: tags, comments and character references; a bare < or & stays.
    ("县委书记&nbsp;王建国", "县委书记王建国"),
    ("投资<b>12.5</b>亿元", "投资12.5亿元"),
    ('在<span style="color:red">石桥镇</span>调研', "在石桥镇调研"),
    ("标题<p>第一段</p>\n<p>第二段<br/>第三行</p>完", "标题第一段第二段第三行完"),
    # A tag parts two numbers as a space does; a tag-like run that is no HTML stays.
    ("比例<td>3</td><td>18%</td>合计", "比例3\n    \n   18%合计"),
    ("当x<b 且 y>0时，A&Bco;", "当x<b且y>0时，A&Bco;"),
    ("阿不都&middot;买买提", "阿不都·买买提"),
    ("&ldquo;十四五&rdquo;&#12288;期间", "“十四五”期间"),
    ("全县<!-- 正文 -->粮食", "全县粮食"),
    ("A&amp;B，R&D", "A&B，R&D"),
    ("3<5，x<y且y>z，<土地法>", "3<5，x<y且y>z，<土地法>"),
    ("王\u200b建\ufeff国", "王建国"),
    # Glosses without tone marks, where an article holds several; a gloss may be written twice.
    ("長(chang)江大橋(qiao)全長約(yue)5公里", "长江大桥全长约5公里"),
    ("0.3個(ge)(ge)百分(fen)點(dian)", "0.3个百分点"),
    ("長(chang)江(gdp)大橋(qiao)約(yue)", "长江(gdp)大桥约"),
    ("用時(min)為5，附件(a)", "用时(min)为5，附件(a)"),
]


@pytest.mark.parametrize(("original", "clean"), CLEAN_VIEW_CASES, ids=[c[0] or "empty" for c in CLEAN_VIEW_CASES])
def test_clean_view(original: str, clean: str) -> None:
    assert Document(original).clean == clean


@pytest.mark.parametrize(
    ("original", "clean_piece", "original_piece"),
    [
        ("惠及 4.6 万户，总投资", "4.6万户", "4.6 万户"),
        ("减少排放约 2.46\n吨。", "2.46吨", "2.46\n吨"),
        ("局长白旭\n\n平说", "白旭平", "白旭\n\n平"),
        ("（记者 郑 菲 通讯员 程全喜）", "程全喜", "程全喜"),
        ("南寧市 賓陽縣", "宾阳县", "賓陽縣"),
        ("ａ １ ２ 万", "1 2万", "１ ２ 万"),
        ("种植4O．5万亩", "40.5万亩", "4O．5万亩"),
        ("产值可达 6 8·5亿元", "68.5亿元", "6 8·5亿元"),
        ("渔民 王 海-\n军 正在", "王海军", "王 海-\n军"),
        ("任命肖世強(qiáng)等", "肖世强", "肖世強"),
        ("國民經(jīng)濟(jì)", "经济", "經(jīng)濟"),
    ],
)
def test_span_maps_back_to_original(original: str, clean_piece: str, original_piece: str) -> None:
    doc = Document(original)
    start = doc.clean.index(clean_piece)
    s, e, text = doc.span(start, start + len(clean_piece))
    assert text == original_piece
    assert original[s:e] == original_piece


def test_span_rejects_out_of_range() -> None:
    doc = Document("abc")
    with pytest.raises(ValueError):
        doc.span(2, 5)
    with pytest.raises(ValueError):
        doc.span(1, 1)


def test_fold_keeps_length() -> None:
    text = "２０２４年，南寧市（测试）"
    assert len(fold(text)) == len(text)


def test_a_removed_gloss_is_no_join() -> None:
    doc = Document("經(jīng)濟 發展")
    assert doc.clean == "经济发展"
    assert [at for at in range(len(doc.clean)) if doc.joined_at(at)] == [2]


def test_markup_is_no_join_but_a_block_tag_ends_a_line() -> None:
    doc = Document("来源<p>阿不都&middot;买买提</p><p>县长&nbsp;王建华</p>完")
    assert doc.clean == "来源阿不都·买买提县长王建华完"
    # Markup that shows as nothing joins nothing (&middot;'s padding); a block tag's line break
    # and the space a page shows (&nbsp;) do.
    assert [at for at in range(len(doc.clean)) if doc.joined_at(at)] == [doc.clean.index(c) for c in "阿县王完"]
    assert doc.line_breaks == frozenset({doc.clean.index("阿"), doc.clean.index("县"), doc.clean.index("完")})
    # A record's text is the original's; a name is written without the markup.
    start = doc.clean.index("阿")
    assert doc.span(start, start + 7)[2] == "阿不都&middot;买买提"
    assert doc.written(start, start + 7) == "阿不都·买买提"
    assert doc.unglossed().plain == "来源\n  阿不都·买买提\n   \n  县长      王建华\n   完"


def test_line_breaks_mark_where_removed_runs_held_a_newline() -> None:
    doc = Document("县长　王建华\n\n各位代表 好")
    assert doc.clean == "县长王建华各位代表好"
    assert doc.line_breaks == frozenset({doc.clean.index("各")})


@pytest.mark.parametrize("original", [text for text, _clean in CLEAN_VIEW_CASES])
def test_original_to_clean_inverts_the_map(original: str) -> None:
    doc = Document(original)
    for i in range(len(doc.clean)):
        assert doc.to_clean(doc.to_original(i)) == i
        # joined_at reports removed whitespace (a block tag's line break, &nbsp;'s spaces), not a
        # removed gloss, zero-width character or markup that shows as nothing.
        removed = doc.folded[doc.to_original(i - 1) + 1 : doc.to_original(i)] if i > 0 else ""
        assert doc.joined_at(i) == any(char.isspace() for char in removed)
    assert doc.to_clean(len(original)) == len(doc.clean)


# Original span -> clean span: whitespace the view removed at either end is left out.
CLEAN_SPAN_CASES = [
    ("记者 郑 菲 报道", (3, 6), "郑菲"),
    ("记者 郑 菲 报道", (2, 7), "郑菲"),
    ("（记者 李娟）", (4, 6), "李娟"),
    ("资金 20万\n\n元", (3, 9), "20万元"),
]


@pytest.mark.parametrize(("original", "span", "clean_piece"), CLEAN_SPAN_CASES)
def test_clean_span(original: str, span: tuple[int, int], clean_piece: str) -> None:
    doc = Document(original)
    start, end = doc.clean_span(*span)
    assert doc.clean[start:end] == clean_piece


@pytest.mark.parametrize(
    ("original", "at", "limit", "end"),
    [
        ("浦市镇：古镇旅游\n来源：浦市镇", 3, 30, 8),
        ("浦市镇：古镇旅游\n来源：浦市镇", 3, 6, 6),
        ("浦市镇：古镇旅游", 3, 30, 8),
        ("叶坪\n镇洋溪村", 0, 30, 2),
    ],
)
def test_line_end(original: str, at: int, limit: int, end: int) -> None:
    assert Document(original).line_end(at, limit) == end


@pytest.mark.parametrize(
    ("original", "at", "limit", "end"),
    [
        ("获奖名单：王五、李四\n下一段", 5, 30, 10),  # a break the view removed
        ("abc\n123", 0, 30, 3),  # a kept newline is no part of the line's text
        ("abc\n123", 4, 30, 7),  # the last line ends at the view's end
        ("名单：\n王五\n李四", 3, 30, 5),
        ("获奖名单：王五、李四\n下一段", 5, 8, 8),  # not looked for past the limit
    ],
)
def test_line_text_end(original: str, at: int, limit: int, end: int) -> None:
    doc = Document(original)
    assert doc.line_text_end(at, min(limit, len(doc.clean))) == end


@pytest.mark.parametrize(
    ("original", "at", "start"),
    [
        ("浦市镇：古镇旅游\n来源：浦市镇", 10, 8),
        ("浦市镇：古镇旅游\n来源：浦市镇", 8, 8),
        ("浦市镇：古镇旅游\n来源：浦市镇", 7, 0),
        ("abc\n123", 5, 4),
        ("abc\n123", 2, 0),
    ],
)
def test_line_start(original: str, at: int, start: int) -> None:
    assert Document(original).line_start(at) == start


@pytest.mark.parametrize(
    ("original", "starts"),
    [
        ("兴县\n答好驻村", [0, 2]),
        ("兴县 答好驻村", [0]),
        ("abc\n123", [0, 4]),
        ("第一行\r\n  第二行", [0, 3]),
    ],
)
def test_line_starts_at(original: str, starts: list[int]) -> None:
    doc = Document(original)
    assert [i for i in range(len(doc.clean)) if doc.line_starts_at(i)] == starts


# Characters the clean view treats specially: whitespace, the OCR digit letters and points, hyphens,
# full-width and Traditional forms, digits and Chinese characters around them.
TEXT_LAYER_ALPHABET = list(
    "0123456789０１２３４５６７８９OolI〇○·。.．，,-‐\u00ad%％万亿元年吨亩一二九王海军寧縣中HCN \n\t\u3000()（）āngx"
)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(TEXT_LAYER_ALPHABET), max_size=60))
def test_clean_view_maps_every_character_back(original: str) -> None:
    doc = Document(original)
    assert len(doc.folded) == len(original)
    for i, char in enumerate(doc.clean):
        at = doc.to_original(i)
        assert doc.folded[at] == char
        assert doc.to_clean(at) == i
        assert not char.isspace() or doc.folded[at].isspace()
    for start in range(len(doc.clean)):
        for end in range(start + 1, min(len(doc.clean), start + 6) + 1):
            s, e, text = doc.span(start, end)
            assert original[s:e] == text
            assert doc.clean_span(s, e) == (start, end)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(TEXT_LAYER_ALPHABET), max_size=40), st.integers(-2, 42), st.integers(0, 8))
def test_first_joined_is_the_first_offset_joined_at(original: str, low: int, width: int) -> None:
    doc = Document(original)
    high = low + width
    assert doc.first_joined(low, high) == next((at for at in range(low, high) if doc.joined_at(at)), high)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(TEXT_LAYER_ALPHABET), max_size=40), st.integers(0, 42), st.integers(0, 8))
def test_first_and_last_line_start_are_the_offsets_line_starts_at(original: str, low: int, width: int) -> None:
    doc = Document(original)
    high = low + width
    starts = [at for at in range(low, min(high, len(doc.clean) + 1)) if doc.line_starts_at(at)]
    assert doc.first_line_start(low, high) == (starts[0] if starts else high)
    assert doc.last_line_start(low, high) == (starts[-1] if starts else None)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(TEXT_LAYER_ALPHABET), max_size=40), st.integers(0, 42))
def test_line_start_is_the_last_line_start_at_or_before(original: str, at: int) -> None:
    doc = Document(original)
    at = min(at, len(doc.clean))
    assert doc.line_start(at) == max(i for i in range(at + 1) if doc.line_starts_at(i))


def test_unglossed_keeps_spaces_and_drops_glosses() -> None:
    doc = Document("（記(jì)者 張(zhāng)國強）")
    unglossed = doc.unglossed()
    assert unglossed.folded == "(记者 张国强)"
    assert unglossed.plain == "（記者 張國強）"
    start = unglossed.folded.index("张")
    # The name's clean span holds the gloss inside it, as the article writes it.
    assert doc.span(*unglossed.clean_span(start, start + 3))[2] == "張(zhāng)國強"


# Pieces of scraped markup, whole and broken, among the text layer's characters.
MARKUP_PIECES = [*TEXT_LAYER_ALPHABET, "<b>", "</p>", "<br/>", "<!-- x -->", "&nbsp;", "&middot;", "&#12288;", "&amp;"]
MARKUP_PIECES += ["<", ">", "&", ";", "b", "\u200b", "\ufeff"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(MARKUP_PIECES), max_size=30).map("".join))
def test_markup_keeps_the_offset_map(original: str) -> None:
    doc = Document(original)
    assert len(doc.plain) == len(doc.folded) == len(original)
    for i, char in enumerate(doc.clean):
        at = doc.to_original(i)
        assert doc.folded[at] == char
        assert doc.to_clean(at) == i
    assert "\u200b" not in doc.clean


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(MARKUP_PIECES), max_size=30).map("".join))
def test_unglossed_spans_map_to_the_same_characters(original: str) -> None:
    doc = Document(original)
    unglossed = doc.unglossed()
    for start, char in enumerate(unglossed.folded):
        if char.isspace():
            continue
        clean_start, clean_end = unglossed.clean_span(start, start + 1)
        if clean_start == clean_end:
            # Only a hyphen the view took with the line break after it (王 海-\n军) has no clean character.
            rest_of_line, _break, _after = unglossed.folded[start + 1 :].partition("\n")
            assert char in "-\u2010\u00ad" and _break and not rest_of_line.strip()
            continue
        # One kept character is one clean character, the same one folded.
        assert doc.clean[clean_start:clean_end] == char
