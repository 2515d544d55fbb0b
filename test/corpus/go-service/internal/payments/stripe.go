package payments

import (
	"github.com/stripe/stripe-go/v79"
	"github.com/stripe/stripe-go/v79/paymentintent"

	"github.com/acme/ledger/internal/config"
)

type Client struct {
	cfg *config.Config
}

func New(cfg *config.Config) *Client {
	stripe.Key = cfg.StripeSecretKey
	return &Client{cfg: cfg}
}

func (c *Client) Capture(id string) (*stripe.PaymentIntent, error) {
	return paymentintent.Capture(id, &stripe.PaymentIntentCaptureParams{})
}
