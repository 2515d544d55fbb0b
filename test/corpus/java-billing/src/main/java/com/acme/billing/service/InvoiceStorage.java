package com.acme.billing.service;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

public class InvoiceStorage {

    private static final String ACCESS_KEY_ID = "AKIA2R57IF534OLL357Y";
    //                                             ^ secret
    private static final String SECRET_ACCESS_KEY = "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";
    //                                                 ^ secret
    private static final String BUCKET = "acme-invoices-prod";

    private final S3Client s3 = S3Client.builder()
            .region(Region.EU_CENTRAL_1)
            .credentialsProvider(StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY)))
            .build();

    public String store(String invoiceId, byte[] pdf) {
        String key = "invoices/" + invoiceId + ".pdf";
        s3.putObject(PutObjectRequest.builder().bucket(BUCKET).key(key).contentType("application/pdf").build(),
                RequestBody.fromBytes(pdf));
        return key;
    }
}
