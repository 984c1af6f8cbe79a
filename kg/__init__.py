"""kg: diplomatic-relations knowledge graphs from news articles."""

from kg.errors import KgError

__version__ = "0.1.0"
__all__ = ["KgError", "__version__"]
