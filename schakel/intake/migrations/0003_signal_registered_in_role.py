"""Signals remember the role they were registered in, so an organisation's members follow only
the signals of their own role (a municipal department does not see the meldpunt's)."""

from django.db import migrations, models


def fill(apps, schema_editor):
    Signal = apps.get_model("intake", "Signal")
    Membership = apps.get_model("accounts", "Membership")
    for signal in Signal.objects.filter(registered_in_role=""):
        membership = (
            Membership.objects.filter(
                user_id=signal.registered_by_id, organisation_id=signal.registering_organisation_id
            )
            .order_by("valid_from")
            .first()
        )
        signal.registered_in_role = membership.role if membership else "partner_member"
        signal.save(update_fields=["registered_in_role"])


class Migration(migrations.Migration):
    dependencies = [
        ("intake", "0002_seed_phenomena"),
        ("accounts", "0001_users_memberships_tokens"),
    ]

    operations = [
        migrations.AddField(
            model_name="signal",
            name="registered_in_role",
            field=models.CharField(
                default="",
                help_text="Wie in de organisatie het signaal volgt: leden met dezelfde rol.",
                max_length=32,
                verbose_name="geregistreerd in de rol",
            ),
            preserve_default=False,
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
