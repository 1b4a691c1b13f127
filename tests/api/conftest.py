import pytest
from django.test import Client

from wowdesk.api.models import ApiToken


class ApiClient:
    """The Django test client with a bearer token, speaking JSON."""

    def __init__(self, raw_token: str):
        self.client = Client()
        self.headers = {"Authorization": f"Bearer {raw_token}"}

    def get(self, path, params=None, **headers):
        return self.client.get(path, params or {}, headers={**self.headers, **headers})

    def post(self, path, body=None, **headers):
        import json

        return self.client.post(
            path, json.dumps(body or {}), content_type="application/json", headers={**self.headers, **headers}
        )

    def patch(self, path, body=None):
        import json

        return self.client.patch(path, json.dumps(body or {}), content_type="application/json", headers=self.headers)

    def delete(self, path):
        return self.client.delete(path, headers=self.headers)


@pytest.fixture
def token_for():
    def make(user, scope="write"):
        token, raw = ApiToken.issue(user, scope)
        client = ApiClient(raw)
        client.token = token
        return client

    return make
