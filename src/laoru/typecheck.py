"""Does a rule's value have the type its field declares (the plugin contract, ``laoru.plugin.FIELD_TYPES``)?

Speed path (issue 14's rule: kept because its win is at least 10% of a page's time on
``benchmarks/extraction.py``): typeguard alone checked every item of every list through its
generic machinery, 8–25% of an outlet page's CPU time (docs/performance.md). Here each declared
type is compiled once into a plain ``isinstance`` walk for the shapes fields mostly have (a
class, a union of classes, a list or a dict of those, ``Any``). That walk only ever says "yes":
a value it does not accept, a wrong type or a shape it leaves out (tuples, TypedDicts), goes to
typeguard, which decides and words the reason. So the walk accepts nothing typeguard rejects;
``tests/test_plugin_contract.py`` compares the two on arbitrary values.
"""

from __future__ import annotations

import functools
import types
import typing
from collections.abc import Callable
from typing import Any

from typeguard import CollectionCheckStrategy, TypeCheckError, check_type

Accepts = Callable[[object], bool]


def type_error(value: object, hint: Any) -> str | None:
    """``None`` when ``value`` has the type ``hint``, else typeguard's reason why not."""
    if quick_check(hint)(value):
        return None
    try:
        check_type(value, hint, collection_check_strategy=CollectionCheckStrategy.ALL_ITEMS)
    except TypeCheckError as exc:
        return str(exc)
    return None


def _classes(hint: Any) -> tuple[type, ...] | None:
    """The plain classes ``hint`` names (``str``, ``Paragraph | str``), or ``None`` for anything else."""
    members = typing.get_args(hint) if typing.get_origin(hint) in (typing.Union, types.UnionType) else (hint,)
    if all(m is not Any and isinstance(m, type)  # Any is a class on 3.11+, but not one isinstance takes
           and typing.get_origin(m) is None and not typing.is_typeddict(m) for m in members):
        return tuple(members)
    return None


def _never(value: object) -> bool:
    return False


def _always(value: object) -> bool:
    return True


@functools.cache
def quick_check(hint: Any) -> Accepts:
    """A predicate true only for values of type ``hint`` (false also where it cannot tell)."""
    if hint is Any:
        return _always
    classes = _classes(hint)
    if classes is not None:
        return lambda value: isinstance(value, classes)
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        return _any_of(tuple(quick_check(member) for member in args))
    if origin is list and args:
        return _list_of(args[0])
    if origin is dict and len(args) == 2:
        return _dict_of(quick_check(args[0]), quick_check(args[1]))
    return _never  # tuples, TypedDicts, …: typeguard decides


def _any_of(checks: tuple[Accepts, ...]) -> Accepts:
    return lambda value: any(check(value) for check in checks)


def _list_of(item: Any) -> Accepts:
    classes = _classes(item)
    if classes is not None:  # the usual case, one isinstance per item
        return lambda value: isinstance(value, list) and all(isinstance(element, classes) for element in value)
    check = quick_check(item)
    return lambda value: isinstance(value, list) and all(check(element) for element in value)


def _dict_of(key_check: Accepts, value_check: Accepts) -> Accepts:
    return lambda value: isinstance(value, dict) and all(key_check(key) and value_check(item)
                                                         for key, item in value.items())
