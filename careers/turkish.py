"""Turkish text helpers: plain functions, no Django request needed.

Python's own ``str.lower()``/``upper()``/``casefold()`` follow Unicode's default rules, which
are wrong for Turkish: ``"I".lower()`` is ``"i"`` (Turkish: ``"ı"``) and ``"İ".lower()`` is
``"i̇"`` (an ``i`` with a combining dot). Everything here maps the dotted and dotless i
explicitly first.
"""

import datetime as dt
import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal

_LOWER_MAP = str.maketrans({"I": "ı", "İ": "i"})
_UPPER_MAP = str.maketrans({"i": "İ", "ı": "I"})
_ASCII_MAP = str.maketrans(
    {
        "ç": "c", "Ç": "c", "ğ": "g", "Ğ": "g", "ı": "i", "I": "i", "İ": "i",
        "ö": "o", "Ö": "o", "ş": "s", "Ş": "s", "ü": "u", "Ü": "u",
        "â": "a", "Â": "a", "î": "i", "Î": "i", "û": "u", "Û": "u",
    }
)  # fmt: skip

MONTHS = (
    "Ocak", "Şubat", "Mart", "Nisan", "Mayıs", "Haziran",
    "Temmuz", "Ağustos", "Eylül", "Ekim", "Kasım", "Aralık",
)  # fmt: skip


def lower(text: str) -> str:
    """Turkish lower case: ``"IŞIK"`` -> ``"ışık"``, ``"İSTANBUL"`` -> ``"istanbul"``."""
    return text.translate(_LOWER_MAP).lower()


def upper(text: str) -> str:
    """Turkish upper case: ``"istanbul"`` -> ``"İSTANBUL"``, ``"ışık"`` -> ``"IŞIK"``."""
    return text.translate(_UPPER_MAP).upper()


def casefold(text: str) -> str:
    """A key for Turkish case-insensitive comparison.

    ``İSTANBUL`` ~ ``istanbul`` and ``IŞIK`` ~ ``ışık``, but ``ışık`` is *not* ``isik``: the
    dotless ı is its own letter. Text is NFC-normalised first so decomposed input compares
    equal to composed input.
    """
    return lower(unicodedata.normalize("NFC", text)).casefold()


def equal(a: str, b: str) -> bool:
    """Turkish case-insensitive equality (see :func:`casefold`)."""
    return casefold(a) == casefold(b)


def ascii_fold(text: str) -> str:
    """Lower case with Turkish letters folded to ASCII: ``"Müşteri"`` -> ``"musteri"``.

    Used where readers type without Turkish letters (search); unlike :func:`casefold` it
    deliberately treats ı and i alike.
    """
    text = unicodedata.normalize("NFC", text).translate(_ASCII_MAP).lower()
    if text.isascii():  # Turkish text, once its letters are mapped: nothing left to strip
        return text
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def slugify(text: str, max_length: int = 0) -> str:
    """URL slug: ``"Kredi Asistanı"`` -> ``"kredi-asistani"``.

    Every Turkish letter maps to its ASCII base, in both cases (Django's own slugify drops
    ``ı`` and turns ``İ`` into ``i`` plus a dropped combining dot only by accident).
    """
    text = ascii_fold(text)
    text = re.sub(r"[^a-z0-9\s_-]", "", text)
    text = re.sub(r"[\s_-]+", "-", text).strip("-")
    if max_length and len(text) > max_length:
        text = text[:max_length].rstrip("-")
    return text


def _group_thousands(digits: str) -> str:
    groups = []
    while len(digits) > 3:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    groups.insert(0, digits)
    return ".".join(groups)


def format_number(value, decimals: int | None = None) -> str:
    """Turkish number format: ``1250000`` -> ``"1.250.000"``, ``25.2`` -> ``"25,20"`` with two
    decimals. ``decimals=None`` shows cents only when the value has them."""
    amount = Decimal(str(value))
    if decimals is None:
        decimals = 0 if amount == amount.to_integral_value() else 2
    quantum = Decimal(1).scaleb(-decimals)
    amount = amount.quantize(quantum, rounding=ROUND_HALF_UP)
    sign = "-" if amount < 0 else ""
    whole, _, fraction = f"{abs(amount):f}".partition(".")
    text = sign + _group_thousands(whole)
    if decimals:
        text += "," + fraction.ljust(decimals, "0")
    return text


