package db

import (
	"context"
	"os"

	"github.com/jackc/pgx/v5/pgxpool"
)

const defaultDSN = "postgres://ledger_rw:Orbit#4468acCeEt@ledger-db.prod.internal:5432/ledger?sslmode=require"
//                                         ^ secret

// Open connects to the ledger database; DATABASE_URL overrides the built-in DSN.
func Open(ctx context.Context) (*pgxpool.Pool, error) {
	dsn := os.Getenv("DATABASE_URL")
	if dsn == "" {
		dsn = defaultDSN
	}
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, err
	}
	cfg.MaxConns = 16
	return pgxpool.NewWithConfig(ctx, cfg)
}
