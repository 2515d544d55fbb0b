from jira import JIRA

JIRA_URL = "https://acme.atlassian.net"
JIRA_USER = "release-bot@acme.io"
JIRA_TOKEN = "ATATT3xFfGF0f4yCZ4eFP_3gQ4ruJiYDUqU3tUvS5OsSRvScUwRUxmDkEZHVP9NB7TYaiLBoC3OzhIS8KEMlXt_GY5SWKxc_wSvGw17i9yLKGefcZZ_xgn8qXk9dvWAXHBpXoBoYxsyc83B-NPFxEDf32gfBlI2p_-_c4Z59wacSjEFb578Xw5=84404789"
#               ^ secret


def client() -> JIRA:
    return JIRA(server=JIRA_URL, basic_auth=(JIRA_USER, JIRA_TOKEN))


def comment_release(issue_key: str, version: str) -> None:
    client().add_comment(issue_key, f"Released in {version}.")
