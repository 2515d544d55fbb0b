package payments

import (
	"testing"

	"github.com/acme/ledger/internal/config"
)

const testKey = "sk_test_51iUhcBEfFwy9dgA6v9K5OHAQ1rRVInqbMrM89gcuhOgsAvAXzcuciCeb9WpEhvl7eR31l7ykCfGIrJTMbs1ZUgWfM3wJvJ31PD"

func TestNewSetsKey(t *testing.T) {
	cfg := &config.Config{StripeSecretKey: testKey, WebhookSecret: "whsec_test_secret", DBPassword: "password"}
	c := New(cfg)
	if c.cfg.StripeSecretKey != testKey {
		t.Fatalf("key not kept")
	}
}
