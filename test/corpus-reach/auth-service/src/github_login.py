from urllib.parse import urlencode

from flask import Blueprint, redirect, session

from .config import settings

bp = Blueprint("github_login", __name__)

LOGIN_SCOPES = "read:user user:email"
SYNC_SCOPES = "repo admin:org"
#              ^ agent


@bp.route("/login/github")
def login():
    params = {"client_id": settings.github_client_id, "scope": LOGIN_SCOPES, "state": session["csrf"]}
    return redirect("https://github.com/login/oauth/authorize?" + urlencode(params))


@bp.route("/connect/github-sync")
def connect_sync():
    params = {"client_id": settings.github_client_id, "scope": SYNC_SCOPES, "state": session["csrf"]}
    return redirect("https://github.com/login/oauth/authorize?" + urlencode(params))
