"""Queries over the atlas: find a point by any name people use, filter by channel or complaint."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from acumap.core.model import Atlas, Point

_WORDS = re.compile(r"^(?P<name>[a-z ]+?)\s*(?P<n>\d{1,3})$")

_CODE = re.compile(r"^([A-Z]{1,4})(\d{1,3})$")  # no channel has a thousand points
MAX_QUERY = 200  # longer text is no name of a point; keeps lookups and suggestions cheap


def fold(text: str) -> str:
    """Lower case, no tone marks, no spaces or punctuation: 'Zú Sān Lǐ' -> 'zusanli'."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"[\s\-_.'’·]+", "", bare.lower())


class UnknownPointError(ValueError):
    """A name no point answers to; the message suggests the closest codes."""


class Catalog:
    """Name lookup and filtering, built once from the atlas."""

    def __init__(self, atlas: Atlas) -> None:
        self.atlas = atlas
        self.channel_alias: dict[str, str] = {}  # old codes (LV, SJ, UB): meridians.toml
        for m in atlas.meridians.values():
            self.channel_alias[m.code] = m.code
            for a in m.aliases:
                self.channel_alias[a.upper()] = m.code
        # "Stomach 36", "large intestine 4", "triple energizer 5": the channel's English name
        self.channel_names: dict[str, str] = {}
        for m in atlas.meridians.values():
            words = re.sub(r"\b(meridian|channel|vessel)\b", "", m.english.lower()).strip()
            self.channel_names[fold(words)] = m.code
            self.channel_names[fold(m.english)] = m.code
            for a in m.aliases:  # "Triple Warmer 5", "Du Mai 20", and "UB 40" as well
                self.channel_names[fold(a)] = m.code
        # a point's own names first, so no other point's alias hides them (ST42's "Fuyang"
        # is BL59's pinyin); a name two points share (Yinjiao: CV7 and GV28) means neither
        self._names: dict[str, str] = {}
        self.shared: dict[str, list[str]] = {}
        for p in atlas.points.values():
            for name in {fold(n) for n in (p.code, p.pinyin, p.pinyin_tones, p.english, p.hanzi)}:
                if name in self._names and self._names[name] != p.code:
                    self.shared.setdefault(name, [self._names[name]]).append(p.code)
                self._names.setdefault(name, p.code)
        for p in atlas.points.values():
            for name in p.aliases:
                self._names.setdefault(fold(name), p.code)

    # -- lookup -----------------------------------------------------------------
    def resolve(self, query: str) -> str | None:
        """The point code a user means, or None: codes, aliases, pinyin, English, hanzi."""
        q = query.strip()
        if not q or len(q) > MAX_QUERY:
            return None
        compact = re.sub(r"[\s\-_.]+", "", q.upper())
        m = _CODE.match(compact)
        if m:
            channel = self.channel_alias.get(m.group(1))
            if channel:
                code = f"{channel}{int(m.group(2))}"
                if code in self.atlas.points:
                    return code
        words = _WORDS.match(q.lower())
        if words:
            channel = self.channel_names.get(fold(words.group("name")))
            code = f"{channel}{int(words.group('n'))}" if channel else ""
            if code in self.atlas.points:
                return code
        key = fold(q)
        return None if key in self.shared else self._names.get(key)

    def _ranked(self, query: str, limit: int) -> list[tuple[str, float]]:
        """(code, score) for the names closest to a query, best first, one entry a code."""
        from rapidfuzz import fuzz, process

        key = fold(query[:MAX_QUERY])
        if not key:
            return []
        # WRatio scores partial matches, which on a word of 3-4 letters match anything
        # ('xyz' in 'waixiyan'): short words are compared whole
        scorer = fuzz.ratio if len(key) <= 4 else fuzz.WRatio
        found = process.extract(key, self._names.keys(), scorer=scorer, limit=limit * 4)
        out: dict[str, float] = {}
        for name, score, _ in found:
            for code in self.shared.get(name, [self._names[name]]):
                out.setdefault(code, score)
        return sorted(out.items(), key=lambda cs: -cs[1])[:limit]

    def channel(self, name: str) -> str:
        """A channel's code from its code, an old code (LV, SJ) or a name (Triple Warmer)."""
        code = self.channel_alias.get(name.strip().upper()) or self.channel_names.get(fold(name))
        if code is None:
            known = ", ".join(self.atlas.meridians)
            raise ValueError(f"unknown meridian {name[:40]!r} (known: {known})")
        return code

    def condition(self, name: str) -> str:
        """A complaint's tag from its tag or the label the window shows, any case."""
        key = fold(name)
        for c in self.atlas.conditions.values():
            if key in (fold(c.code), fold(c.label)):
                return c.code
        known = ", ".join(self.atlas.conditions)
        raise ValueError(f"unknown condition {name[:40]!r} (known: {known})")

    def suggest(self, query: str, n: int = 5) -> list[str]:
        """Closest known codes for a name nobody has (for 'did you mean')."""
        return [code for code, score in self._ranked(query, n) if score >= 65]

    def fuzzy(self, query: str) -> str | None:
        """The point a mistyped name clearly means ('zusanly', 'neigwan', 'heku'), or None
        when no name is close or two points are about as close."""
        if _CODE.match(re.sub(r"[\s\-_.]+", "", query.upper())):
            return None  # a mistyped code is not corrected into another point
        ranked = self._ranked(query, 2)
        if not ranked or ranked[0][1] < 75:
            return None
        if len(ranked) > 1 and ranked[0][1] - ranked[1][1] < 7:
            return None
        return ranked[0][0]

    def resolve_all(self, names: Iterable[str]) -> list[str]:
        """Codes for every name, or UnknownPointError naming the first unknown one."""
        out = []
        for raw in names:
            code = self.resolve(raw)
            if code is None and fold(raw) in self.shared:
                both = " and ".join(sorted(self.shared[fold(raw)]))
                raise UnknownPointError(f"{raw.strip()!r} is the name of {both}: say which")
            if code is None:
                hint = self.suggest(raw)
                more = f" (did you mean {', '.join(hint)}?)" if hint else ""
                shown = raw if len(raw) <= 40 else raw[:40] + "…"
                raise UnknownPointError(f"unknown point {shown!r}{more}")
            out.append(code)
        return out

    def label(self, p: Point) -> str:
        """What the completion list and the hover show: "LI4 · Hegu · Union Valley"."""
        return f"{p.code} · {p.pinyin} · {p.english}"

    def search(self, text: str, limit: int = 20) -> list[str]:
        """Codes whose code, names or aliases contain the folded text (prefix matches first)."""
        key = fold(text[:MAX_QUERY])
        if not key:
            return []
        exact = self.resolve(text)
        hits: list[tuple[int, str]] = []
        for name, first in self._names.items():
            rank = 0 if name.startswith(key) else 1 if key in name else -1
            if rank >= 0:
                hits += [(rank, code) for code in self.shared.get(name, [first])]
        out: list[str] = [exact] if exact else []
        for _, hit in sorted(hits, key=lambda h: (h[0], self.sort_key(h[1]))):
            if hit not in out:
                out.append(hit)
        return out[:limit]

    def candidates(self, text: str, limit: int = 12) -> list[str]:
        """What the search box offers while typing: the point the text names (LV3, Du20,
        "Stomach 36"), names that contain it (zu san li, 三里, Union), then near misses."""
        out = self.search(text, limit)
        for code in self.suggest(text, limit) if len(out) < limit else ():
            if code not in out:
                out.append(code)
        return out[:limit]

    # -- ordering and filters ----------------------------------------------------
    def sort_key(self, code: str) -> tuple[int, int, str]:
        p = self.atlas.points[code]
        order = list(self.atlas.meridians)
        m = order.index(p.meridian) if p.meridian in order else len(order)
        return (m, p.number, p.code)

    def ordered(self, codes: Iterable[str] | None = None) -> list[Point]:
        keys = self.atlas.points if codes is None else codes
        return [self.atlas.points[c] for c in sorted(keys, key=self.sort_key)]

    def filter(
        self,
        meridians: Iterable[str] = (),
        conditions: Iterable[str] = (),
    ) -> list[str]:
        """Codes matching any chosen meridian AND any chosen condition (empty = no filter)."""
        ms, cs = set(meridians), set(conditions)
        out = [
            p.code
            for p in self.ordered()
            if (not ms or p.meridian in ms) and (not cs or cs.intersection(p.conditions))
        ]
        return out

    def neighbour(self, code: str, step: int) -> str | None:
        """Previous/next point along the same channel (for the arrow keys)."""
        p = self.atlas.points[code]
        chain = [q.code for q in self.atlas.meridian_points(p.meridian)]
        i = chain.index(code) + step
        return chain[i] if 0 <= i < len(chain) else None
