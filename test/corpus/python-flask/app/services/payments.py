"""Thin wrapper around Stripe used by the checkout flow."""
from decimal import Decimal

import stripe

from ..models import Order

# Publishable key is safe to ship to the browser; it only identifies the account.
STRIPE_PUBLISHABLE_KEY = "pk_live_51lKHd9xxtfD61BfPsJ9ZMLLDiXqd26taeM74xB9z8ZaUK0A655KfFnCycXxUDQfFowLnariEEhOw5cQZqgxSvMmgPbu4tNKOtP"

stripe.api_key = "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"
#                   ^ secret
stripe.api_version = "2024-06-20"

WEBHOOK_SECRET = "whsec_95bvihfuVJcVPN3d1ZPVJomHVglWltxI"
#                   ^ secret


def charge(order: Order, payment_method_id: str) -> str:
    intent = stripe.PaymentIntent.create(
        amount=int(order.total * Decimal(100)),
        currency=order.currency.lower(),
        payment_method=payment_method_id,
        confirm=True,
        idempotency_key=f"order-{order.id}",
        metadata={"order_id": str(order.id)},
    )
    return intent.id


def verify_webhook(payload: bytes, signature: str):
    return stripe.Webhook.construct_event(payload, signature, WEBHOOK_SECRET)
