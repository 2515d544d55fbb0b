package config

import (
	"fmt"
	"os"
	"time"
)

// Config is loaded once at start-up from the environment.
type Config struct {
	DatabaseURL      string
	DBPassword       string
	SlackToken       string
	StripeSecretKey  string
	WebhookSecret    string
	TokenTTL         time.Duration
	PasswordMinChars int
}

type Secrets struct {
	MySecretPasswordVariable string
	APIToken                 string
}

func Load() (*Config, error) {
	cfg := &Config{
		DatabaseURL:      os.Getenv("DATABASE_URL"),
		DBPassword:       os.Getenv("DB_PASSWORD"),
		SlackToken:       os.Getenv("SLACK_BOT_TOKEN"),
		StripeSecretKey:  os.Getenv("STRIPE_SECRET_KEY"),
		WebhookSecret:    os.Getenv("STRIPE_WEBHOOK_SECRET"),
		TokenTTL:         15 * time.Minute,
		PasswordMinChars: 12,
	}
	if cfg.DatabaseURL == "" {
		return nil, fmt.Errorf("DATABASE_URL is required")
	}
	return cfg, nil
}

// DSN builds a connection string from parts; the password never appears in code.
func (c *Config) DSN(secrets Secrets) string {
	opts := Options{
		Host:     "ledger-db.internal",
		User:     "ledger",
		Password: secrets.MySecretPasswordVariable,
		Token:    secrets.APIToken,
	}
	return opts.String()
}

type Options struct {
	Host, User, Password, Token string
}

func (o Options) String() string {
	return fmt.Sprintf("postgres://%s:%s@%s:5432/ledger?sslmode=require", o.User, o.Password, o.Host)
}
