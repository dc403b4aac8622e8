"""Public pages of the municipal sites (kommunesites), the consultant's coverage page, and the picker of
the teacher's own school (municipalities.my_school).

The public sees published sites only; those who manage a site (its consultants, portal staff; see
portal.access) may preview it unpublished, and only they see its coverage page and the offers that could
fill its gaps (and feature one, with the permission to add featured offers).
"""

from urllib.parse import urlencode, urlsplit, urlunsplit

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from municipalities.catalogue import catalogue_pdf as site_catalogue_pdf
from municipalities.coverage import GAP_OFFERS_SHOWN, gap_offers, is_taught
from municipalities.coverage import coverage as coverage_matrix
from municipalities.forms import ChooseSchoolForm
from municipalities.models import MunicipalSite, School
from municipalities.my_school import PARAM, forget, remember
from offers.calendar_feeds import calendar_response
from offers.models import GradeLevel, Offer, Subject
from offers.search import search_catalogue
from portal.access import get_site_for_user, manages, may_view_model
from portal.embedding import allow_framing
from portal.pdf import pdf_response


def site_list(request):
    sites = MunicipalSite.objects.published().select_related("municipality__region")
    sites = sites.order_by("municipality__region__name", "municipality__name")
    return render(request, "municipalities/site_list.html", {"sites": sites})


def site_detail(request, slug):
    site = get_site_for_user(request.user, slug)
    page = Paginator(site.other_offers(), settings.PORTAL_PAGE_SIZE).get_page(request.GET.get("page"))
    featured = site.featured_entries() if page.number == 1 else []
    context = {
        "site": site,
        "featured": featured,
        "page": page,
        "consults": manages(request.user, site),  # a link to the coverage page
    }
    return render(request, "municipalities/site_detail.html", context)


def site_search(request, slug):
    """The catalogue search (offers.search) over the site's selection, with every facet of /tilbud/."""
    site = get_site_for_user(request.user, slug)
    context = search_catalogue(request, site.selection())
    return render(request, "municipalities/site_search.html", {**context, "site": site})


def _get_managed_site(request, slug: str) -> MunicipalSite:
    """The site at `slug` for those who manage it (published or not): 403 for users without back-office
    access to sites, 404 for a site that is not theirs (whether it exists stays unsaid)."""
    if not may_view_model(request.user, MunicipalSite):
        raise PermissionDenied
    return get_site_for_user(request.user, slug, managed=True)


@require_safe
def catalogue_pdf(request, slug):
    """The site's printed catalogue (municipalities.catalogue), for the public and for a preview."""
    site = get_site_for_user(request.user, slug)
    return pdf_response(site_catalogue_pdf(request, site), f"katalog-{site.municipality.slug}.pdf")


@require_safe
def site_calendar(request, slug):
    """The dated visits of the published site's selection as an iCalendar feed (offers/calendar_feeds.py)."""
    site = get_object_or_404(
        MunicipalSite.objects.published().select_related("municipality"), municipality__slug=slug
    )
    name = f"Åben Skole – {site.municipality.name}"
    return calendar_response(request, name, site.selection(), f"datoer-{site.municipality.slug}.ics")


@require_safe
def site_embed(request, slug):
    """The published site's selection and its search, for an iframe on the web sites its consultant lists
    (portal/embedding.py): anonymous, read-only, no cookies; offers and booking open in a new tab."""
    site = get_object_or_404(
        MunicipalSite.objects.published().select_related("municipality"), municipality__slug=slug
    )
    # No cookies in an embed: no chosen school, so no distance facets and no invitation to choose one.
    context = search_catalogue(
        request, site.selection(), exclude_facets=("kommune", "region", "afstand", "transport")
    )
    response = render(request, "municipalities/embed_site.html", {**context, "site": site})
    return allow_framing(response, site.embed_origins)


@login_required
def coverage(request, slug):
    site = _get_managed_site(request, slug)
    return render(request, "municipalities/coverage.html", {"site": site, "coverage": coverage_matrix(site)})


class FeatureForm(forms.Form):
    offer = forms.ModelChoiceField(queryset=Offer.objects.published())


@login_required
@require_http_methods(["GET", "POST"])
def coverage_gap(request, slug, subject, grade):
    """A gap of the coverage matrix: the offers of the whole catalogue that could fill it, nearest first, each
    with a button that features it on the site (for consultants who may add featured offers)."""
    site = _get_managed_site(request, slug)
    subject = get_object_or_404(Subject, slug=subject)
    grade = get_object_or_404(GradeLevel, slug=grade)
    if not is_taught(subject, grade):
        raise Http404
    may_feature = request.user.has_perm("municipalities.add_featuredoffer")
    form = FeatureForm(request.POST or None)
    if request.method == "POST":
        if not may_feature:
            raise PermissionDenied
        if form.is_valid():
            offer = form.cleaned_data["offer"]
            site.feature(offer)
            messages.success(
                request,
                _("“%(title)s” is now featured on %(site)s.") % {"title": offer.title, "site": site.title},
            )
            return redirect("municipalities:coverage", slug)
    offers = gap_offers(site, subject, grade)
    context = {
        "site": site,
        "subject": subject,
        "grade": grade,
        "offers": offers[:GAP_OFFERS_SHOWN],
        "total": offers.count(),
        "may_feature": may_feature,
        "form": form,
    }
    return render(request, "municipalities/coverage_gap.html", context, status=400 if form.errors else 200)


SCHOOL_RESULTS = 20


def _next_url(request) -> str:
    """Where to go after choosing or forgetting: the page the teacher came from (same site, without a
    ?skole= that would choose the old school again), else the catalogue."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        return reverse("offers:offer_list")
    parts = urlsplit(target)
    if parts.path == reverse("my_school:choose"):
        return reverse("offers:offer_list")
    query = QueryDict(parts.query, mutable=True)
    query.pop(PARAM, None)
    return urlunsplit(("", "", parts.path, query.urlencode(), parts.fragment))


def choose_school(request):
    """Search the schools by name, postcode or town (GET `find`); choose one (POST) to remember it."""
    status = 200
    if request.method == "POST":
        form = ChooseSchoolForm(request.POST)
        if form.is_valid():
            school = form.cleaned_data["school"]
            response = redirect(_next_url(request))
            remember(response, school)
            messages.success(
                request,
                _("Your school is now %(name)s. Offers show how far away they are.") % {"name": school.name},
            )
            return response
        messages.error(request, " ".join(form.errors["school"]))
        status = 400
    text = request.GET.get("find", "").strip()[:100]
    schools = School.objects.search(text) if text else School.objects.none()
    context = {
        "find": text,
        "schools": schools[:SCHOOL_RESULTS],
        "total": schools.count() if text else 0,
        "next": _next_url(request),
        "next_query": urlencode({"next": _next_url(request)}),
    }
    return render(request, "municipalities/choose_school.html", context, status=status)


@require_POST
def forget_school(request):
    response = redirect(_next_url(request))
    forget(response)
    messages.info(request, _("Your school is forgotten in this browser."))
    return response
