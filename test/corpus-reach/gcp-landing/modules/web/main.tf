resource "google_storage_bucket" "assets" {
  name                        = "${var.project_id}-public-assets"
  location                    = "EU"
  uniform_bucket_level_access = true
}

resource "google_storage_bucket_iam_member" "assets_public" {
  bucket = google_storage_bucket.assets.name
  role   = "roles/storage.objectViewer"
  member = "allUsers"
  #         ^ iam
}

resource "google_storage_bucket_iam_member" "uploader" {
  bucket = google_storage_bucket.assets.name
  role   = "roles/storage.objectCreator"
  member = "serviceAccount:${var.uploader_email}"
}

resource "google_compute_instance" "renderer" {
  name         = "renderer-1"
  machine_type = "e2-standard-4"
  zone         = "europe-west1-b"

  boot_disk {
    initialize_params {
      image = "debian-cloud/debian-12"
    }
  }

  network_interface {
    network = "default"
  }

  service_account {
    email  = var.renderer_email
    scopes = ["https://www.googleapis.com/auth/cloud-platform"]
    #                                         ^ iam
  }
}

resource "google_compute_instance" "thumbnailer" {
  name         = "thumbnailer-1"
  machine_type = "e2-small"
  zone         = "europe-west1-b"

  boot_disk {
    initialize_params {
      image = "debian-cloud/debian-12"
    }
  }

  network_interface {
    network = "default"
  }

  service_account {
    email = var.thumbnailer_email
    scopes = [
      "https://www.googleapis.com/auth/devstorage.read_only",
      "https://www.googleapis.com/auth/logging.write",
      "https://www.googleapis.com/auth/monitoring.write",
    ]
  }
}
