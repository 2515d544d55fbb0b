"""Slack app installation: the bot posts deploy notices; workspace admins can opt in to user provisioning."""
from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import redirect

BOT_SCOPES = ["chat:write", "channels:read", "commands"]
PROVISIONING_USER_SCOPES = ["admin", "users:read"]
#                            ^ agent


def install(request):
    query = urlencode(
        {
            "client_id": settings.SLACK_CLIENT_ID,
            "scope": ",".join(BOT_SCOPES),
            "redirect_uri": settings.SLACK_REDIRECT_URI,
            "state": request.session["oauth_state"],
        }
    )
    return redirect(f"https://slack.com/oauth/v2/authorize?{query}")


def install_provisioning(request):
    query = urlencode(
        {
            "client_id": settings.SLACK_CLIENT_ID,
            "user_scope": ",".join(PROVISIONING_USER_SCOPES),
            "redirect_uri": settings.SLACK_REDIRECT_URI,
            "state": request.session["oauth_state"],
        }
    )
    return redirect(f"https://slack.com/oauth/v2/authorize?{query}")
