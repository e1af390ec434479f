"""``spark-submit`` this file to run ``gov-extract spark`` (it takes the same arguments).

spark-submit runs a ``.py`` file, not a module; this one only calls
:func:`gov_extract.spark.main`, which imports the installed package, so the
functions Spark ships to workers are found by name there.
"""

if __name__ == "__main__":
    import sys

    from gov_extract.spark import main

    sys.exit(main())
