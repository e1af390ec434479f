"""gov_extract: structured facts from Chinese municipal and county news.

>>> from gov_extract import extract
>>> result = extract("全年完成造林11.36万亩。", pub_date="2024-12-30")
>>> [(r.type, r.text, r.value, r.unit) for r in result.records]
[('quantity', '11.36万亩', 113600.0, '亩')]
"""

from .batch import extract_many, run_job
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
from .version import __version__

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
    "__version__",
    "explain",
    "extract",
    "extract_many",
    "run_job",
]
