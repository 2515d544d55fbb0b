package tokens

import "testing"

func TestRejectsBadChecksum(t *testing.T) {
	// Right shape, wrong checksum: these must not validate.
	bad := []string{
		"ghp_tRRMLWNf5Kv0ahAJfTSyM1EdBAfbIv3LqOx3",
		"ghp_vd5Ete3K9JH0zcOUm73uzUXx3YLl1A1KkN7B",
		"ghp_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
	}
	for _, s := range bad {
		if LooksLikeGitHubToken(s) {
			t.Errorf("%s validated", s[:8])
		}
	}
}

func TestRejectsOtherPrefixes(t *testing.T) {
	for _, s := range []string{"npm_A6h6IsdsYEn3CXPIRrzSGH8VDkdQmE4GxvkH", "gho_short", ""} {
		if LooksLikeGitHubToken(s) {
			t.Errorf("%q validated", s)
		}
	}
}
