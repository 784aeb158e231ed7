import datetime as dt

import factory
from django_otp.plugins.otp_totp.models import TOTPDevice

from schakel.accounts.choices import Role
from schakel.accounts.models import Membership, User
from schakel.network.tests.factories import OrganisationFactory

TEST_PASSWORD = "correct-horse-battery-staple-42"


class UserFactory(factory.django.DjangoModelFactory[User]):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"medewerker{n}@test.example")
    full_name = factory.Sequence(lambda n: f"Testpersoon {n}")
    function_title = "Beleidsmedewerker"
    password = factory.PostGenerationMethodCall("set_password", TEST_PASSWORD)

    @factory.post_generation
    def save_password(self, create: bool, extracted: object, **kwargs: object) -> None:
        if create:
            self.save()


class MembershipFactory(factory.django.DjangoModelFactory[Membership]):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = Role.MUNICIPAL_LEAD
    valid_from = factory.LazyFunction(lambda: dt.date(2020, 1, 1))


class TOTPDeviceFactory(factory.django.DjangoModelFactory[TOTPDevice]):
    class Meta:
        model = TOTPDevice

    user = factory.SubFactory(UserFactory)
    name = "Authenticator-app"
    confirmed = True
