"""The portal's URLs: public pages in Danish paths, the back office under /admin/."""

from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from municipalities import views as municipal_views
from portal import views
from portal.sitemaps import SITEMAPS

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("", include("offers.urls")),
    path("", include("bookings.urls")),
    path("samarbejder/", include("partnerships.urls")),
    path("kommuner/", include("municipalities.urls")),
    path("min-skole/", include("municipalities.school_urls")),
    path("indlejr/kommuner/<slug:slug>/", municipal_views.site_embed, name="site_embed"),
]

# Danish error pages in the layout that render without the database (portal/errors.py).
handler400 = "portal.errors.bad_request"
handler403 = "portal.errors.permission_denied"
handler404 = "portal.errors.page_not_found"
handler500 = "portal.errors.server_error"
