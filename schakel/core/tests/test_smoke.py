from django.test import Client


def test_health_reports_database_and_log_head_without_personal_data(db: None) -> None:
    response = Client().get("/health/")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "checks": {"database": "ok", "processing_log": "ok"},
    }


def test_dashboard_requires_sign_in(db: None) -> None:
    response = Client().get("/")
    assert response.status_code == 302
    assert response["Location"].startswith("/inloggen/")


def test_signed_in_user_sees_dashboard(personas, signed_in) -> None:
    response = signed_in(personas.lead_a).get("/")
    assert response.status_code == 200
    assert "Gemeente Aldermeer" in response.content.decode()


def test_unknown_api_version_answers_problem_json(personas, signed_in) -> None:
    response = signed_in(personas.lead_a).get("/api/v2/iets/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["status"] == 404
