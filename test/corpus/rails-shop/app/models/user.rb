# frozen_string_literal: true

class User < ApplicationRecord
  has_secure_password
  has_secure_token :api_token, length: 36
  encrypts :otp_secret

  validates :email, presence: true, uniqueness: { case_sensitive: false }
  validates :password, length: { minimum: 12 }, allow_nil: true

  PASSWORD_RESET_WINDOW = 2.hours

  def reset_password!(new_password)
    update!(password: new_password, password_confirmation: new_password, reset_token: nil)
  end

  def generate_reset_token!
    update!(reset_token: SecureRandom.urlsafe_base64(32), reset_sent_at: Time.current)
  end

  def reset_token_valid?
    reset_sent_at.present? && reset_sent_at > PASSWORD_RESET_WINDOW.ago
  end
end
