resource "google_project_iam_member" "founder_owner" {
  project = var.project_id
  role    = "roles/owner"
  #          ^ iam
  member  = "user:founder@acme-labs.io"
}

resource "google_project_iam_member" "terraform_editor" {
  project = var.project_id
  role    = "roles/editor"
  #          ^ iam
  member  = "serviceAccount:${google_service_account.terraform.email}"
}

resource "google_project_iam_member" "app_log_writer" {
  project = var.project_id
  role    = "roles/logging.logWriter"
  member  = "serviceAccount:${google_service_account.app.email}"
}

resource "google_project_iam_member" "app_metric_writer" {
  project = var.project_id
  role    = "roles/monitoring.metricWriter"
  member  = "serviceAccount:${google_service_account.app.email}"
}

resource "google_service_account" "terraform" {
  account_id   = "terraform"
  display_name = "Terraform runner"
}

resource "google_service_account" "app" {
  account_id   = "checkout-app"
  display_name = "Checkout application"
}

resource "google_service_account_key" "terraform" {
#          ^ lifecycle
  service_account_id = google_service_account.terraform.name
}
