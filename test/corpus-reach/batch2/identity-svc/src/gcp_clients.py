from google.cloud import bigquery, storage
from google.oauth2 import service_account

READ_SCOPES = [
    "https://www.googleapis.com/auth/bigquery.readonly",
    "https://www.googleapis.com/auth/devstorage.read_only",
]


def reporting_clients(key_path: str):
    creds = service_account.Credentials.from_service_account_file(key_path, scopes=READ_SCOPES)
    return bigquery.Client(credentials=creds), storage.Client(credentials=creds)


def admin_client(key_path: str):
    creds = service_account.Credentials.from_service_account_file(
        key_path,
        scopes=["https://www.googleapis.com/auth/cloud-platform"],
        #                                         ^ agent
    )
    return storage.Client(credentials=creds)
