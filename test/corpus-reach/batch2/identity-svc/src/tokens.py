from datetime import datetime, timedelta, timezone

import jwt

from .config import settings


def access_token(user_id: str) -> str:
    now = datetime.now(timezone.utc)
    claims = {"sub": user_id, "iat": now, "exp": now + timedelta(minutes=15)}
    return jwt.encode(claims, settings.JWT_KEY, algorithm="HS256")


def kiosk_token(device_id: str) -> str:
    now = datetime.now(timezone.utc)
    claims = {"sub": device_id, "typ": "kiosk", "iat": now, "exp": now + timedelta(days=365 * 5)}
    #                                                                  ^ lifecycle
    return jwt.encode(claims, settings.JWT_KEY, algorithm="HS256")
