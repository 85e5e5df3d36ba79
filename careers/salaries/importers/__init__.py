"""Bulk salary import and export (django-import-export), as CSV or XLSX.

The file has one row per role and year, with these columns (fixed, lower-case ASCII so a file
saved by any spreadsheet keeps them):

==================  ============================================================  ========
column              meaning                                                       required
==================  ============================================================  ========
meslek              the article's web address, e.g. ``musteri-hizmetleri-ekip-lideri``  yes
meslek_adi          the job title: written on export, ignored on import           no
yil                 the year the figures describe                                 yes
en_dusuk            lowest monthly pay, TL                                        no
ortalama            average monthly pay, TL                                       yes
ust_duzey           top monthly pay, TL                                           yes
saatlik_ortalama    hourly average (empty: derived from the monthly figure)       no
saatlik_ust_duzey   hourly top (empty: derived)                                   no
kaynak              where the figures come from                                   yes
kaynak_adresi       the source's web address                                      no
ornek_veri          1 for illustrative figures, else 0 or empty                   no
net_brut            ``net``, ``brüt`` or ``belirtilmemiş`` (the source does not say)  new rows
==================  ============================================================  ========

``net_brut`` is required for a new band; left out (or empty) on an existing band, the band
keeps what it says.

A row with an existing role and year updates that band; any other row adds one. Amounts may be
written the Turkish way (``45.000``, ``45.000,50``, ``45000,5``); an ambiguous one such as
``45000.50`` or ``6.75`` is a row error (:func:`careers.turkish.parse_amount`, which the admin's
amount fields use too). CSV files may be UTF-8 or Windows-1254 (Excel's Turkish "CSV") and
separated by commas or semicolons.

Nothing is written unless the whole file is valid: file-level problems (empty, unreadable,
too many rows, missing columns) are refused by :class:`SalaryImportForm` before anything runs;
row problems (unknown role, text in an amount, duplicate role and year, the salary rules) are
listed per row in Turkish and the confirm button is not offered; the confirmed import runs in
one transaction that rolls back on any error.
"""

from .bands import SalaryBandResource
from .files import FORMATS, SalaryImportForm

__all__ = ["FORMATS", "SalaryBandResource", "SalaryImportForm"]
