resource "google_service_account" "exporter" {
  account_id   = "bq-exporter"
  display_name = "BigQuery nightly exporter"
}

resource "google_service_account" "deployer" {
  account_id   = "cloud-deploy"
  display_name = "Cloud Deploy pipeline"
}

resource "google_project_iam_member" "exporter_jobs" {
  project = var.project_id
  role    = "roles/bigquery.jobUser"
  member  = "serviceAccount:${google_service_account.exporter.email}"
}

resource "google_bigquery_dataset_iam_member" "exporter_read" {
  dataset_id = google_bigquery_dataset.sales.dataset_id
  role       = "roles/bigquery.dataViewer"
  member     = "serviceAccount:${google_service_account.exporter.email}"
}

resource "google_storage_bucket_iam_member" "exporter_write" {
  bucket = google_storage_bucket.exports.name
  role   = "roles/storage.objectCreator"
  member = "serviceAccount:${google_service_account.exporter.email}"
}

resource "google_project_iam_member" "deployer_iam_admin" {
  project = var.project_id
  role    = "roles/resourcemanager.projectIamAdmin"
  #        ^ iam
  member  = "serviceAccount:${google_service_account.deployer.email}"
}

resource "google_project_iam_member" "deployer_storage_admin" {
  project = var.project_id
  role    = "roles/storage.admin"
  #        ^ iam
  member  = "serviceAccount:${google_service_account.deployer.email}"
}

resource "google_project_iam_member" "deployer_run" {
  project = var.project_id
  role    = "roles/run.developer"
  member  = "serviceAccount:${google_service_account.deployer.email}"
}

resource "google_service_account_iam_member" "deployer_wif" {
  service_account_id = google_service_account.deployer.name
  role               = "roles/iam.workloadIdentityUser"
  member             = "principalSet://iam.googleapis.com/${var.wif_pool_name}/attribute.repository/northwind-labs/storefront"
}

resource "google_service_account_key" "exporter" {
#          ^ lifecycle
  service_account_id = google_service_account.exporter.name
}
