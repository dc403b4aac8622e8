"""Public pages of the municipal sites (kommunesites) and the consultant's coverage page.

The public sees published sites only; a consultant for the municipality (municipalities.access) may
preview an unpublished site, and only they see its coverage page.
"""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from municipalities.access import consults_for
from municipalities.catalogue import catalogue_pdf as site_catalogue_pdf
from municipalities.coverage import coverage as coverage_matrix
from municipalities.models import MunicipalSite
from offers.search import search_catalogue
from portal.embedding import allow_framing
from portal.pdf import pdf_response


def _get_site(request, slug: str) -> MunicipalSite:
    """The site at `slug`: published, or unpublished for a preview by its own consultants."""
    site = get_object_or_404(
        MunicipalSite.objects.select_related("municipality__region"), municipality__slug=slug
    )
    if not site.published and not consults_for(request.user, site.municipality):
        raise Http404
    return site


def site_list(request):
    sites = MunicipalSite.objects.published().select_related("municipality__region")
    sites = sites.order_by("municipality__region__name", "municipality__name")
    return render(request, "municipalities/site_list.html", {"sites": sites})


def site_detail(request, slug):
    site = _get_site(request, slug)
    page = Paginator(site.other_offers(), settings.PORTAL_PAGE_SIZE).get_page(request.GET.get("page"))
    featured = site.featured_entries() if page.number == 1 else []
    return render(
        request, "municipalities/site_detail.html", {"site": site, "featured": featured, "page": page}
    )


def site_search(request, slug):
    """The catalogue search (offers.search) over the site's selection, with every facet of /tilbud/."""
    site = _get_site(request, slug)
    context = search_catalogue(request, site.selection())
    return render(request, "municipalities/site_search.html", {**context, "site": site})


@require_safe
def catalogue_pdf(request, slug):
    """The site's printed catalogue (municipalities.catalogue), for the public and for a preview."""
    site = _get_site(request, slug)
    return pdf_response(site_catalogue_pdf(request, site), f"katalog-{site.municipality.slug}.pdf")


@require_safe
def site_embed(request, slug):
    """The published site's selection and its search, for an iframe on the web sites its consultant lists
    (portal/embedding.py): anonymous, read-only, no cookies; offers and booking open in a new tab."""
    site = get_object_or_404(
        MunicipalSite.objects.published().select_related("municipality"), municipality__slug=slug
    )
    context = search_catalogue(request, site.selection(), exclude_facets=("kommune", "region"))
    response = render(request, "municipalities/embed_site.html", {**context, "site": site})
    return allow_framing(response, site.embed_origins)


@login_required
def coverage(request, slug):
    site = get_object_or_404(MunicipalSite.objects.select_related("municipality"), municipality__slug=slug)
    if not consults_for(request.user, site.municipality):
        raise PermissionDenied
    return render(request, "municipalities/coverage.html", {"site": site, "coverage": coverage_matrix(site)})
