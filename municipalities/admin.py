"""The back office for regions, municipalities and schools."""

from django.contrib import admin

from municipalities.models import Municipality, Region, School


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["name", "code"]
    search_fields = ["name", "code"]


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "region"]
    list_filter = ["region"]
    list_select_related = ["region"]
    search_fields = ["name", "code"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(School)
class SchoolAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "postcode", "municipality"]
    list_filter = ["kind", "municipality__region"]
    list_select_related = ["municipality"]
    search_fields = ["name", "key", "postcode"]
    autocomplete_fields = ["municipality"]
