"""Bytes -> clean text: encodings, BOMs, line endings, full-width punctuation, invisible characters.

Pure functions. Every failure is an :class:`ArticleError` with a one-line message a user can act on.
"""

from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata

MAX_BYTES = 1_000_000  # 1 MB: larger files are refused, not truncated.


class ArticleError(ValueError):
    """An article that cannot be loaded; ``str(err)`` is a one-line reason meant for the user."""


_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "zip archive (a Word, OpenDocument or EPUB file is one)"),
    (b"PK\x05\x06", "zip archive"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\x28\xb5\x2f\xfd", "zstd archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Microsoft Office document (.doc, .xls)"),
    (b"{\\rtf", "RTF document"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\x7fELF", "program (ELF)"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"OggS", "Ogg media file"),
    (b"\x1a\x45\xdf\xa3", "Matroska/WebM video"),
)


def binary_format(data: bytes) -> str | None:
    """What a known binary file is, by its first bytes (PDF, zip, images, archives ...); None for anything else."""
    for signature, kind in _SIGNATURES:
        if data.startswith(signature):
            return kind
    if data[:4] == b"RIFF" and data[8:12] in (b"WEBP", b"WAVE", b"AVI "):
        return {b"WEBP": "WebP image", b"WAVE": "WAV audio", b"AVI ": "AVI video"}[data[8:12]]
    if data[4:8] == b"ftyp":
        return "MP4/QuickTime media file"
    return None


def decode(data: bytes, *, limit: int = MAX_BYTES) -> str:
    """Decode an article file. UTF-8 (with or without BOM), UTF-16/32 with BOM, and GB18030 are accepted."""
    if len(data) > limit:
        raise ArticleError(f"file is {len(data):,} bytes; the limit is {limit:,} bytes (1 MB)")
    kind = binary_format(data)
    if kind is not None:
        raise ArticleError(f"file is a {kind}, not text; save the article as UTF-8 text or Article JSON")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                raise ArticleError(
                    f"file starts with a {encoding} byte-order mark but is not valid {encoding}"
                ) from exc
    if not data:
        raise ArticleError("file is empty")
    if not data.strip():
        raise ArticleError("file is empty (only whitespace)")
    if _looks_utf16_without_bom(data):
        for encoding in ("utf-16-le", "utf-16-be"):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            if _mostly_printable(text):
                return text
    if b"\x00" in data:
        raise ArticleError("file looks binary (it contains NUL bytes); expected UTF-8 text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        text = ""
    if text and _mostly_printable(text):
        return text
    raise ArticleError("file is not valid UTF-8 (nor UTF-16 with a byte-order mark, nor GB18030)")


def _looks_utf16_without_bom(data: bytes) -> bool:
    sample = data[:4000]
    if len(sample) < 4:
        return False
    even_zero = sample[0::2].count(0)
    odd_zero = sample[1::2].count(0)
    half = len(sample) / 2
    return max(even_zero, odd_zero) > 0.3 * half and min(even_zero, odd_zero) < 0.05 * half


def _mostly_printable(text: str) -> bool:
    if not text:
        return False
    bad = sum(1 for ch in text if unicodedata.category(ch) in ("Cc", "Co", "Cn", "Cs") and ch not in "\n\r\t")
    return bad / len(text) < 0.01


# Full-width ASCII forms (！ to ～) map to ASCII by a fixed offset; the ideographic space to a space.
# Chinese sentence punctuation that has no ASCII twin (。、《》“”) is left alone.
_FULLWIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_FULLWIDTH.update({0x3000: 0x20, 0x3010: ord("["), 0x3011: ord("]"), 0x3014: ord("["), 0x3015: ord("]")})
# Keep the Chinese comma, enumeration mark and semicolon readable in Chinese text.
for _cp in (0xFF0C, 0xFF1B, 0xFF01, 0xFF1F):
    _FULLWIDTH.pop(_cp, None)

_HAS_FULLWIDTH = re.compile("[" + "".join(map(chr, sorted(_FULLWIDTH))) + "]")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u200e\u200f\u202a-\u202e\u2066-\u2069\u00ad]")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # category Cc, less tab and line feed
# Runs of spaces, less the single plain spaces (they stay as they are): far fewer replacements.
_SPACES_TO_FOLD = re.compile(
    r"[\t\u00a0\u2000-\u200a\u202f\u205f][ \t\u00a0\u2000-\u200a\u202f\u205f]*| [ \t\u00a0\u2000-\u200a\u202f\u205f]+"
)


def normalize(text: str) -> str:
    """Canonical text: LF line ends, ASCII structural punctuation, no invisible characters, tidy spaces."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    text = _INVISIBLE.sub("", text)
    if not text.isascii() and _HAS_FULLWIDTH.search(text):  # str.translate costs a lookup per character
        text = text.translate(_FULLWIDTH)
    text = _CONTROL.sub("", text)
    # Runs of spaces become one space (no line feed is in the class: the whole text at once is line by line).
    lines = [line.strip() for line in _SPACES_TO_FOLD.sub(" ", text).split("\n")]
    out = "\n".join(lines)
    out = re.sub(r"\n{3,}", "\n\n", out)
    return out.strip()


def content_id(normalized: str) -> str:
    """A stable id: the first 16 hex digits of SHA-256 over the normalized text with spaces folded."""
    folded = " ".join(normalized.split())  # as _WHITESPACE.sub(" ", ...).strip(): the same spaces, faster
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()[:16]


_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_ASCII_LETTERS = bytes(range(ord("A"), ord("Z") + 1)) + bytes(range(ord("a"), ord("z") + 1))


def is_cjk(ch: str) -> bool:
    return bool(_CJK.match(ch))


_SCRIPTS = (  # scripts other than Latin and Han, and the language a text written in them is taken to be
    ("ja", re.compile(r"[\u3040-\u30ff\u31f0-\u31ff]")),  # kana: Japanese, even beside kanji
    ("ko", re.compile(r"[\uac00-\ud7af\u1100-\u11ff]")),
    ("ru", re.compile(r"[\u0400-\u04ff]")),  # Cyrillic: Russian is the likeliest in business news
    ("el", re.compile(r"[\u0370-\u03ff]")),
    ("ar", re.compile(r"[\u0600-\u06ff]")),
    ("he", re.compile(r"[\u0590-\u05ff]")),
)


def detect_language(text: str) -> str:
    """The language by script: 'zh' when Han characters outnumber Latin letters by weight; 'ja', 'ko', 'ru',
    'el', 'ar' or 'he' when that script's letters outnumber the Latin ones; else 'en' (Latin-script languages
    are not told apart)."""
    # Counted without a list of matches: ASCII text has no other script, and deleting ASCII letters counts them.
    # (in UTF-8 an ASCII letter is one byte and no other character contains one: bytes.translate deletes them
    # at C speed, where str.translate looks each character up in a dict).
    raw = text.encode()
    latin = len(raw) - len(raw.translate(None, _ASCII_LETTERS))
    if text.isascii():
        return "en"
    cjk = len(_CJK.findall(text))
    kana = len(_SCRIPTS[0][1].findall(text))
    if kana and kana * 10 >= cjk and (cjk + kana) * 4 > latin:
        return "ja"
    # One Chinese character carries about as much as a short English word (~4 letters).
    if cjk * 4 > latin:
        return "zh"
    for language, letters in _SCRIPTS[1:]:
        if len(letters.findall(text)) > latin:
            return language
    return "en"
