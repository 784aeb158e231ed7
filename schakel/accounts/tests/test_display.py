from schakel.accounts.display import staff_display


def test_staff_appear_as_function_organisation_and_mailbox_never_by_name(personas) -> None:
    user = personas.police_member
    user.function_title = "Wijkagent"
    shown = staff_display(user, personas.police)
    assert shown == f"Wijkagent – Politie-eenheid Noordkaap ({personas.police.mailbox})"
    assert user.full_name not in shown
    assert user.email not in shown


def test_missing_function_title_falls_back_to_generic_word(personas) -> None:
    user = personas.police_member
    user.function_title = "  "
    assert staff_display(user, personas.police).startswith("Medewerker – ")
