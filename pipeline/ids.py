"""Stable identifiers: derived from content and natural keys, never from counters,
so the same input gives the same IDs on every run and every machine."""
from __future__ import annotations

import hashlib


def stable_id(prefix: str, *parts: object) -> str:
    """`prefix_` + 16 hex chars of a SHA-256 over the parts (None-safe, order-sensitive)."""
    h = hashlib.sha256()
    for p in parts:
        h.update(b"\x1f")
        h.update(("" if p is None else str(p)).encode("utf-8"))
    return f"{prefix}_{h.hexdigest()[:16]}"


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
