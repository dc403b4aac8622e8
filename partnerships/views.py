"""Pages of the partnerships app: the public showcase and a record (public records only, contacts by role
and never with e-mail or phone), the consultants' summary and the printable agreement (back office)."""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import HttpResponsePermanentRedirect
from django.shortcuts import render
from django.utils import timezone

from municipalities.models import Municipality
from offers.models import Offer
from partnerships import health
from partnerships.filters import OLD_NAMES, PartnershipFilter
from partnerships.models import Partnership
from partnerships.summary import summarise
from portal import access


def partnership_list(request):
    if OLD_NAMES.keys() & request.GET.keys():
        return redirect_old_link(request)
    records = Partnership.objects.public().with_card_relations()
    filterset = PartnershipFilter(request.GET or None, queryset=records, request=request)
    page = Paginator(filterset.qs, settings.PORTAL_PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"filter": filterset, "page": page, "query": filterset.query(), "notices": filterset.notices()}
    return render(request, "partnerships/partnership_list.html", context)


def redirect_old_link(request):
    """A link with the showcase's earlier English parameters (`municipality=soroe&kind=partnership`) moves
    permanently to the catalogue's names and identifiers (`kommune=340&type=partnership`)."""
    slugs = request.GET.getlist("municipality")
    codes = dict(Municipality.objects.filter(slug__in=slugs).values_list("slug", "code"))
    pairs = []
    for name, values in request.GET.lists():
        if name == "municipality":
            values = [codes.get(value, value) for value in values]
        pairs.extend((OLD_NAMES.get(name, name), value) for value in values)
    return HttpResponsePermanentRedirect(f"{request.path}?{urlencode(pairs)}")


def partnership_detail(request, slug):
    partnership = access.get_partnership_for_user(
        request.user,
        slug,
        queryset=Partnership.objects.prefetch_related(
            "providers",
            "schools",
            "municipalities",
            "subjects",
            "grades",
            "contacts",
            Prefetch("offers", queryset=Offer.objects.published().select_related("provider")),
        ),
    )
    may_manage = access.may_view_model(request.user, Partnership) and access.manages(
        request.user, partnership
    )
    return render(
        request,
        "partnerships/partnership_detail.html",
        {"partnership": partnership, "may_manage": may_manage},
    )


@login_required
def summary(request):
    if not access.may_view_model(request.user, Partnership):
        raise PermissionDenied
    today = timezone.localdate()
    context = {
        "summaries": summarise(request.user, today),
        "legend": health.describe(today),
        "today": today,
        "may_add": request.user.has_perm("partnerships.add_partnership"),
        "portal_staff": access.sees_everything(request.user),
    }
    return render(request, "partnerships/summary.html", context)


@login_required
def agreement(request, slug):
    """The printable agreement of a record the user manages; 404 for any other (its existence stays unsaid)."""
    if not access.may_view_model(request.user, Partnership):
        raise PermissionDenied
    partnership = access.get_partnership_for_user(
        request.user,
        slug,
        managed=True,
        queryset=Partnership.objects.select_related("successor").prefetch_related(
            "providers__municipality",
            "schools__municipality",
            "municipalities",
            "subjects",
            "grades",
            "contacts",
        ),
    )
    return render(request, "partnerships/agreement.html", {"partnership": partnership})