def format_money(value, decimals: int | None = None, currency: str = "TL") -> str:
    """``5000`` -> ``"5.000 TL"``, ``Decimal("25.20")`` -> ``"25,20 TL"``,
    ``1250000`` -> ``"1.250.000 TL"``."""
    return f"{format_number(value, decimals)} {currency}"


def format_megabytes(size: int) -> str:
    """A size in bytes as megabytes for a message, to one decimal place when it has one:
    ``3_040_000`` -> ``"2,9"``, ``2 * 1024 * 1024`` -> ``"2"``."""
    value = round(size / 2**20, 1)
    return format_number(value, 0 if value == int(value) else 1)


class AmountError(ValueError):
    """An amount that cannot be read; ``str(error)`` is the Turkish message for the editor."""


_PLAIN = re.compile(r"^\d+(,\d+)?$")  # 45000, 45000,5
_GROUPED = re.compile(r"^\d{1,3}(\.\d{3})+(,\d+)?$")  # 45.000, 1.250.000, 45.000,50


def parse_amount(value):
    """An amount typed or written the Turkish way, as a ``Decimal``; None when empty.

    The dot groups thousands and the comma starts the decimals: ``"45.000"`` -> 45000,
    ``"45.000,50"`` -> 45000.50, ``"45000"``, ``"45000,5"`` -> 45000.5; spaces, a no-break
    space and a trailing "TL" or "₺" are ignored. A number from a spreadsheet cell (int, float,
    Decimal) is taken as it is. Input that could mean two amounts is refused rather than
    guessed: ``"6.75"`` or ``"45000.50"`` (a dot not followed by groups of three digits: is it
    6.750 with a digit missing, or an English decimal point?) and ``"45,000.50"``.
    Raises :class:`AmountError` with a Turkish message. The admin's amount fields and the
    salary import both read amounts with this function.
    """
    from django.utils.translation import gettext as _

    if value is None:
        return None
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        amount = Decimal(str(value))
        if not amount.is_finite():
            raise AmountError(_("“%(value)s” is not an amount.") % {"value": value})
        return amount
    text = re.sub(r"[\s\u00a0\u202f]", "", str(value))
    text = re.sub(r"(?i)(tl|₺)$", "", text)
    if not text:
        return None
    sign, digits = ("-", text[1:]) if text.startswith("-") else ("", text)
    if _GROUPED.match(digits):
        digits = digits.replace(".", "")
    elif not _PLAIN.match(digits):
        if re.fullmatch(r"[\d.,]+", digits) and "." in digits:
            raise AmountError(
                _(
                    "“%(value)s” is ambiguous: the dot separates thousands (45.000) and the "
                    "comma the kuruş (45.000,50). Write it like 45000, 45.000 or 45.000,50."
                )
                % {"value": value}
            )
        raise AmountError(
            _("“%(value)s” is not an amount; write it like 45000 or 45.000,50.") % {"value": value}
        )
    return Decimal(sign + digits.replace(",", "."))


#: The locative suffix after the last word of a number read aloud ("bir" -> "de",
#: "altı" -> "da", "üç" -> "te"): vowel harmony, and t after a voiceless consonant.
_LOCATIVE_UNITS = {1: "de", 2: "de", 3: "te", 4: "te", 5: "te", 6: "da", 7: "de", 8: "de", 9: "da"}
_LOCATIVE_TENS = {1: "da", 2: "de", 3: "da", 4: "ta", 5: "de", 6: "ta", 7: "te", 8: "de", 9: "da"}


def and_join(items: list[str]) -> str:
    """``["A", "B", "C"]`` -> ``"A, B ve C"`` (the conjunction through gettext)."""
    from django.utils.translation import gettext as _

    if len(items) < 2:
        return "".join(items)
    return _("%(first)s and %(last)s") % {"first": ", ".join(items[:-1]), "last": items[-1]}


