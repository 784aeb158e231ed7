import factory

from schakel.network.choices import OrganisationKind
from schakel.network.models import InterventionOption, Organisation, Region


class RegionFactory(factory.django.DjangoModelFactory[Region]):
    class Meta:
        model = Region
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Testregio {n}")


class OrganisationFactory(factory.django.DjangoModelFactory[Organisation]):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Gemeente Testdorp {n}")
    kind = OrganisationKind.MUNICIPALITY
    region = factory.SubFactory(RegionFactory)
    mailbox = factory.Sequence(lambda n: f"meldpunt{n}@testdorp.example")
    legal_framework = "Wet gegevensverwerking PGA"


class InterventionOptionFactory(factory.django.DjangoModelFactory[InterventionOption]):
    class Meta:
        model = InterventionOption

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Interventie {n}")
    description = "Omschrijving"
