"""gov_extract: structured facts from Chinese municipal and county news.

>>> from gov_extract import extract
>>> result = extract("全年完成造林11.36万亩。", pub_date="2024-12-30")
>>> [(r.type, r.text, r.value, r.unit) for r in result.records]
[('quantity', '11.36万亩', 113600.0, '亩')]
"""

from .pipeline import explain, extract
from .records import (
    DateRecord,
    Extraction,
    Money,
    Percentage,
    Person,
    Place,
    Quantity,
    Record,
    Title,
)

__all__ = [
    "DateRecord",
    "Extraction",
    "Money",
    "Percentage",
    "Person",
    "Place",
    "Quantity",
    "Record",
    "Title",
    "explain",
    "extract",
]
__version__ = "0.1.0"
