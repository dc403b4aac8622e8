"""The portal's URLs: public pages in Danish paths, the back office under /admin/."""

from django.contrib import admin
from django.urls import include, path

from municipalities import views as municipal_views
from portal import views

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("", include("offers.urls")),
    path("samarbejder/", include("partnerships.urls")),
    path("kommuner/", include("municipalities.urls")),
    path("indlejr/kommuner/<slug:slug>/", municipal_views.site_embed, name="site_embed"),
]
