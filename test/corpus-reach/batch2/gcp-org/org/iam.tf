resource "google_organization_iam_member" "platform_sa_editor" {
  org_id = var.org_id
  role   = "roles/editor"
  #       ^ iam
  member = "serviceAccount:platform-automation@nw-seed.iam.gserviceaccount.com"
}

resource "google_organization_iam_member" "billing_viewers" {
  org_id = var.org_id
  role   = "roles/billing.viewer"
  member = "group:finance@northwind.example"
}

resource "google_folder_iam_binding" "sandbox_owners" {
  folder = google_folder.sandbox.name
  role   = "roles/owner"
  #       ^ iam
  members = [
    "group:sandbox-admins@northwind.example",
  ]
}

resource "google_project_iam_member" "support_viewer" {
  project = var.shared_project_id
  role    = "roles/viewer"
  #        ^ iam
  member  = "group:support@northwind.example"
}

resource "google_project_iam_member" "support_logs" {
  project = var.shared_project_id
  role    = "roles/logging.viewer"
  member  = "group:support@northwind.example"
}

data "google_iam_policy" "ops_project" {
  binding {
    role = "roles/monitoring.viewer"
    members = [
      "group:sre@northwind.example",
    ]
  }

  binding {
    role = "roles/owner"
    #     ^ iam
    members = [
      "serviceAccount:terraform@nw-seed.iam.gserviceaccount.com",
    ]
  }
}

resource "google_project_iam_policy" "ops" {
  project     = var.ops_project_id
  policy_data = data.google_iam_policy.ops_project.policy_data
}
