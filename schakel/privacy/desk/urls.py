"""Routes of the privacy officer's desk, the access-rights review, the register downloads and
the legal-basis catalogue (included by `privacy/urls.py`, namespace ``privacy``)."""

from django.urls import path

from schakel.privacy.catalogue import views as catalogue_views
from schakel.privacy.desk import views as desk_views

urlpatterns = [
    # The privacy officer's desk.
    path("privacybureau/", desk_views.desk, name="desk"),
    path("privacybureau/verstrekkingen/", desk_views.desk_disclosures, name="desk_disclosures"),
    path(
        "privacybureau/verstrekkingen/lijst/",
        desk_views.desk_disclosure_list,
        name="desk_disclosure_list",
    ),
    path(
        "privacybureau/incidentele-deelnames/",
        desk_views.desk_incidental,
        name="desk_incidental",
    ),
    path("privacybureau/aanmeldingen/", desk_views.desk_sign_ins, name="desk_sign_ins"),
    path("privacybureau/toezichtsinzage/", desk_views.desk_supervision, name="desk_supervision"),
    path(
        "privacybureau/toezichtsinzage/<uuid:pk>/",
        desk_views.desk_supervision_case,
        name="desk_supervision_case",
    ),
    # The annual access-rights review (privacy officer, functional admin, administrator).
    path("toegangsreview/", desk_views.access_review_page, name="desk_access_review"),
    path(
        "toegangsreview/<int:year>/aftekenen/",
        desk_views.access_review_sign_off,
        name="desk_access_review_sign_off",
    ),
    path(
        "toegangsreview/<int:year>/csv/",
        desk_views.access_review_csv,
        name="desk_access_review_csv",
    ),
    # The register of processing activities as a download.
    path("verwerkingsregister/export/csv/", desk_views.register_csv, name="desk_register_csv"),
    path("verwerkingsregister/export/pdf/", desk_views.register_pdf, name="desk_register_pdf"),
    # The legal-basis catalogue (functional admins).
    path("beheer/grondslagen/", catalogue_views.basis_list, name="basis_list"),
    path("beheer/grondslagen/nieuw/", catalogue_views.basis_create, name="basis_create"),
    path(
        "beheer/grondslagen/<uuid:pk>/wijzigen/",
        catalogue_views.basis_update,
        name="basis_update",
    ),
    path(
        "beheer/grondslagen/<uuid:pk>/deactiveren/",
        catalogue_views.basis_deactivate,
        name="basis_deactivate",
    ),
    path(
        "beheer/grondslagen/<uuid:pk>/activeren/",
        catalogue_views.basis_activate,
        name="basis_activate",
    ),
    path(
        "beheer/grondslagen/<uuid:pk>/verwijderen/",
        catalogue_views.basis_delete,
        name="basis_delete",
    ),
]
