data "google_iam_policy" "analytics_folder" {
  binding {
    role = "roles/bigquery.dataViewer"
    members = [
      "group:analysts@acme-labs.io",
    ]
  }

  binding {
    role = "roles/bigquery.jobUser"
    members = [
      "group:analysts@acme-labs.io",
      "serviceAccount:dbt-runner@acme-analytics.iam.gserviceaccount.com",
    ]
  }
}

resource "google_folder_iam_policy" "analytics" {
  folder      = "folders/${var.analytics_folder_id}"
  policy_data = data.google_iam_policy.analytics_folder.policy_data
}

resource "google_organization_iam_binding" "security_reviewers" {
  org_id = var.org_id
  role   = "roles/iam.securityReviewer"
  members = [
    "group:security@acme-labs.io",
  ]
}
