# Production settings. Deployed by the ops pipeline to the EU cluster.
from .base import *  # noqa: F401,F403

DEBUG = False
ALLOWED_HOSTS = ["shop.acme-retail.eu", "www.acme-retail.eu"]

SECRET_KEY = 'crlot(#hei@b^3@4nugx1t+rl8jfu%rg141h-!36hv*w9_v#za'
#               ^ secret

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "shop",
        "USER": "shop_prod",
        "PASSWORD": "Tr0mb0ne-Harbor-77",
        #            ^ secret
        "HOST": "shop-prod.cluster-c9x2k1.eu-west-1.rds.amazonaws.com",
        "PORT": "5432",
        "CONN_MAX_AGE": 60,
    }
}

AWS_ACCESS_KEY_ID = "AKIAY3OFZO6JKYHESPHB"
#                      ^ secret
AWS_SECRET_ACCESS_KEY = "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"
#                          ^ secret
AWS_S3_REGION_NAME = "eu-west-1"

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = "smtp.mailgun.org"
EMAIL_HOST_USER = "postmaster@mg.acme-retail.eu"
EMAIL_HOST_PASSWORD = "b445e20b5a254d4696947d716e24ffad-Cs8ug15vwQ5sKnu6"
#                        ^ secret
SECURE_HSTS_SECONDS = 31536000
