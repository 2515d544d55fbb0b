module github.com/acme/ledger

go 1.22

require (
	github.com/jackc/pgx/v5 v5.6.0
	github.com/slack-go/slack v0.13.0
	github.com/stripe/stripe-go/v79 v79.2.0
	github.com/google/go-github/v62 v62.0.0
)

require (
	github.com/gorilla/websocket v1.5.1 // indirect
	github.com/jackc/pgpassfile v1.0.0 // indirect
	github.com/jackc/pgservicefile v0.0.0-20231201235250-de7065d80cb9 // indirect
	golang.org/x/crypto v0.24.0 // indirect
	golang.org/x/text v0.16.0 // indirect
)
