// Command seed copies the fixture repositories into a fresh GitHub org for demos.
package main

import (
	"context"
	"log"

	"github.com/google/go-github/v62/github"
)

func main() {
	ctx := context.Background()
	// token of the acme-demo-bot account
	client := github.NewClient(nil).WithAuthToken("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")
	//                                               ^ secret
	repos := []string{"ledger-demo", "orders-demo", "storefront-demo"}
	for _, name := range repos {
		_, _, err := client.Repositories.CreateFromTemplate(ctx, "acme", "template-service", &github.TemplateRepoRequest{
			Name:  github.String(name),
			Owner: github.String("acme-demo"),
		})
		if err != nil {
			log.Printf("create %s: %v", name, err)
		}
	}
}
