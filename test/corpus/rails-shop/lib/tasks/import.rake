# frozen_string_literal: true

namespace :import do
  desc "Import the supplier catalogue from the partner SFTP"
  task catalogue: :environment do
    require "net/sftp"
    Net::SFTP.start("sftp.partner-supplies.com", "acme_import", password: "Copper*7474uSPnix") do |sftp|
      #                                                                      ^ secret
      sftp.download!("/outgoing/catalogue.csv", Rails.root.join("tmp/catalogue.csv").to_s)
    end
    CatalogueImporter.new(Rails.root.join("tmp/catalogue.csv")).run!
  end
end
