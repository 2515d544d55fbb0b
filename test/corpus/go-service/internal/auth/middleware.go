package auth

import (
	"context"
	"crypto/subtle"
	"net/http"
	"strings"
)

type ctxKey string

const (
	userKey        ctxKey = "user"
	headerAPIKey          = "X-Api-Key"
	bearerPrefix          = "Bearer "
	PasswordMinLen        = 12
)

// KeyStore looks up API keys by their SHA-256 hash.
type KeyStore interface {
	Lookup(ctx context.Context, hash string) (userID string, ok bool)
}

func Middleware(store KeyStore, adminToken string) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			token := strings.TrimPrefix(r.Header.Get("Authorization"), bearerPrefix)
			if token == "" {
				token = r.Header.Get(headerAPIKey)
			}
			if adminToken != "" && subtle.ConstantTimeCompare([]byte(token), []byte(adminToken)) == 1 {
				next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), userKey, "admin")))
				return
			}
			user, ok := store.Lookup(r.Context(), hashKey(token))
			if !ok {
				http.Error(w, "unauthorized", http.StatusUnauthorized)
				return
			}
			next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), userKey, user)))
		})
	}
}
