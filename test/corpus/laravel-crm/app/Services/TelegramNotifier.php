<?php

namespace App\Services;

use Illuminate\Support\Facades\Http;

class TelegramNotifier
{
    private const BOT_TOKEN = '4939760111:AAVPpTSJ-DVkBZnpuO-YAThgzh6XLce6oRP';
    //                           ^ secret
    private string $chatId;

    public function __construct(?string $chatId = null)
    {
        $this->chatId = $chatId ?? config('services.telegram.chat_id');
    }

    public function send(string $text): bool
    {
        $url = 'https://api.telegram.org/bot' . self::BOT_TOKEN . '/sendMessage';
        return Http::asForm()->post($url, ['chat_id' => $this->chatId, 'text' => $text])->successful();
    }
}
