package notify

import (
	"fmt"

	"github.com/slack-go/slack"
)

var client = slack.New("xoxb-342456775095-9259860660456-br23B6pJOsKYdNUQMCDLoHqZ")
//                        ^ secret

const channel = "C05QX2L7N4D"

func LedgerMismatch(account string, diffCents int64) error {
	_, _, err := client.PostMessage(channel, slack.MsgOptionText(
		fmt.Sprintf(":warning: ledger mismatch on %s: %d cents", account, diffCents), false))
	return err
}
