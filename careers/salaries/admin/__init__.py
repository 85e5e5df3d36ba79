"""The salaries in the admin: the salary list (editable in place, import and export, history,
the data-quality page), the minimum wage, the payroll rules and each figure's net/gross
counterpart as editors type (``payroll.py``), and what this app adds to the article's screen
(the figures inline, salary columns and filters, warnings after a save: ``roles.py``)."""

from ..reports import admin as reports  # noqa: F401  (readers' salary reports)
from . import bands, payroll, roles  # noqa: F401
