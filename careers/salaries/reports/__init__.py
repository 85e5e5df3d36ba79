"""Readers' salary reports: what people in the job say they earn now, by city and experience,
published only as privacy-safe aggregates (issue 18). A part of the salaries app:

==============  ===============================================================================
``models``      Report (one reader's pay; the address only as a keyed hash, for 30 days),
                ReportCohort (a published aggregate), ReportSummary (what a role's pages show),
                ReportBatchRun
``provinces``   the 81 provinces with plate codes and İBBS-1 regions (a data module)
``conf``        every threshold, with its default (and what the public pages print)
``forms``       "Maaşını paylaş": the fields, the hard limits against the minimum wage
``intake``      the flood limits (shared across servers) and "one report per address and role"
``stats``       quantiles, rounding, Tukey's fences on the log scale (plain numbers)
``cohorts``     one role's cohorts from its accepted reports (outliers, year, thresholds)
``batch``       the nightly batch: stream every report, write only what changed, purge
``jobs``        the batch and the address clean-up on the job queue
``present``     what pages show of the published rows; fallbacks (city -> region -> role)
``views``       the form's own page, posting, the figures by province and experience
``admin``       the review queue, figures per role beside the editor's, "recompute now"
==============  ===============================================================================

Pages never read a report: only the batch's rows (the article reads its role's summary in the
role's own query). A new report changes nothing public until the batch runs.
"""
