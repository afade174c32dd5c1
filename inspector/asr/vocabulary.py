"""The words a Vosk model can say, and phrases written in those words (what a grammar must be made of).

A grammar recogniser (``KaldiRecognizer(model, rate, '["工号", "[unk]"]')``) silently drops any word of a
phrase that is not in the model's vocabulary, so a phrase such as 为您服务 (not one word of
vosk-model-small-cn) would become nothing. Each phrase is therefore split into vocabulary words before it
goes into a grammar: the split with the fewest words, so 为您服务 is «为 您 服务» and 很高兴 stays whole.

The vocabulary is the word symbol table of the model's graph: ``graph/words.txt`` where the model has
one, else the output symbols stored inside ``graph/Gr.fst`` (the small models' look-ahead graph).
"""

from __future__ import annotations

import struct
from functools import lru_cache
from pathlib import Path

SYMBOL_TABLE_MAGIC = 2125658996
NOT_WORDS = {"<eps>", "!SIL", "[unk]", "#0", "<s>", "</s>"}
UNKNOWN = "[unk]"


class VocabularyError(ValueError):
    pass


class Vocabulary:
    def __init__(self, words: set[str]) -> None:
        self.words = words
        self.longest = max((len(w) for w in words), default=1)

    def __contains__(self, word: str) -> bool:
        return word in self.words

    def split(self, phrase: str) -> tuple[str, ...] | None:
        """The phrase as the fewest vocabulary words (None when some character is in no word). Spaces in
        the phrase are kept as word edges."""
        words: list[str] = []
        for piece in phrase.split():
            part = self._split_piece(piece)
            if part is None:
                return None
            words.extend(part)
        return tuple(words) or None

    def _split_piece(self, text: str) -> tuple[str, ...] | None:
        # best[i]: the fewest words covering text[:i]
        best: list[tuple[str, ...] | None] = [()] + [None] * len(text)
        for end in range(1, len(text) + 1):
            for start in range(max(0, end - self.longest), end):
                before = best[start]
                if before is not None and text[start:end] in self.words and (
                        best[end] is None or len(before) + 1 < len(best[end])):
                    best[end] = (*before, text[start:end])
        return best[-1]


@lru_cache(maxsize=4)
def model_vocabulary(model_dir: Path) -> Vocabulary:
    """Raises VocabularyError naming the file when the model's word list cannot be read."""
    graph = Path(model_dir) / "graph"
    listed = graph / "words.txt"
    if listed.exists():
        words = {line.split()[0] for line in listed.read_text(encoding="utf-8").splitlines() if line.split()}
        return Vocabulary(words - NOT_WORDS)
    fst = graph / "Gr.fst"
    try:
        return Vocabulary(set(_fst_output_symbols(fst)) - NOT_WORDS)
    except (OSError, struct.error, UnicodeDecodeError) as exc:
        raise VocabularyError(f"{fst}: cannot read the model's word list ({exc})") from exc


def _fst_output_symbols(path: Path) -> list[str]:
    """The output symbol table of an OpenFst binary file (header, then the input and output tables)."""
    with open(path, "rb") as stream:
        data = stream.read(64 * 1024 * 1024)
    reader = _Reader(data)
    reader.int32()                      # FST magic
    reader.string(), reader.string()    # fst type, arc type
    reader.int32()                      # version
    flags = reader.int32()
    reader.skip(8 + 8 + 8 + 8)          # properties, start, number of states, number of arcs
    if not flags & 2:
        raise VocabularyError(f"{path}: the graph carries no word symbols")
    tables = [reader.symbols(path) for has in (flags & 1, flags & 2) if has]
    return tables[-1]


class _Reader:
    def __init__(self, data: bytes) -> None:
        self.data, self.at = data, 0

    def skip(self, n: int) -> None:
        self.at += n

    def int32(self) -> int:
        (value,) = struct.unpack_from("<i", self.data, self.at)
        self.at += 4
        return value

    def int64(self) -> int:
        (value,) = struct.unpack_from("<q", self.data, self.at)
        self.at += 8
        return value

    def string(self) -> str:
        size = self.int32()
        text = self.data[self.at: self.at + size].decode("utf-8")
        self.at += size
        return text

    def symbols(self, path: Path) -> list[str]:
        if self.int32() != SYMBOL_TABLE_MAGIC:
            raise VocabularyError(f"{path}: not an OpenFst symbol table where one was expected")
        self.string()                   # the table's name
        self.int64()                    # available key
        size = self.int64()
        words = []
        for _ in range(size):
            words.append(self.string())
            self.int64()
        return words
