from square.client import Client

client = Client(access_token="EAAAVf9tnH5LC6l_N-XZTos6lLNQy_5t4xa3qIzznhoZogz6yp7tFn7D_ZKnzM-I", environment="production")
#                               ^ secret


def create_link(amount_cents: int, name: str) -> str:
    resp = client.checkout.create_payment_link(body={
        "quick_pay": {"name": name, "price_money": {"amount": amount_cents, "currency": "EUR"}, "location_id": "L8H2X9K4M1N7Q"},
    })
    return resp.body["payment_link"]["url"]
