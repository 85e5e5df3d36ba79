"""Search text rules: plain functions, tested without a database.

Turkish letters and case
    Readers often type without Turkish letters ("musteri", "isik"), so both the index and the
    query are folded with :func:`careers.turkish.ascii_fold`: lower case, ç→c, ğ→g, ö→o, ş→s,
    ü→u, and *both* ı and i (and I, İ) → i. "MÜŞTERİ", "müşteri" and "musteri" are one word;
    so are "ışık", "işık" and "isik". Telling ı from i would make the common case (a reader on
    a phone keyboard typing "i" for "ı") find nothing, while Turkish job titles that differ only
    by ı/i are practically nonexistent, so the fold trades that sliver of precision for recall.

Words
    A query is cut to ``MAX_QUERY_LENGTH`` characters, folded, and split into words of ASCII
    letters and digits; everything else (quotes, ``*``, ``NEAR(``, ``OR``'s punctuation, SQL
    syntax) is a separator. At most ``MAX_WORDS`` words are kept. Each word matches as a
    prefix ("muhasebe" finds "Muhasebeci", "müşteri" finds "müşterilerle"), and every word must
    match (AND); a word that begins another one is dropped ("kel kelime" is "kelime"). The index
    is built by the same fold, so the two always agree.
"""

import re
import unicodedata

from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from careers.turkish import ascii_fold

MAX_QUERY_LENGTH = 200
MAX_WORDS = 8
MAX_WORD_LENGTH = 40
SNIPPET_LENGTH = 180

TOKEN_RE = re.compile(r"[a-z0-9]+")
WORD_RE = re.compile(r"\w+")


def fold_words(text):
    """The folded words of ``text``: ``"Müşteri Hizmetleri"`` -> ``["musteri", "hizmetleri"]``."""
    return TOKEN_RE.findall(ascii_fold(text))


def query_words(query):
    """The words to search for, folded, unique, in order, bounded in number and length."""
    words = dict.fromkeys(word[:MAX_WORD_LENGTH] for word in fold_words(query[:MAX_QUERY_LENGTH]))
    # A word that begins another adds nothing (every word already matches as a prefix).
    kept = [w for w in words if not any(o != w and o.startswith(w) for o in words)]
    return kept[:MAX_WORDS]


def lines(values):
    return "\n".join(value.strip() for value in values if value and value.strip())


def document_fields(role, responsibilities, skills):
    """The searchable text of one role. ``skills`` are the names the reader sees: the skill's
    own name and the article's label for it ("İletişim becerisi", "İletişim yetenekleri")."""
    fields = {
        "title": role.title,
        "alternative_titles": role.alternative_titles,
        "summary": role.summary,
        "responsibilities": lines(responsibilities),
        "skills": lines(dict.fromkeys(skills)),  # unique, in order
    }
    fields["title_folded"] = " ".join(fold_words(f"{role.title} {role.alternative_titles}"))
    fields["body_folded"] = " ".join(
        fold_words("\n".join([role.summary, fields["responsibilities"], fields["skills"]]))
    )
    return fields


def matched_words(text, words):
    """How many of the query ``words`` occur (as word prefixes) in ``text``."""
    folded = fold_words(text)
    return sum(1 for w in words if any(f.startswith(w) for f in folded))


def title_rank(title_folded, words):
    """2 when every query word is in the title (or other names), 1 when some are, else 0.
    ``title_folded`` is folded already (the search document's): its words are split, not
    folded again (for every one of up to 500 hits of a search, a third of its time)."""
    folded = title_folded.split()
    found = sum(1 for w in words if any(f.startswith(w) for f in folded))
    if words and found == len(words):
        return 2
    return 1 if found else 0


def matching_words(text, words):
    """The words of ``text`` (``WORD_RE`` matches) that match the query. The text is folded
    once when its folded form keeps every letter in place (Turkish text does: its letters
    map one to one), not word by word (600 folds for a page of results)."""
    folded = ascii_fold(text)
    aligned = len(folded) == len(text) and unicodedata.is_normalized("NFC", text)
    for match in WORD_RE.finditer(text):
        piece = folded[match.start() : match.end()] if aligned else ascii_fold(match.group())
        if any(token.startswith(w) for token in TOKEN_RE.findall(piece) for w in words):
            yield match


def highlight(text, words):
    """``text`` escaped, with every word that matches the query wrapped in ``<mark>``."""
    parts, position = [], 0
    for match in matching_words(text, words):
        parts.append(escape(text[position : match.start()]))
        parts.append(format_html("<mark>{}</mark>", match.group()))
        position = match.end()
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))  # noqa: S308 (every piece is escaped above)


def excerpt(text, words, length=SNIPPET_LENGTH):
    """At most ``length`` characters of ``text`` around its first match, cut at word ends."""
    if len(text) <= length:
        return text
    first = next((m.start() for m in matching_words(text, words)), 0)
    start = max(0, first - length // 3)
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < first else start
    end = start + length
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > first else end
    piece = text[start:end].strip()
    return ("…" if start else "") + piece + ("…" if end < len(text) else "")


def snippet(document, words):
    """The best passage of a role's text for the query, highlighted: the summary, a duty or a
    skill with the most matching words (the summary when nothing but the title matched)."""
    candidates = [
        document.summary,
        *document.responsibilities.splitlines(),
        *document.skills.splitlines(),
    ]
    best = max(candidates, key=lambda text: matched_words(text, words), default="")
    if not matched_words(best, words):
        best = document.summary
    return highlight(excerpt(best, words), words)
