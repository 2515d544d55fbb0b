resource "google_pubsub_topic" "orders" {
  name = "orders"
}

resource "google_pubsub_topic_iam_member" "publisher" {
  topic  = google_pubsub_topic.orders.id
  role   = "roles/pubsub.publisher"
  member = "serviceAccount:${var.checkout_sa_email}"
}

resource "google_pubsub_subscription_iam_binding" "consumers" {
  subscription = google_pubsub_subscription.fulfilment.id
  role         = "roles/pubsub.subscriber"
  members = [
    "serviceAccount:${var.fulfilment_sa_email}",
  ]
}

resource "google_service_account_iam_member" "workload_identity" {
  service_account_id = var.fulfilment_sa_name
  role               = "roles/iam.workloadIdentityUser"
  member             = "serviceAccount:${var.project_id}.svc.id.goog[fulfilment/worker]"
}
