"""Nightly export of paid orders to BigQuery."""
import datetime as dt

from google.cloud import bigquery
from google.oauth2 import service_account

# Inlined because the Cloud Run job could not mount the secret (see OPS-1142).
SERVICE_ACCOUNT_INFO = {
    "type": "service_account",
    "project_id": "acme-reporting-prod",
    "private_key_id": "af63fa84908ad366c76954bb2bd0cec935b75187",
    "private_key": "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQ9n0Infcyt8Rs1A\nWnMIQH+3Pgjk7mGMip293WPyvaXONHhphcsgDhEu99txU8zU2ResM7VDpv1gPK/y\ng+nbRfKtq4tsFox8AvooE5IYpx+8LC5lZzNId1T711fdOTxtX3HyQcVcglk6Zc3X\nN/ZL9bfcNFoUq7E24ORgqTBWJB4RjrJcRgibwCqCKxC3wp8TZ3XNYzcKnk87/OQA\ndw0YNeufA6JX0DOdP/BeoOvNyyujNlY5Gen7qrr+QPFhGQA0hSFGy869lRGVvE/p\nnG/h+h0GrVnCf+IwBHe1TGoD8jL7q9XwGGCg62wQAlg2aEFqqnn8K1WR549LOaG1\nBxxmTEpZEM0FOldkNG1BG++yYss83zxz8Ktsp4rndl7I8cr648cpbKsWRWnrVUWz\nZCwyE2ey5ece5m0GhHRmoSIiX6SYH8qXyf0f6MiJGegCwg5x37JBcqyt+t9Bm3NI\nzlPWSyEX28aaG3JarUOQwyZ7FQchFaVC49N0Oqyy0yRZWV6of7+ripPVgrKQoQEW\nT9IX6243QyjXgfSG5dmfZnctpn2Vf/AqgTy/99J2MgGlZFSX7bar3ByyOiR+SmQT\ncRPI5noZCoPVW7+BAEGTNWBUiZw7TMU6C7X3U3720Iq32bjiLsltgoPJJM0ULLaH\nqZah4iu7MyYB0fxnbk2HXrq4zEfcDuBW/1I4cNFRIgW9FfQbN6zbzyRvPHQwvy/y\n+x0wWEXVnIasyl2h2w5y+Jy6bNq7+jyN3K3LZ3LcW/0YP/xLjx615AdNC5aUAc88\nk/+qQHVitTHUSt4rkE3EIVeBtE2Twch+Vf3x8yvhoDN/SdCuxp4bu31mJVLSDlRX\nngKgg3E7OLh3+iapHKvgxyMJxjhI0owY3bpwqiVd92k07Fbrzg8+PQwO7nSLPHXV\nPejahLd10H5IYWFWQ8xUDytLiHAbEqcZthR81TOBTPmDwokwktc06YAl+n5clsYs\nuc0Klpef64Nmmkqj19E0NqIeHD5qPJaYOf5xOictBlJwkBGf/9t+fjnrdiAnv/iS\nmK4HgJP0ETEBKeq1lK+2F5CPYRTDpClgk9iyRWuxQeQUdLaH6w65+KIsMDIw+tTl\nAkIwx5euD6kGi2wx3IvGYEMHOXpAMJD51sbFSj7mT4ScXWXvgYMV3H/1am3PunTL\nAbpwUZlfzINhGh8lWF56Kj35mM+kvGoa9ORz0eWgw5voygv6TfAo5wC/rNAww0OE\nc5q0gKeqiLoZ+T5ygFmEGo6/f49gBv/y5yYdcwhwjNhfEZkcoGyfg3BwwrhE1zsK\nEEGLXL+bMxE68YBoSpU6A022wzujTKttVRt6Ctok2ccxcYhMuroGe9Vo3G8yYwVv\nuRtzLso/6Rvx4ayy/5aYM+7peMSXiFuQpM3w/+D/GIuMXFeK/WBebSbsCREEYQ4W\nnCIzlhEoOpFArUraWPmOq8QZ5dcG8ohhaiCKQFZvSOSNvdBQs+odiUqgIYUgP518\n/9cC0sKIMwpAJaY5RSRtjihd4HM7wQUk+EX/pH0iB2YPfgiHNs4gBoFSt9byEcsa\nsrO874M04XG4cKkp0Hkp4/YHCVgjKLDAXi9VoU3ZeM==\n-----END PRIVATE KEY-----\n",
    #                 ^ secret
    "client_email": "bq-exporter@acme-reporting-prod.iam.gserviceaccount.com",
    "token_uri": "https://oauth2.googleapis.com/token",
}

TABLE = "acme-reporting-prod.sales.orders_daily"


def run(day: dt.date) -> int:
    creds = service_account.Credentials.from_service_account_info(SERVICE_ACCOUNT_INFO)
    client = bigquery.Client(credentials=creds, project=creds.project_id)
    job = client.query(
        "SELECT id, total_cents, currency FROM `acme-reporting-prod.raw.orders` WHERE DATE(paid_at) = @day",
        job_config=bigquery.QueryJobConfig(query_parameters=[bigquery.ScalarQueryParameter("day", "DATE", day)]),
    )
    rows = list(job.result())
    client.insert_rows_json(TABLE, [dict(r) for r in rows])
    return len(rows)
