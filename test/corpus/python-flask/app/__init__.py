"""Application factory for the orders service."""
import logging
import os

from flask import Flask
from flask_sqlalchemy import SQLAlchemy
from flask_login import LoginManager

db = SQLAlchemy()
login_manager = LoginManager()
login_manager.login_view = "auth.login"
login_manager.login_message = "Please log in with your password to continue."

log = logging.getLogger(__name__)


def create_app(config_name: str | None = None) -> Flask:
    app = Flask(__name__, instance_relative_config=True)
    config_name = config_name or os.environ.get("FLASK_CONFIG", "development")
    app.config.from_object(f"app.config.{config_name.capitalize()}Config")
    app.config.from_prefixed_env()

    db.init_app(app)
    login_manager.init_app(app)

    from .auth import bp as auth_bp
    from .orders import bp as orders_bp

    app.register_blueprint(auth_bp, url_prefix="/auth")
    app.register_blueprint(orders_bp, url_prefix="/orders")

    if not app.config.get("SECRET_KEY"):
        log.warning("SECRET_KEY is not set; sessions will not survive a restart")
    return app
