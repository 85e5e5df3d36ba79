from django.urls import path

from . import views
from .reports import views as reports

app_name = "salaries"

urlpatterns = [
    path("maaslar/", views.salary_list, name="list"),
    path("maaslar/net-brut/", views.net_gross, name="net_gross"),
    # readers' salary reports (careers/salaries/reports)
    path("meslekler/<slug:slug>/maasini-paylas/", reports.report_form, name="report_form"),
    path("meslekler/<slug:slug>/maasini-paylas/gonder/", reports.post_report, name="report_post"),
    path("meslekler/<slug:slug>/okur-maaslari/", reports.report_figures, name="report_figures"),
]
