package tokens

import (
	"hash/crc32"
	"strings"
)

const base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

// LooksLikeGitHubToken checks prefix, length and the CRC32 checksum of a classic GitHub token.
func LooksLikeGitHubToken(s string) bool {
	if !strings.HasPrefix(s, "ghp_") || len(s) != 40 {
		return false
	}
	body, sum := s[4:34], s[34:]
	return encode(crc32.ChecksumIEEE([]byte(body))) == sum
}

func encode(n uint32) string {
	out := make([]byte, 6)
	for i := 5; i >= 0; i-- {
		out[i] = base62[n%62]
		n /= 62
	}
	return string(out)
}
