"""Public pages of the municipal sites (kommunesites) and the consultant's coverage page.

The public sees published sites only; those who manage a site (its consultants, portal staff; see
portal.access) may preview it unpublished, and only they see its coverage page.
"""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import render

from municipalities.coverage import coverage as coverage_matrix
from municipalities.models import MunicipalSite
from offers.search import search_catalogue
from portal.access import get_site_for_user, may_view_model


def site_list(request):
    sites = MunicipalSite.objects.published().select_related("municipality__region")
    sites = sites.order_by("municipality__region__name", "municipality__name")
    return render(request, "municipalities/site_list.html", {"sites": sites})


def site_detail(request, slug):
    site = get_site_for_user(request.user, slug)
    page = Paginator(site.other_offers(), settings.PORTAL_PAGE_SIZE).get_page(request.GET.get("page"))
    featured = site.featured_entries() if page.number == 1 else []
    return render(
        request, "municipalities/site_detail.html", {"site": site, "featured": featured, "page": page}
    )


def site_search(request, slug):
    """The catalogue search (offers.search) over the site's selection, with every facet of /tilbud/."""
    site = get_site_for_user(request.user, slug)
    context = search_catalogue(request, site.selection())
    return render(request, "municipalities/site_search.html", {**context, "site": site})


@login_required
def coverage(request, slug):
    """For those who manage the site; 403 for users without back-office access to sites, 404 for a site that
    is not theirs (whether it exists stays unsaid)."""
    if not may_view_model(request.user, MunicipalSite):
        raise PermissionDenied
    site = get_site_for_user(request.user, slug, managed=True)
    return render(request, "municipalities/coverage.html", {"site": site, "coverage": coverage_matrix(site)})