def locative_suffix(number: int) -> str:
    """The suffix "in/on" takes after a number written in digits, with its apostrophe:
    ``2026`` -> ``"'da"`` (yirmi altı-da), ``2025`` -> ``"'te"`` (yirmi beş-te), ``2020`` ->
    ``"'de"`` (yirmi-de), ``2030`` -> ``"'da"`` (otuz-da), ``2000`` -> ``"'de"`` (iki bin-de);
    so "12 Mart 2026'da", "1 Ocak 2025'te"."""
    number = abs(int(number))
    if number % 10:
        return "'" + _LOCATIVE_UNITS[number % 10]
    if number % 100:
        return "'" + _LOCATIVE_TENS[number // 10 % 10]
    if number == 0:
        return "'da"  # sıfır-da
    # yüz-de, bin-de, milyon-da
    return "'da" if number % 1_000_000 == 0 and number % 1_000_000_000 else "'de"


def format_date(value: dt.date | dt.datetime) -> str:
    """``date(2026, 11, 26)`` -> ``"26 Kasım 2026"``. An aware datetime is shown in the
    current time zone (Europe/Istanbul)."""
    if isinstance(value, dt.datetime):
        from django.utils import timezone

        if timezone.is_aware(value):
            value = timezone.localtime(value)
        value = value.date()
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


ALPHABET = "abcçdefgğhıijklmnoöpqrsştuüvwxyz"
#: Primary weights, as printable ASCII so that a key compares the same bytewise in Python, in
#: SQLite (BINARY) and in PostgreSQL (``COLLATE "C"``): a space sorts before punctuation,
#: punctuation before digits, digits before letters, letters in Turkish order, then anything
#: else. Letters take "A" onwards (32 letters: "A" .. "`").
_SPACE, _PUNCT, _OTHER = "!", "#", "~"
_PRIMARY = {letter: chr(ord("A") + index) for index, letter in enumerate(ALPHABET)}
_PRIMARY.update({digit: digit for digit in "0123456789"})
#: Letters that sort with a Turkish letter but after it (accent and case are tie-breakers).
_FOLD_TO_TURKISH = {"â": "a", "î": "i", "û": "u"}
SORT_KEY_MAX_LENGTH = 255
#: A sort key's first character back to its letter (lists split by initial).
LETTER_OF_WEIGHT = {weight: letter for letter, weight in _PRIMARY.items() if letter.isalpha()}
FIRST_LETTER_WEIGHT = _PRIMARY["a"]


def letter_weight(letter):
    """The sort-key character of a letter: every title starting with it has a key starting
    with this (``"â"`` counts as ``"a"``)."""
    letter = lower(letter)
    return _PRIMARY[_FOLD_TO_TURKISH.get(letter, letter)]


def _primary(ch):
    if ch in _PRIMARY:
        return _PRIMARY[ch], "0"
    if ch in _FOLD_TO_TURKISH:
        return _PRIMARY[_FOLD_TO_TURKISH[ch]], "1"
    if ch.isspace():
        return _SPACE, "0"
    base = unicodedata.normalize("NFKD", ch)[0]  # é -> e, ä -> a (not Turkish letters)
    if base in _PRIMARY:
        return _PRIMARY[base], "2"
    if unicodedata.category(ch)[0] in "PSZC":
        return _PUNCT, "0"
    return _OTHER, "0"


def sort_key(text: str, max_length: int = SORT_KEY_MAX_LENGTH) -> str:
    """A key in Turkish alphabetical order, as ICU's Turkish collation sorts:
    spaces and punctuation first, digits before letters, c < ç < d, ı < i, o < ö, s < ş,
    u < ü; â, î, û sort with a, i, u (after them on a tie), and letter case decides last.

    The key is plain ASCII: stored in an indexed column (``Role.title_sort``), it lets
    SQLite sort and paginate in Turkish order; on PostgreSQL the same order comes from the
    ICU collation (:mod:`careers.collation`).
    """
    text = re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()
    primary, accents, cases = [], [], []
    for ch in text:
        folded = lower(ch)
        weight, accent = _primary(folded[0])
        primary.append(weight)
        accents.append(accent)
        cases.append("1" if folded != ch else "0")
    # Levels joined by a space, which sorts below every primary weight: "ab" < "ab c".
    key = " ".join(["".join(primary), "".join(accents), "".join(cases)])
    return key[:max_length]


def initial(text: str) -> str:
    """The first letter, upper-cased the Turkish way: ``"ılık"`` -> ``"I"``, ``"iş"`` -> ``"İ"``."""
    text = text.strip()
    return upper(text[0]) if text else ""
