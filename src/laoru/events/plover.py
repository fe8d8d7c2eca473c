"""Mapping from laoru event types to PLOVER (Political Language Ontology for Verifiable
Event Records) ``{type, mode}``, so that events can be compared with POLECAT-style data.

PLOVER has no category for honours or commemorations; they map to the nearest
cooperative category and say so in the mode. ``statement`` and ``other`` have no
PLOVER type on their own (PLOVER codes what a statement *does*), so they map to None.

| laoru | PLOVER type | PLOVER mode |
|---|---|---|
| visit | CONSULT | visit |
| meeting | CONSULT | meet |
| call | CONSULT | phone |
| agreement | AGREE | (none) |
| aid | AID | the trigger's mode (``material``) |
| award | SUPPORT | award (laoru's own mode) |
| commemoration | COOPERATE | ceremony (laoru's own mode) |
| exercise | COOPERATE | military |
| statement | None | None |
| other | None | None |
"""

from __future__ import annotations

PLOVER: dict[str, tuple[str | None, str | None]] = {
    "visit": ("CONSULT", "visit"),
    "meeting": ("CONSULT", "meet"),
    "call": ("CONSULT", "phone"),
    "agreement": ("AGREE", None),
    "aid": ("AID", "material"),
    "award": ("SUPPORT", "award"),
    "commemoration": ("COOPERATE", "ceremony"),
    "exercise": ("COOPERATE", "military"),
    "statement": (None, None),
    "other": (None, None),
}


def plover_for(event_type: str, mode: str | None = None) -> dict[str, str | None]:
    """``{"type": ..., "mode": ...}`` for a laoru event type; ``mode`` overrides the default mode."""
    plover_type, default_mode = PLOVER.get(event_type, (None, None))
    if plover_type == "AID" and mode:
        return {"type": plover_type, "mode": mode}
    return {"type": plover_type, "mode": default_mode}
