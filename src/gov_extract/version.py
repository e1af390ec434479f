"""The package version, in one place (read by the CLI, the runs table and pyproject)."""

__version__ = "0.1.0"
