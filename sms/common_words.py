"""The common words of our Latin-script languages, built once into a compact file.

An unknown word that is common in one of our languages ("details", "libre", "commence") is a word,
not a misspelt need (`sms.understand`). wordfreq's lists give them, but reading its lists decodes
every word of five languages: several MB of peak memory for each process that reads them. So
`python -m sms.common_words` (run by `make`, like the translations are compiled) writes them once
to `common_words.bin` beside this module: the sorted CRC-32 of each folded word, 4 bytes a word
(about 87,000 words, 350 KB), which a process reads with `array.fromfile` and looks words up in by
bisection. The file is built, never committed; a process that finds it missing or built with other
settings builds it as `make` would (and keeps it if it may write there).
"""

import os
import sys
import zlib
from array import array
from bisect import bisect_left
from pathlib import Path

from catalog.text import fold

ZIPF = 3.0  # a word at least this common (once per million words) in one of these languages is common
SHORTEST = 5  # shorter words are never asked about, so they are not kept
LOCALES = ("en", "es", "fr", "vi", "fil")  # our Latin languages wordfreq counts (not Haitian Creole, Somali)
PATH = Path(__file__).with_name("common_words.bin")
_MAGIC = b"SBCW"
_CODE = "I" if array("I").itemsize == 4 else "L"  # unsigned 32-bit
# what the file was built with: a file built otherwise is built again
_SETTINGS = zlib.crc32(repr((1, ZIPF, SHORTEST, LOCALES)).encode())
_BUCKETS = round((9 - ZIPF) * 100)  # wordfreq's lists go by centibels: bucket i is Zipf 9 − i/100


def key(word: str) -> int:
    """A (folded) word's key: its CRC-32, the same in every process and on every machine."""
    return zlib.crc32(word.encode("utf-8"))


def _keys() -> array:
    import wordfreq  # noqa: PLC0415 — only the build reads its lists

    keys = set()
    for locale in LOCALES:
        buckets = wordfreq.read_cBpack(str(wordfreq.DATA_PATH / f"small_{locale}.msgpack.gz"))
        for bucket in buckets[: _BUCKETS + 1]:
            keys.update(key(w) for w in map(fold, bucket) if len(w) >= SHORTEST)
        del buckets
    return array(_CODE, sorted(keys))


def _header() -> array:
    return array(_CODE, [int.from_bytes(_MAGIC, "little"), _SETTINGS])


def build(path: Path = PATH) -> array:
    """Write the common words' keys to `path` (little-endian 32-bit, a header first) and return them."""
    keys = _keys()
    data = _header() + keys
    if sys.byteorder == "big":
        data.byteswap()
    partial = path.with_name(f"{path.name}.{os.getpid()}")  # workers building at once each rename a whole file
    with partial.open("wb") as f:
        data.tofile(f)
    os.replace(partial, path)
    return keys


def load(path: Path = PATH) -> array:
    """The common words' sorted keys, read from `path`; built first when it is missing or stale."""
    header, keys = array(_CODE), array(_CODE)
    try:
        with path.open("rb") as f:
            header.fromfile(f, 2)
            keys.fromfile(f, os.fstat(f.fileno()).st_size // 4 - 2)
    except (OSError, EOFError, ValueError):
        header = array(_CODE)
    if sys.byteorder == "big":
        header.byteswap()
        keys.byteswap()
    if header == _header():
        return keys
    try:
        return build(path)
    except OSError:  # a read-only install: keep them in memory
        return _keys()


def is_common(keys: array, word: str) -> bool:
    """Say whether a folded word is one of the common words."""
    wanted = key(word)
    at = bisect_left(keys, wanted)
    return at < len(keys) and keys[at] == wanted


if __name__ == "__main__":
    written = build(Path(sys.argv[1]) if len(sys.argv) > 1 else PATH)
    print(f"{len(written):,} common words, {4 * len(written) // 1024} KB")
