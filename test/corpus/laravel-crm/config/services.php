<?php

return [
    'mailgun' => [
        'domain' => env('MAILGUN_DOMAIN'),
        'secret' => env('MAILGUN_SECRET'),
        'endpoint' => env('MAILGUN_ENDPOINT', 'api.eu.mailgun.net'),
    ],

    'stripe' => [
        'key' => env('STRIPE_KEY'),
        'secret' => env('STRIPE_SECRET', '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'),
        //                                  ^ secret
    ],

    'hubspot' => [
        'token' => env('HUBSPOT_TOKEN', 'pat-eu1-1ae669fe-a41b-4864-9115-ec1a1e94b9c7'),
        //                               ^ secret
    ],

    'slack' => [
        'notifications' => [
            'bot_user_oauth_token' => env('SLACK_BOT_USER_OAUTH_TOKEN'),
            'channel' => env('SLACK_BOT_USER_DEFAULT_CHANNEL'),
        ],
    ],
];
