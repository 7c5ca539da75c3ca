"""Command-line commands for the review dashboard, scheduled deployments and exports."""

from __future__ import annotations

import argparse
from collections.abc import Callable

__all__ = ["register"]


def register(sub, with_db: Callable[[argparse.ArgumentParser], argparse.ArgumentParser]) -> None:
    """Add this module's subcommands to the `claimtrack` parser."""
