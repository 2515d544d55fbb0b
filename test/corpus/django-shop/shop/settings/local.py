from .base import *  # noqa: F401,F403

DEBUG = True
SECRET_KEY = "django-insecure-local-development-only"
ALLOWED_HOSTS = ["*"]
INTERNAL_IPS = ["127.0.0.1"]

EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": BASE_DIR / "db.sqlite3",
    }
}
# Use the MinIO container from docker-compose; credentials come from the environment.
AWS_S3_ENDPOINT_URL = "http://localhost:9000"
AWS_ACCESS_KEY_ID = env("MINIO_ROOT_USER", default="minioadmin")
AWS_SECRET_ACCESS_KEY = env("MINIO_ROOT_PASSWORD", default="minioadmin")
