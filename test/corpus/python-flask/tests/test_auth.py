import pytest

from app import create_app, db
from app.models import User

TEST_PASSWORD = "correct-horse-battery-staple-test"


@pytest.fixture
def client():
    app = create_app("testing")
    app.config.update(SECRET_KEY="test-secret-key", STRIPE_API_KEY="sk_test_xxxxxxxxxxxxxxxxxxxxxxxx")
    with app.app_context():
        db.create_all()
        yield app.test_client()
        db.drop_all()


def test_login_rejects_wrong_password(client):
    client.post("/auth/register", data={"email": "a@example.com", "password": TEST_PASSWORD})
    rv = client.post("/auth/login", data={"email": "a@example.com", "password": "wrong-password"})
    assert rv.status_code == 401


def test_register_requires_long_password(client):
    rv = client.post("/auth/register", data={"email": "b@example.com", "password": "short"})
    assert rv.status_code == 302


def test_token_roundtrip(client, monkeypatch):
    monkeypatch.setenv("GITHUB_TOKEN", "ghp_000000000000000000000000000000000000")
    fake_user = User(email="c@example.com", password_hash="pbkdf2:sha256:600000$salt$deadbeef")
    assert fake_user.password_hash.startswith("pbkdf2")
