"""Union-find over verified pairs: clusters are the connected components."""

from __future__ import annotations

from array import array


class UnionFind:
    """Disjoint sets over 0..n-1 with path halving and union by size."""

    def __init__(self, size: int = 0) -> None:
        self._parent = array("q", range(size))
        self._size = array("q", [1]) * size

    def __len__(self) -> int:
        return len(self._parent)

    def find(self, item: int) -> int:
        parent = self._parent
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    def union(self, a: int, b: int) -> int:
        root_a, root_b = self.find(a), self.find(b)
        if root_a == root_b:
            return root_a
        if self._size[root_a] < self._size[root_b]:
            root_a, root_b = root_b, root_a
        self._parent[root_b] = root_a
        self._size[root_a] += self._size[root_b]
        return root_a

    def groups(self) -> dict[int, list[int]]:
        """Root -> members, members in increasing order."""
        out: dict[int, list[int]] = {}
        for item in range(len(self._parent)):
            out.setdefault(self.find(item), []).append(item)
        return out
