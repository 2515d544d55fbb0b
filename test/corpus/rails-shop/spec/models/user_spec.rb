# frozen_string_literal: true

require "rails_helper"

RSpec.describe User do
  let(:password) { "s3cure-test-password" }

  it "requires a long password" do
    user = described_class.new(email: "a@example.com", password: "short")
    expect(user).not_to be_valid
  end

  it "authenticates with the right password" do
    user = described_class.create!(email: "b@example.com", password: password)
    expect(user.authenticate(password)).to eq(user)
    expect(user.authenticate("wrong")).to be(false)
  end

  it "issues an api token" do
    user = described_class.create!(email: "c@example.com", password: password)
    expect(user.api_token).to be_present
  end
end
