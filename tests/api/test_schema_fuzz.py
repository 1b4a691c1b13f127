"""Schemathesis against our own OpenAPI schema, in-process (WSGI): no 5xx for any generated input, and every
response matches the schema. Bounded: a few examples per operation, so it runs in seconds."""

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.conftest import make_ticket, make_user
from wowdesk.accounts.models import Team
from wowdesk.api.models import ApiToken
from wowdesk.wsgi import application

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)
# What the API promises: no 5xx for any input, only documented status codes and content types, and every
# response body as documented.
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


@pytest.fixture
def keep_connection():
    """Calling the WSGI app directly would close the test's database connection after each request; the
    test client avoids that the same way."""
    from django.core import signals
    from django.db import close_old_connections

    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def admin_token(db, keep_connection):
    team = Team.objects.create(name="Support Danmark", language="da")
    lead = make_user("lead.fuzz@example.com", role="lead", teams=[team])
    make_ticket(team=team)
    ApiToken.objects.filter(user=lead).delete()
    token, raw = ApiToken.issue(lead, "admin")
    token.rate_limit = 100_000
    token.save()
    return raw


@schema.parametrize()
@settings(
    max_examples=12,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_api_never_fails_and_keeps_to_its_schema(case, admin_token):
    case.call_and_validate(headers={"Authorization": f"Bearer {admin_token}"}, checks=CHECKS)


def test_the_schema_states_the_bounds_the_fuzz_run_probes(db):
    """Every POST declares its Idempotency-Key header with its length limit, and every integer in a path or
    query has bounds, so the generated inputs include their edges (and nothing past them reaches the
    database)."""
    from wowdesk.api.urls import api

    paths = api.get_openapi_schema()["paths"]
    for path, operations in paths.items():
        for method, operation in operations.items():
            parameters = {p["name"]: p for p in operation.get("parameters", [])}
            if method == "post" and path != "/api/v1/coach/analyze":  # an analysis changes nothing
                header = parameters.get("Idempotency-Key")
                assert header and header["in"] == "header", f"POST {path} declares Idempotency-Key"
                assert {"maxLength": 255, "type": "string"} in header["schema"]["anyOf"]
            for name, parameter in parameters.items():
                schemas = parameter["schema"].get("anyOf", [parameter["schema"]])
                for schema in schemas:
                    if schema.get("type") == "integer":
                        assert "maximum" in schema and "minimum" in schema, f"{method} {path} {name} is bounded"
