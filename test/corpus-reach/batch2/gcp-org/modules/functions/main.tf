resource "google_cloudfunctions2_function" "stripe_webhook" {
  name     = "stripe-webhook"
  location = var.region

  build_config {
    runtime     = "nodejs20"
    entry_point = "handleStripeEvent"
  }

  service_config {
    service_account_email = google_service_account.webhook.email
    ingress_settings      = "ALLOW_ALL"
  }
}

resource "google_cloud_run_service_iam_member" "webhook_public" {
  location = google_cloudfunctions2_function.stripe_webhook.location
  service  = google_cloudfunctions2_function.stripe_webhook.name
  role     = "roles/run.invoker"
  member   = "allUsers"
  #           ^ iam
}

resource "google_storage_bucket_iam_binding" "reports_read" {
  bucket = google_storage_bucket.reports.name
  role   = "roles/storage.objectViewer"
  members = [
    "allAuthenticatedUsers",
    # ^ iam
    "serviceAccount:${google_service_account.webhook.email}",
  ]
}

resource "google_pubsub_topic_iam_member" "webhook_publish" {
  topic  = google_pubsub_topic.payments.id
  role   = "roles/pubsub.publisher"
  member = "serviceAccount:${google_service_account.webhook.email}"
}
