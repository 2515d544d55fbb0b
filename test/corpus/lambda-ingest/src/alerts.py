import os
import urllib.request

# PagerDuty Events v2 routing key for the "ingest" service.
# old key (revoked?): 0786b5190184984be6b878d62af9a615
#                       ^ secret
PAGERDUTY_ROUTING_KEY = os.environ["PAGERDUTY_ROUTING_KEY"]

TWILIO_SID = "AC30a7426f0b52a9ff241cc02f34dae8cb"
TWILIO_TOKEN = "8652672123f6bf33" + "b4a3a9c53e491de2"
#                 ^ secret


def page(summary: str) -> None:
    body = (
        '{"routing_key": "%s", "event_action": "trigger", "payload": {"summary": "%s", "severity": "error", "source": "ingest"}}'
        % (PAGERDUTY_ROUTING_KEY, summary)
    )
    req = urllib.request.Request("https://events.pagerduty.com/v2/enqueue", data=body.encode(), method="POST")
    req.add_header("Content-Type", "application/json")
    urllib.request.urlopen(req, timeout=5)
