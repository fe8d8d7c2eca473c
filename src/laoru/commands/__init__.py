"""Subcommands of the ``laoru`` CLI, one module each, found by :mod:`laoru.cli`."""
