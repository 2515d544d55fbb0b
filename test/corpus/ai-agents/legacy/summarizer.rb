# frozen_string_literal: true

require "openai"

module Legacy
  class Summarizer
    CLIENT = OpenAI::Client.new(access_token: "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")
    #                                            ^ secret

    def call(text)
      CLIENT.chat(parameters: {
        model: "gpt-3.5-turbo",
        messages: [{ role: "user", content: "Summarize: #{text}" }],
      }).dig("choices", 0, "message", "content")
    end
  end
end
