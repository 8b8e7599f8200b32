"""The words Daylio writes in the phone's language: month names and its predefined moods.

Daylio's oldest CSV layout has no ISO date: the day is the ``year`` column plus a ``date``
column in the phone's locale, day and month without a year (``30 May``, ``May 30``,
``16 de octubre``, ``7 września``, ``5. Februar``, ``30-Jun`` after a spreadsheet).
``day_month`` reads it with the months of English, Spanish, Polish (nominative, and the
genitive used after a day), German, French, Portuguese, Italian and Dutch, in full or cut to
a prefix of three letters or more (``Sept``, ``paź``, ``févr.``), case-insensitively, accents
as written. A prefix two months share (``jui``: juin, juillet) is no month.

The CSV carries a mood's *name*, never its group. Daylio ships five moods per language; a
renamed or added mood ("Great", "vaguely ok", a mood named ``null``) is the person's own and
is not guessed. ``PREDEFINED_LEVEL`` holds the shipped names seen in published exports or in
code written against them — English; Polish; German ``Super``/``Gut``/``Ok``; French
``super``/``mouais``/``horrible`` (a PDF export in Guekka/DaylioBackupTools); Italian and
German ``Schlecht``/``Einfach scheiße`` (the mood table of Belluxx/DaylioTools) — and names
the project was told of but could not confirm: French ``bien``/``mal``, Spanish, German
``Lausig``/``Schrecklich``. Each language gives rad 5, good 4, meh 3, bad 2, awful 1; a word
two languages share (``bien``, ``mal``, ``super``) has the same level in both.
"""

from __future__ import annotations

import re

_MONTHS = (
    "january enero styczeń stycznia januar jänner janvier janeiro gennaio januari",
    "february febrero luty lutego februar février fevereiro febbraio februari",
    "march marzo marzec marca märz mars março maart mrt mrz",
    "april abril kwiecień kwietnia avril aprile",
    "may mayo maj maja mai maio maggio mei",
    "june junio czerwiec czerwca juni juin junho giugno",
    "july julio lipiec lipca juli juillet julho luglio",
    "august agosto sierpień sierpnia août augustus",
    "september septiembre setiembre wrzesień września septembre setembro settembre",
    "october octubre październik października oktober octobre outubro ottobre",
    "november noviembre listopad listopada novembre novembro",
    "december diciembre grudzień grudnia dezember décembre dezembro dicembre",
)
MONTH_NAMES: dict[str, int] = {
    name: number for number, names in enumerate(_MONTHS, start=1) for name in names.split()
}
SHORTEST_PREFIX = 3
# the small words around a day and its month: "16 de octubre", "1st", "1er"
FILLERS = frozenset({"de", "del", "d", "of", "the", "st", "nd", "rd", "th", "er", "re", "e"})
_WORDS = re.compile(r"\d+|[^\W\d_]+")


def month_number(word: str) -> int | None:
    """1–12 for a month's name or an unambiguous prefix of one (``sept``); None otherwise."""
    word = word.strip(" .").casefold()
    if word in MONTH_NAMES:
        return MONTH_NAMES[word]
    if len(word) < SHORTEST_PREFIX:
        return None
    found = {n for name, n in MONTH_NAMES.items() if name.startswith(word)}
    return found.pop() if len(found) == 1 else None


def day_month(text: str) -> tuple[int, int] | None:
    """(month, day) of a localized ``date`` cell — one number and one month, in either order,
    with separators and small words around — or None when it is not one."""
    tokens = _WORDS.findall(text.casefold())
    numbers = [t for t in tokens if t.isdigit()]
    words = [t for t in tokens if not t.isdigit() and t not in FILLERS]
    if len(numbers) != 1 or len(words) != 1:
        return None
    month = month_number(words[0])
    return (month, int(numbers[0])) if month else None


# Daylio's shipped mood names by language, casefolded: rad, good, meh, bad, awful
_PREDEFINED = {
    "en": ("rad", "good", "meh", "bad", ("awful",)),
    "de": ("super", "gut", "ok", "schlecht", ("einfach scheiße", "lausig", "schrecklich")),
    "pl": ("wspaniale", "dobrze", "tak sobie", "źle", ("okropnie",)),
    "fr": ("super", "bien", "mouais", "mal", ("horrible",)),
    "es": ("genial", "bien", "normal", "mal", ("fatal",)),
    "it": ("ottimo", "buono", "così così", "male", ("terribile",)),
}
PREDEFINED_LEVEL: dict[str, int] = {
    name.casefold(): level  # "scheiße" casefolds to "scheisse"
    for rad, good, meh, bad, awful in _PREDEFINED.values()
    for level, names in ((5, (rad,)), (4, (good,)), (3, (meh,)), (2, (bad,)), (1, awful))
    for name in names
}
# a backup's predefined_name_id → the English name Daylio shows for it
PREDEFINED_ENGLISH: dict[int, str] = {1: "rad", 2: "good", 3: "meh", 4: "bad", 5: "awful"}


def predefined_level(name: str) -> int | None:
    """The level of one of Daylio's shipped mood names (any case, trimmed); None otherwise."""
    return PREDEFINED_LEVEL.get(" ".join(name.split()).casefold())
