from django.urls import path

from . import downloads, reports, views
from .endpoints import urls as api_urls

urlpatterns = [
    path("api/", views.docs, name="api_docs"),
    path("api/v1/openapi.json", views.openapi, name="api_openapi"),
    path("api/v1/", api_urls()),
    path("api/v1/<path:rest>", views.not_found),
    path("veri/maaslar.csv", downloads.salaries_csv, name="download_csv"),
    path("veri/maaslar-excel.csv", downloads.salaries_excel_csv, name="download_excel_csv"),
    path("veri/maaslar.json", downloads.salaries_json, name="download_json"),
    # readers' salary reports: the published cohorts (careers/api/reports.py)
    path("veri/okur-maaslari.csv", reports.reports_csv, name="download_reports_csv"),
    path(
        "veri/okur-maaslari-excel.csv",
        reports.reports_excel_csv,
        name="download_reports_excel_csv",
    ),
]
