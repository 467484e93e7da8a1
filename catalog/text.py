"""Text folding for search: case- and accent-insensitive, pure."""

import re
import unicodedata

_NOT_WORD = re.compile(r"[\W_]+", re.UNICODE)


def fold(text: str) -> str:
    """Return `text` lower-cased, without accents, with punctuation turned into single spaces."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NOT_WORD.sub(" ", stripped.casefold()).strip()


def fold_tokens(text: str, limit: int = 8) -> list[str]:
    """Return the distinct folded words of a search text, at most `limit` of them."""
    seen: list[str] = []
    for token in fold(text).split():
        if token not in seen:
            seen.append(token)
    return seen[:limit]
