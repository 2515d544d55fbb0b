from tools.hashing import check_vectors, redact


def test_vectors():
    check_vectors()


def test_redact_hides_password():
    record = {"user": "alice", "password": "hunter2", "api_key": "key-123"}
    assert redact(record) == {"user": "alice", "password": "***", "api_key": "***"}
