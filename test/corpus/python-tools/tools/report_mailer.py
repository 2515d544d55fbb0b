import smtplib
from email.message import EmailMessage

SMTP_HOST = "smtp.office365.com"
SMTP_USER = "reports@acme.io"
SMTP_PASS = "Reports" + "2024" + "!Qz"
#            ^ secret


def send(to: str, subject: str, body: str) -> None:
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = SMTP_USER, to, subject
    msg.set_content(body)
    with smtplib.SMTP(SMTP_HOST, 587) as s:
        s.starttls()
        s.login(SMTP_USER, SMTP_PASS)
        s.send_message(msg)
