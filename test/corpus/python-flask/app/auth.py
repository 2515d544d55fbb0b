from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_login import login_user, logout_user
from werkzeug.security import check_password_hash, generate_password_hash

from . import db
from .models import User

bp = Blueprint("auth", __name__)

PASSWORD_MIN_LENGTH = 12
RESET_TOKEN_TTL_SECONDS = 3600


@bp.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "POST":
        email = request.form["email"]
        password = request.form["password"]
        user = User.query.filter_by(email=email).first()
        if user is None or not check_password_hash(user.password_hash, password):
            flash("Invalid email or password")
            return render_template("auth/login.html"), 401
        login_user(user, remember=request.form.get("remember") == "on")
        return redirect(url_for("orders.index"))
    return render_template("auth/login.html")


@bp.route("/register", methods=["POST"])
def register():
    password = request.form.get("password", "")
    if len(password) < PASSWORD_MIN_LENGTH:
        flash(f"Password must have at least {PASSWORD_MIN_LENGTH} characters")
        return redirect(url_for("auth.register"))
    user = User(email=request.form["email"], password_hash=generate_password_hash(password))
    db.session.add(user)
    db.session.commit()
    secret = current_app.config["SECRET_KEY"]
    token = make_reset_token(user.id, secret)
    current_app.logger.info("registered user %s", user.id)
    return {"id": user.id, "verify": url_for("auth.verify", token=token)}


@bp.route("/logout")
def logout():
    logout_user()
    return redirect(url_for("auth.login"))


def make_reset_token(user_id: int, secret: str) -> str:
    from itsdangerous import URLSafeTimedSerializer

    return URLSafeTimedSerializer(secret, salt="password-reset").dumps(user_id)
