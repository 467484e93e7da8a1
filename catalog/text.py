"""Text folding for search: case- and accent-insensitive, pure."""

import re
import unicodedata

_NOT_WORD = re.compile(r"[\W_]+", re.UNICODE)
_NOT_SEARCH_WORD = re.compile(r"[^\w%]+", re.UNICODE)  # keeps "_" (a \w) and "%"


def _without_accents(text: str) -> str:
    if text.isascii():  # most of a catalog: nothing to decompose
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def fold(text: str) -> str:
    """Return `text` lower-cased, without accents, with punctuation turned into single spaces."""
    return _NOT_WORD.sub(" ", _without_accents(text)).strip()


def fold_for_search(text: str) -> str:
    """Return `text` folded as catalog text search compares it: like `fold`, but "%" and "_" are
    letters of a word ("100%" is one word), so a search for "k_lly" or "k%y" does not find Kelly."""
    return _NOT_SEARCH_WORD.sub(" ", _without_accents(text)).strip()


def fold_tokens(text: str, limit: int = 8) -> list[str]:
    """Return the distinct words of a search text, folded for search, at most `limit` of them."""
    seen: list[str] = []
    for token in fold_for_search(text).split():
        if token not in seen:
            seen.append(token)
    return seen[:limit]
