"""kg: a knowledge-graph builder for diplomacy news."""

__version__ = "0.1.0"
