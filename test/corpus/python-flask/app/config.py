import os
from datetime import timedelta

basedir = os.path.abspath(os.path.dirname(__file__))


class BaseConfig:
    SQLALCHEMY_TRACK_MODIFICATIONS = False
    PERMANENT_SESSION_LIFETIME = timedelta(hours=8)
    SESSION_COOKIE_SECURE = True
    # Signing key for sessions and CSRF tokens.
    SECRET_KEY = os.environ.get("SECRET_KEY")
    MAIL_SERVER = "smtp.sendgrid.net"
    MAIL_PORT = 587
    MAIL_USE_TLS = True
    MAIL_USERNAME = "apikey"
    MAIL_PASSWORD = os.environ.get("SENDGRID_API_KEY")


class DevelopmentConfig(BaseConfig):
    DEBUG = True
    SQLALCHEMY_DATABASE_URI = "sqlite:///" + os.path.join(basedir, "dev.db")
    SECRET_KEY = "dev"


class TestingConfig(BaseConfig):
    TESTING = True
    SQLALCHEMY_DATABASE_URI = "sqlite://"
    WTF_CSRF_ENABLED = False
    SECRET_KEY = "testing-not-a-secret"


class ProductionConfig(BaseConfig):
    SQLALCHEMY_DATABASE_URI = os.environ.get(
        "DATABASE_URL",
        "postgresql://orders_app:Lq7#vR2!pWx9@db-prod-01.internal.acme.io:5432/orders",
        #                        ^ secret
    )
    SECRET_KEY = os.environ.get("SECRET_KEY", "lNbBv1xWSkyL3ODzDzSk29LPbC7kwFoNF9NlFJCVyLiHzd7D")
    #                                            ^ secret
    REDIS_URL = "redis://:ITDrp9HIhCLWFVctI35RmmERmMqRGAnG@cache-prod.internal.acme.io:6379/0"
    #                       ^ secret
