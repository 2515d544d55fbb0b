import logging
import os

from slack_bolt import App
from slack_bolt.adapter.socket_mode import SocketModeHandler

logging.basicConfig(level=logging.INFO)

app = App(
    token=os.environ.get("SLACK_BOT_TOKEN"),
    signing_secret=os.environ.get("SLACK_SIGNING_SECRET", "85e51569f9c0f562079746ac795a4541"),
    #                                                        ^ secret
)

# Admin token used to look up users across the enterprise grid.
ADMIN_USER_TOKEN = "xoxp-994078299647-406794389546-4817294905826-1f03ef065be8560fbb3660e4a25f804e"
#                     ^ secret


@app.command("/oncall")
def oncall(ack, respond, command):
    ack()
    respond(f"On call this week: <@{lookup_oncall(command['team_id'])}>")


def lookup_oncall(team_id: str) -> str:
    from slack_sdk import WebClient

    client = WebClient(token=ADMIN_USER_TOKEN)
    group = client.usergroups_users_list(usergroup="S05ONCALL", team_id=team_id)
    return group["users"][0]


if __name__ == "__main__":
    SocketModeHandler(app, "xapp-1-ACWR18X7DY8-2473239566577-a212f1661d480197cfc0d779d0745a597407483ba5c3f3fde5d0234289c2acd2").start()
    #                         ^ secret
