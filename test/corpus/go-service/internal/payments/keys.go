package payments

import "os"

// Keys used by the settlement job. The fallbacks let the job run from a laptop during incidents.
var (
	SettlementKey = envOr("STRIPE_SETTLEMENT_KEY", "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")
	//                                                ^ secret
	ReportingKey = envOr("STRIPE_REPORTING_KEY", "")
	Currency     = envOr("SETTLEMENT_CURRENCY", "eur")
)

func envOr(key, fallback string) string {
	if v, ok := os.LookupEnv(key); ok && v != "" {
		return v
	}
	return fallback
}
