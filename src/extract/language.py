"""A tiny offline language guesser: writing system first, then stopword counts."""

from __future__ import annotations

import re
from collections import Counter

_WORD = re.compile(r"[^\W\d_]+")

# ranges of writing systems that name a language by themselves (checked in this order)
SCRIPTS: tuple[tuple[str, str], ...] = (
    ("ko", "\uac00-\ud7af"),
    ("ja", "\u3040-\u30ff"),
    ("zh", "\u4e00-\u9fff"),
    ("ru", "\u0400-\u04ff"),
    ("ar", "\u0600-\u06ff"),
    ("he", "\u0590-\u05ff"),
    ("el", "\u0370-\u03ff"),
    ("th", "\u0e00-\u0e7f"),
    ("hi", "\u0900-\u097f"),
)

STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset("the and of to in is that for it with was on as his her by at from this be are have".split()),
    "de": frozenset("der die und das ist nicht den mit sich des auf für ein eine dem auch wird von zu im".split()),
    "fr": frozenset("le la les et des est une pour dans qui que pas sur au avec il elle du ce sont".split()),
    "es": frozenset("el la los las y que del en un una por con para es se lo como pero sus al".split()),
    "it": frozenset("il di che la e per un una sono non del della con gli le nel alla anche è".split()),
    "pt": frozenset("o a os as e de do da que em um uma para com não por se dos das mais foi".split()),
    "nl": frozenset("de het een en van is dat op te in niet met voor zijn er aan ook als bij".split()),
}


def detect_language(text: str, sample: int = 20_000) -> str | None:
    """ISO 639-1 code of the text's language, or None when it cannot tell."""
    text = text[:sample]
    letters = sum(ch.isalpha() for ch in text)
    if letters < 20:
        return None
    for code, chars in SCRIPTS:
        if len(re.findall(f"[{chars}]", text)) > 0.2 * letters:
            return code
    words = [w.casefold() for w in _WORD.findall(text)]
    counts: Counter[str] = Counter()
    for word in words:
        for code, stops in STOPWORDS.items():
            if word in stops:
                counts[code] += 1
    if not counts:
        return None
    code, hits = counts.most_common(1)[0]
    return code if hits >= max(3, 0.05 * len(words)) else None
