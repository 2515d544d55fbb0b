"""Hash helpers. The constants are test vectors from the RFCs, not secrets."""
import hashlib
import hmac

SHA256_OF_EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
SHA1_OF_ABC = "a9993e364706816aba3e25717850c26c9cd0d89d"
MD5_OF_EMPTY = "d41d8cd98f00b204e9800998ecf8427e"
# RFC 4231 test case 2
HMAC_KEY = b"Jefe"
HMAC_DATA = b"what do ya want for nothing?"
HMAC_EXPECTED = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"

PASSWORD_FIELD = "password"
TOKEN_FIELD = "token"
SECRET_FIELD_NAMES = ("password", "secret", "token", "api_key")


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def check_vectors() -> None:
    assert sha256_hex(b"") == SHA256_OF_EMPTY
    assert hmac.new(HMAC_KEY, HMAC_DATA, hashlib.sha256).hexdigest() == HMAC_EXPECTED


def redact(record: dict) -> dict:
    return {k: ("***" if k in SECRET_FIELD_NAMES else v) for k, v in record.items()}
