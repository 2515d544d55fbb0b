"""Shape checks for the token validator. None of these strings is a live credential."""
import pytest

from tools.validators import is_atlassian_token, is_github_token

# Right prefix and length, but the trailing checksum does not match the body.
BROKEN_CHECKSUM = [
    "ghp_6PvQLVups9mbpvv9sYUQhpvtTwEGmZ1TNFWa",
    "npm_sIqtBXvYaco3kqh6kursidXbYqL0Ee2O6K9j",
]

PLACEHOLDERS = [
    "ghp_************************************",
    "ATATT3xFfGF0<your-token-here>",
    "xoxb-XXXXXXXXXXXX-XXXXXXXXXXXXX-XXXXXXXXXXXXXXXXXXXXXXXX",
]


@pytest.mark.parametrize("value", BROKEN_CHECKSUM)
def test_rejects_broken_checksum(value):
    assert not is_github_token(value)


@pytest.mark.parametrize("value", PLACEHOLDERS)
def test_rejects_placeholders(value):
    assert not is_github_token(value) and not is_atlassian_token(value)
