<?php

namespace App\Services;

class LegacyFtpSync
{
    private $host = 'ftp.acme-partners.net';
    private $user = 'crm_sync';
    private $password = 'pa' . 'ss' . 'Harbor7731';
    //                                 ^ secret

    public function upload(string $localPath, string $remotePath): bool
    {
        $conn = ftp_ssl_connect($this->host);
        if (!$conn || !ftp_login($conn, $this->user, $this->password)) {
            return false;
        }
        ftp_pasv($conn, true);
        $ok = ftp_put($conn, $remotePath, $localPath, FTP_BINARY);
        ftp_close($conn);
        return $ok;
    }
}
