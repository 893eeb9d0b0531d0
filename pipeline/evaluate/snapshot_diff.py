"""What the snapshot commands (annotations, warehouse, quotes) print when a key differs."""
from __future__ import annotations


def print_differences(differ: list[str], saved: dict[str, list[str]], current: dict[str, list[str]],
                      lines_each: int) -> None:
    """One DIFF line per differing key (rows lost and gained), then up to `lines_each` of each."""
    for key in differ:
        old, new = set(saved.get(key, [])), set(current.get(key, []))
        print(f"DIFF {key}: -{len(old - new)} +{len(new - old)}")
        for line in sorted(old - new)[:lines_each]:
            print("  -", line[:300])
        for line in sorted(new - old)[:lines_each]:
            print("  +", line[:300])
