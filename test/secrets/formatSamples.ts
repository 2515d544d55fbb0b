// What each provider format must find (positives) and must not find (negatives), scanned as a file
// at `path` (default `sample.txt`); run by test/secrets/formats.test.ts, which fails when a format
// has no entry here. Kept out of src/ so that the shipped bundles carry no token-shaped test data
// (every value is synthetic: random, or checksummed where the format has a checksum).
import { SECRET_FORMATS } from '../../src/core/secrets/formats';

export interface FormatSamples {
  positives: string[];
  negatives: string[];
  path?: string;
}

export const FORMAT_SAMPLES: Record<string, FormatSamples> = {
  'openai-admin-key': {
  positives: ['OPENAI_ADMIN_KEY=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'],
  negatives: ['OPENAI_ADMIN_KEY=sk-admin-CG6CJQibLUGEtlts1flFwJr6tNIBsdkPhRrUn-Nzi1aP1qVENgH4zKITgk1sDNoyfOyOdkV9erZLXm2qcnfhbFnPQixabBUEaYtKzeQ4BoGhoZQkaH6PSTQg'],
},
  'openai-api-key': {
  positives: [
    'openai.api_key = "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"',
    'OPENAI_API_KEY=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',
    'const client = new OpenAI({ apiKey: "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" });',
  ],
  negatives: ['OPENAI_API_KEY=sk-proj-oS0mQLzCsB8RE8mUBMxegzUtHYnAFIj_or0TToumngo-7K43N2a0iuPGTXF8PyKlMFHP-4cbMF7DjcyDBiL6sbcfjr1d2ca8IbfIpp3PmgZ64FOYMt3T_-EUtxKcz78hd5jXpwkvCXH0uAfLeYCZLCYKbT5TeqlN', 'OPENAI_API_KEY=sk-nZtHKbSyVGp41i72x6yaT3BlbkFJuRG7E'],
},
  'anthropic-api-key': {
  positives: ['ANTHROPIC_API_KEY=sk-ant-api03-lGorfRgNlCAdiqA-Gx44m-2jZcgApWSVJUbPpBGMDAvTtBVoV8e-MitnIBQz4QLyGq9YqWyzMUyhtT_DIbQwXV_2aXgV6AA', 'client = anthropic.Anthropic(api_key="sk-ant-api03-ACVbSB4rqg7YfpB578R58GWlnssQ0ONP5Lm2HTdt2tqKdVcBRwLKUGJJJytJraQPHLaassflWjLHjj3jQmpA_jvIxDh6aAA")'],
  negatives: ['ANTHROPIC_API_KEY=sk-ant-api03-lGorfRgNlCAdiqA-Gx44m-2jZcgApWSVJUbPpBGMDAvTtBVoV8e-MitnIBQz4QLyGq9YqWyzMUyhtT_DIbQwXV_2aXgV6AB', 'ANTHROPIC_API_KEY=sk-ant-api03-...'],
},
  'anthropic-admin-key': { positives: ['x-api-key: sk-ant-admin01-t9sgZeTwhVFEBvdON0v5KlpvUxQZLkkqSO_ZGC6_fLMTp7dLlAwTCv6lMK09wNDOnpPBWAn1qDvhlgM3BIjrJn8zF_Kn4AA'], negatives: ['x-api-key: sk-ant-admin01-ym1_Izm3T68eeg83_gQNAOvx1CpWH6X_XEGcboZo6JoZPC35i6g5dRYYlleZAA'] },
  'huggingface-token': {
  positives: ['HF_TOKEN=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', 'login(token="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")'],
  negatives: ['HF_TOKEN=hf_LbnhRbplTpCfeQwvMneT', 'def hf_load_pretrained_model_weights_from_hub_cache(): pass'],
},
  'huggingface-org-token': { positives: ['HUGGINGFACE_ORG_TOKEN=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'], negatives: ['api_org_settings_page_for_the_current_user'] },
  'replicate-api-token': { positives: ['REPLICATE_API_TOKEN=r8_HNPC7Jhm89UQW6P64BTszATDACe4vTOJQAy0J'], negatives: ['REPLICATE_API_TOKEN=r8_dCL5wvAskYBb3DaV9f5W'] },
  'groq-api-key': { positives: ['GROQ_API_KEY=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'], negatives: ['GROQ_API_KEY=gsk_SoHkVRCjCwE883yl5dsxvDbEIixO9F'] },
  'perplexity-api-key': { positives: ['PERPLEXITY_API_KEY=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'], negatives: ['PERPLEXITY_API_KEY=pplx-ZrwrV9b7MvLf8MnGvUM5lyDz'] },
  'xai-api-key': { positives: ['XAI_API_KEY=xai-SPpIEaN92SDelwZNpbBPIWfTgRn8A4RzjzFO6RKKHMKmdoVh9yflkFNmFk2WBUqgCoBg9HerASUKTKu3'], negatives: ['XAI_API_KEY=xai-TVY1NTOAOhByH9ng3yZP3b5nveIiiGOXUlJboUmj'] },
  'openrouter-api-key': { positives: ['OPENROUTER_API_KEY=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'], negatives: ['OPENROUTER_API_KEY=sk-or-v1-31eb97879214cb35f9694dedb1361532'] },
  'langsmith-api-key': { positives: ['LANGSMITH_API_KEY=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'], negatives: ['LANGSMITH_API_KEY=lsv2_pt_63a161d5e1f072e86f24df8081adfe68'] },
  'cohere-api-key': { positives: ['COHERE_API_KEY=dxpau7YuJvJ1HgOA053HXWHU3gKsqvoYg2Etl44q', 'co = cohere.Client("9Wf1NfIqHZoqsOoNtsF6Yaj7UeG45Ar3nnbcBP7Z")'], negatives: ['API_KEY=dxpau7YuJvJ1HgOA053HXWHU3gKsqvoYg2Etl44q'] },
  'mistral-api-key': { positives: ['MISTRAL_API_KEY=sC7cN2v59up8STpmOz0BXjb0ycmNaMb7'], negatives: ['API_KEY=sC7cN2v59up8STpmOz0BXjb0ycmNaMb7', 'MISTRAL_MODEL=mistralLargeInstructModelVersion'] },
  'wandb-api-key': { positives: ['wandb.login(key="e3885ef6f52d7317a2766935bcf003509cfac7c3")', 'WANDB_API_KEY=7aaa6b86b0633988b98f15f3531b32adaed8207f'], negatives: ['COMMIT_SHA=e3885ef6f52d7317a2766935bcf003509cfac7c3'] },
  'deepseek-api-key': {
  positives: ['DEEPSEEK_API_KEY=sk-450459c9a8abdaad5562a1f33ea7a566', 'client = OpenAI(api_key="sk-4033bc7a614bada0a88360203226ea78", base_url="https://api.deepseek.com")'],
  negatives: ['API_KEY=sk-450459c9a8abdaad5562a1f33ea7a566'],
},
  'azure-openai-api-key': {
  positives: ['AZURE_OPENAI_API_KEY=60273a24f0bd6543098886e356026848', 'client = AzureOpenAI(\n    azure_endpoint="https://acme.openai.azure.com/",\n    api_key="tPXBZjm2vpyqeFBFWJ9UTAgKFuHCxAGnuL1oepVZaNOGH7nWYjosRV8Ha96KNDHPvnVyoXNZrBMxLzARviWw",\n)'],
  negatives: ['OTHER_KEY=60273a24f0bd6543098886e356026848', 'AZURE_OPENAI_DEPLOYMENT=gpt4o'],
},
  'aws-access-key-id': {
  positives: ['aws_access_key_id = AKIAHUK2REHWT4YKWHAY', 'const id = "ASIAYVGALGDFF5HLSK4L";'],
  negatives: ['aws_access_key_id = AKIAIOSFODNN7EXAMPLE', 'AKIA2AVEZRH6KETV37S1', 'xAKIABT3ATJ3DQ6QKMX3T', 'akiabvubevtlrerufztk'],
},
  'aws-secret-access-key': {
  positives: [
    'aws_secret_access_key = TBUDkoqn4JdRJNfMl3/NtnqY1hPas+GGteaXSqpW',
    'new S3Client({\n  credentials: {\n    accessKeyId: id,\n    secretAccessKey: "vo0OFnjDNYjHqRbTHSeNketwrByAT2fH4hirjqqS",\n  },\n});',
    'AWS_SECRET_ACCESS_KEY: "lqYJvQl2ZE38mxG8cCnSCG9WXd0I3HHAOlDdt3Jx"',
    'provider "aws" {\n  access_key = var.id\n  secret_key = "k2ygNojcjNfXyWNzKV0ihnko8aC0dSYQUggMJ91x"\n}',
    's3 = boto3.client("s3", "AKIAB4DSLBQEAJTTTOGP", "0XlhTkLniEzYM7t8vBkxEDv789BQ8j7fNqElexQ7")',
  ],
  negatives: [
    'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    'checksum = TBUDkoqn4JdRJNfMl3/NtnqY1hPas+GGteaXSqpW',
    'aws_secret_access_key = ${AWS_SECRET}\nsha = 5a8d017d0b4020aad0069d583b1fdc690926b64c',
    'aws_secret_access_key = "KqAeD2SskEm55JoaUFyjddBmEhdw4t8ApfdxRiQ3jroRf8su"',
    'AWS_SECRET_ACCESS_KEY: "awsSecretAccessKeyFromTheEnvironmentVars"',
  ],
},
  'aws-session-token': {
  positives: ['aws_session_token = IQoJb3JpZ2luX2VjJ1knH8g/tZj/2KfkMd/BOg++9lhT8aZIGVOOXxF+nMxnUah3lvFA9Gf4q2MZtvokIPUEdwuJM6V/EAu9xBevUk2VgUjXquDCVOlQzWhM3Kz8UKY0EAYQnl+LEul3Wcpt3+3gx8ccZXGctVadOCLG/cHJGbReSmhNPQ3bQfbBSzVfIk1+/RML5EZkKbwOyDdxAgYmQezappy3gSGaCShOgey3BwxEe6VvwR+Z9Hb4WSSTo/2PcVIGmrgqHjKJwctJYHHnxhz+aN3ExYDyHUOfbOYmuwq44dPD362QTqstfUjzBviGVjo0YvFKnayfXHcp2JxnBzHVrbZwXwr/6P9aNN6DXu5knys2fBTO2jzgNirckMkNLgYq2Mt7DCKgcl47MinDtBI9dOmSwIpH'],
  negatives: ['aws_session_token = IQoJb3JpZ2luX2VjKDaTtaAzd5BcD4SRSrIF'],
},
  'gcp-service-account-key': {
  positives: [
    '{\n  "type": "service_account",\n  "project_id": "demo-project",\n  "private_key_id": "a6c06e880036a7eda2195b27a2cea13abb6d7b3a",\n  "private_key": "-----BEGIN PRIVATE KEY-----\\nDkEFTcomayhVWR9X5iTIyIY5Xa5QuCOCM6enmtxT7TluAz0aE2v3RQFpiqz2WFfY\\nbgaYPefT9CePdVJta9KRgK50OKsYFYa7ac7zM4StcnztnHvYDViEdDXaDM1MFLzv\\n3/xbNsFDox5skgLuS8kwogxjLZwMm3zkd5S+n0c6\\n-----END PRIVATE KEY-----\\n",\n  "client_email": "ci@demo-project.iam.gserviceaccount.com"\n}',
  ],
  negatives: [
    '{\n  "type": "service_account",\n  "private_key": "-----BEGIN PRIVATE KEY-----\\n...\\n-----END PRIVATE KEY-----\\n"\n}',
    '{\n  "type": "authorized_user",\n  "private_key": "-----BEGIN PRIVATE KEY-----\\nlYTg776oTM33VbOxGUym4bQL+eo4clKnKpg6gOyMkELGZzl3SLfOEsE1VcOVGQFZ\\nhDMrUNGDG+1/QQHn+bHFUSLoQJZBkap+qYLxWii1RXb0AUP05jEXdxyVKMVQcmjv\\n-----END PRIVATE KEY-----\\n"\n}',
  ],
},
  'google-api-key': {
  positives: ['GEMINI_API_KEY=AIzaqcLMkoFtCGdogT-lVnDxA4xATNJu4p_wr1C', 'https://maps.googleapis.com/maps/api/geocode/json?key=AIza3ZzmUlQ-0-plHUfv1SbgaVWJi_uWLblZcQO&address=x'],
  negatives: [
    'apiKey: "AIzaRWL_cYVwetkjlwxqgNMLOR1vyzQ89-"',
    'sha512-CfbjV2k4I5AIzatvUJ854t3GQ9lii3KczRd4E2Ps7gF3EhI8UTYPy6NIbcuA3wcR9YgGN==',
    'const firebaseConfig = {\n  apiKey: "AIzaqcLMkoFtCGdogT-lVnDxA4xATNJu4p_wr1C",\n  authDomain: "acme-web.firebaseapp.com",\n};',
    'NEXT_PUBLIC_FIREBASE_API_KEY=AIza3ZzmUlQ-0-plHUfv1SbgaVWJi_uWLblZcQO',
  ],
},
  'google-oauth-client-secret': { positives: ['"client_secret": "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"'], negatives: ['"client_secret": "GOCSPX-wct-CHct-GcA"'] },
  'google-oauth-refresh-token': { positives: ['"refresh_token": "1//0yBWhmA1yYj67MdqyaOxDl2-GGtkN-T7fwTPoQjl4TBlgOugN0uivEPGWNsSXZqfOVb7xj0dWwhQsH48yB6JEzduZ8_6DWn-2OSwU"'], negatives: ['"note": "1//0lWI5YvBRNqlL-hucmetAvDBW7460WndyRlyOli6AQPIphvEhlDQ5KGCsNIz79G7g0gjeoW9sEziV74Fi_i8mTEytgD7UT9JtJfdx"'] },
  'azure-storage-account-key': {
  positives: ['"DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=+fzXQnF9CYmJJGDyp+JARORT/8DdRUfWn74GXHWiigA/xbxfX/+i08hVf+8IGHVS0Um9BYlibAyNDyU+9wJKtQ==;EndpointSuffix=core.windows.net"'],
  negatives: ['AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==', 'AccountKey=XINiZ1gzuRl2NAbdVjMHvScCxUlBP/KKjIabCIbGkNFspX6odFbECQ=='],
},
  'azure-storage-key': { positives: ['AZURE_STORAGE_KEY=4RKVJagWKwiTCbMC7/sI6dH98+Of9SYJvL5Fck6qRyuhNHg43bF3vgEAeCBNUBV4tV2hqb1yo8PV2DRSCJtt+A=='], negatives: ['checksum = "4RKVJagWKwiTCbMC7/sI6dH98+Of9SYJvL5Fck6qRyuhNHg43bF3vgEAeCBNUBV4tV2hqb1yo8PV2DRSCJtt+A=="', 'AZURE_STORAGE_KEY=K4T4yz2dE1P9DjEXZCKVkDfDzEVl2Zsi/kvl8jHz2qI='] },
  'azure-sas-token': {
  positives: ['url = "https://acme.blob.core.windows.net/backups/db.bak?sv=2022-11-02&ss=b&srt=o&sp=rl&se=2030-01-01T00:00:00Z&st=2024-01-01T00:00:00Z&spr=https&sig=54nvhvDiEg%2FDx9lj0Xha1DyEVXtFzeXeej19SsvpEow%3D"'],
  negatives: ['https://example.org/page?sig=ipiL11BBcXxrVsof760Nz3SuJK4XDDca8ajJJmcNi5w%3D&lang=en', 'https://acme.blob.core.windows.net/c/x?sv=2022-11-02&sp=r&se=2030-01-01&sig=<signature>'],
},
  'azure-shared-access-key': {
  positives: ['Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=yWnL9K+FEddp9uNLipfT08m4kSjtuHIuC5GH4PPBRts='],
  negatives: ['Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=<key>'],
},
  'azure-ad-client-secret': {
  positives: ['AZURE_CLIENT_SECRET=iEZ8Q~FLAxC4cW_kIJFNq2i2FGz0PlXQX3mpEFqN', 'ClientSecretCredential(tenant, client, "fXg5Q~JitfqQ0KgntXCe76rkF2.folSvTwVAn")'],
  negatives: ['AZURE_CLIENT_SECRET=j1k8Q~QubHIqUi6SG710C3YaRf', 'path~25N8Q~Qf2FClIchCVWUDyrWkAei1yCrXcjjTnSNw'],
},
  'alibaba-access-key-id': { positives: ['ALIBABA_CLOUD_ACCESS_KEY_ID=LTAIxq9PsE0xyx6Mb3gQSSzB'], negatives: ['ALIBABA_CLOUD_ACCESS_KEY_ID=LTAIvOo4dQeC'] },
  'alibaba-access-key-secret': { positives: ['ALIBABA_CLOUD_ACCESS_KEY_SECRET=ZM0SS41NXmzILqX0NH9YHFTRh1tr7a'], negatives: ['ACCESS_KEY_SECRET=ZM0SS41NXmzILqX0NH9YHFTRh1tr7a'] },
  'tencent-secret-id': { positives: ['TENCENTCLOUD_SECRET_ID=AKIDLNrMLJY0468BVLWxPkgmRlFxkwCNvcRY'], negatives: ['TENCENTCLOUD_SECRET_ID=AKIDUaYLZ0cQJPdnraTv'] },
  'tencent-secret-key': { positives: ['TENCENTCLOUD_SECRET_KEY=SB1tO3uqODmzECdHnMHBym34dufI449x'], negatives: ['SECRET_KEY=SB1tO3uqODmzECdHnMHBym34dufI449x'] },
  'ibm-cloud-api-key': { positives: ['IBMCLOUD_API_KEY=0wp3emV8bNyBpPP3iZQs584EB0SxPyfDy1YeS74FPd3Z'], negatives: ['API_KEY=0wp3emV8bNyBpPP3iZQs584EB0SxPyfDy1YeS74FPd3Z', 'IBMCLOUD_API_KEY=${IBM_KEY}'] },
  'oracle-cloud-secret-key': { positives: ['OCI_SECRET_KEY=LTd+tdP+amBcWoNnawFzjGzfMpIybmy40g13RYVPt1s='], negatives: ['SECRET_KEY=LTd+tdP+amBcWoNnawFzjGzfMpIybmy40g13RYVPt1s='] },
  'yandex-api-key': { positives: ['YC_API_KEY=AQVNe7VHaPDbdYIwIn_RZsmR_Tc5yu8lqL_WFQoJ'], negatives: ['YC_API_KEY=AQVNZoeAo1Ks63_2LjnF7F2i'] },
  'yandex-oauth-token': { positives: ['YC_TOKEN=y0_e6XYv1N6frEkopBrYGsCibJUD4T4fbb4m3IOzVZN20tqWQ7SntqVabN'], negatives: ['TOKEN=y0_e6XYv1N6frEkopBrYGsCibJUD4T4fbb4m3IOzVZN20tqWQ7SntqVabN'] },
  'cloudflare-api-token': { positives: ['CLOUDFLARE_API_TOKEN=m0VyzzkQ5ZCI0gdCwHqoQcK26EXCS4edkTEGGqk9'], negatives: ['API_TOKEN=m0VyzzkQ5ZCI0gdCwHqoQcK26EXCS4edkTEGGqk9'] },
  'cloudflare-global-api-key': { positives: ['curl -H "X-Auth-Key: 0f89e1a6a11791a5950082d2c09df5d8192f5" https://api.cloudflare.com/client/v4/zones'], negatives: ['key: 0f89e1a6a11791a5950082d2c09df5d8192f5'] },
  'cloudflare-origin-ca-key': { positives: ['origin_ca_key = "v1.0-fecfcad9090fed28c34e6031-b116a7b556ba821b3a1da9f019d13fb2133ba6f0f3f52a8d01f0a2ebe39d728ec8c83da5a0d26ad1709ee9de5d95bece368e57e0d08b77ddc61a459cc5e7df6b88868cafe0b32f56ba"'], negatives: ['version = "v1.0-c7b32adc75a875dd89f9c22a"'] },
  'jdbc-url-password': {
  positives: [
    'url=jdbc:sqlserver://sql01:1433;databaseName=erp;user=app;password=pr0PofSdjopZ1X1U;encrypt=true',
    'jdbc:postgresql://pg:5432/app?user=app&password=0q1uT55tKw7Mp1Kh&ssl=true',
  ],
  negatives: ['url=jdbc:sqlserver://sql01:1433;databaseName=erp;user=app;password=${DB_PASSWORD}', 'url=jdbc:postgresql://pg:5432/app?user=app'],
},
  'jdbc-oracle-password': { positives: ['db.url=jdbc:oracle:thin:scott/FCoh4SdwWiuV@//ora.prod:1521/ORCL'], negatives: ['db.url=jdbc:oracle:thin:@//ora.prod:1521/ORCL'] },
  'connection-string-password': {
  positives: [
    '"Server=tcp:acme.database.windows.net,1433;Initial Catalog=erp;User ID=app;Password=AjVhrXGvWbxX23SPtj;Encrypt=True;"',
    'Data Source=sql01;Initial Catalog=erp;User Id=sa;Pwd=gvn3yrMYyGPx;',
  ],
  negatives: ['"Server=sql01;Database=erp;Trusted_Connection=True;"', '"Server=sql01;Database=erp;User Id=sa;Password=<password>;"', 'Data Source=localhost;Initial Catalog=ERP_TEST;User Id=test;Password=test;', 'Server=db.example.com;Database=erp;User Id=sa;Password=PuyXlfioJrd8;', 'password=PpV5TZBnsKEG'],
},
  'redis-connection-password': {
  positives: ['"Redis": "acme.redis.cache.windows.net:6380,password=PJpk8U5zSWYp+HEfo6E97FzYrLlLa/3/xCBHHYLDEMQ=,ssl=True,abortConnect=False"'],
  negatives: ['"Redis": "localhost:6379,abortConnect=False"', '"Redis": "acme.redis.cache.windows.net:6380,password=${REDIS_KEY},ssl=True"'],
},
  'sql-password': {
  positives: [
    "CREATE ROLE orders_app LOGIN PASSWORD '16dXaNkdLEmOY3Lh';",
    "CREATE USER 'report'@'%' IDENTIFIED BY 'oH2xM7GJdEdaXS9G';",
    "CREATE LOGIN etl WITH PASSWORD = N'Wm7w0wzuDaiIgtxx';",
  ],
  negatives: [
    "CREATE ROLE orders_app LOGIN PASSWORD 'md530ff767ecbb57d27234c1292fa6ce60e';",
    "ALTER ROLE app PASSWORD :'app_password';",
    "-- remember to change the password 'x' later",
  ],
},
  'mysql-dsn-password': {
  positives: ['DATA_SOURCE_NAME: "exporter:v2Z9b1o6@oyxyAJ3g@(mysql-prod.acme.internal:3306)/"', 'dsn := "app:m2ZUdikIShwj9hYT@tcp(10.0.0.7:3306)/shop?parseTime=true"'],
  negatives: ['dsn := "root:root@tcp(localhost:3306)/shop"', 'dsn := "app@tcp(db:3306)/shop"'],
},
  'curl-basic-auth': {
  positives: ["sh 'curl -fsS -u smoke:DP4ZHbBoFMQWY7uJ https://billing.acme.io/actuator/health'", 'curl -fsS -u "deploy-bot:pmkuKGOxTwMt#23" -X POST https://ci.acme.io/job/x'],
  negatives: ['curl -u "$CI_USER:$CI_PASSWORD" https://ci.acme.io', 'curl -u admin https://ci.acme.io', 'curl -u user:password https://ci.acme.io'],
},
  'cli-password': {
  positives: [
    'mysql -h db.internal -u root -pTq8vLm2xKp4w shop < schema.sql',
    'RUN mysqldump --user=backup --password=Vn4kRt8YpQ2x shop > /backup/shop.sql',
    "sshpass -p 'Rt5kWq8Zp2mX' ssh ops@bastion.acme.io uptime",
    'redis-cli -h cache.internal -a dNmYhZfIEKFxu7Nd PING',
    'mongosh "mongodb://db.internal/admin" -u admin -p Wm7w0wzuDaiIx --authenticationDatabase admin',
    "sqlcmd -S sql01.corp -U sa -P 'mvYNiZvqkM4vQk9m' -Q 'SELECT 1'",
    'wget --user=ci --password=KhK9cUH24hhU06Xv https://nexus.acme.io/repo/app.jar',
  ],
  negatives: [
    'mysql -h db.internal -u root -p shop',
    'mysql -h db.internal -P 3306 -u root -p"$MYSQL_PASSWORD" shop',
    'mysqldump --user=backup --password="${BACKUP_PASSWORD}" shop',
    'sshpass -p "$SSH_PASSWORD" ssh ops@bastion',
    'mysql -uroot -proot -e "SELECT 1"',
    'redis-cli -a $REDIS_PASSWORD PING',
    'mongosh -u admin -p --authenticationDatabase admin',
    'sqlcmd -S sql01 -U sa -P $(cat /run/secrets/sa)',
  ],
},
  'docker-login-password': {
  positives: ["docker login \"$REGISTRY\" -u 'robot$acme+deployer' -p 'y6KiNQTzSYMO7ESwT5JpUnWM1JFWPZYb'", 'docker login --username ci --password=KhK9cUH24hhU06XvTRtO registry.acme.io'],
  negatives: ['echo "$TOKEN" | docker login -u ci --password-stdin registry.acme.io', 'docker login -u ci -p "$REGISTRY_PASSWORD" registry.acme.io'],
},
  'pgpass-password': {
  path: 'home/.pgpass',
  positives: ['# hostname:port:database:username:password\nledger-db.prod.internal:5432:ledger:ledger_ro:XWqxyikoYPqyJuIz'],
  negatives: ['localhost:5432:*:postgres:postgres', '# hostname:port:database:username:password'],
},
  'pgbouncer-userlist-password': {
  path: 'pgbouncer/userlist.txt',
  positives: ['"pgbouncer_admin" "JAzN6nGReo2ouvgp"'],
  negatives: ['"orders_app" "SCRAM-SHA-256$4096:6iVHS1WRFZ4IPvPAGYIczCqw$IMQfdwGBCVB94ttUqRpIqad6CtFeRw6H4XbOp6HIHdt=:Zj5jFbuwos0miQMS4VeiU5ued5KlSVaw0LGzEukS8Cm="', '"legacy" "md55448e990c05a03332c808a37e6a066fc"'],
},
  'url-basic-auth': {
  positives: ['pip install --index-url https://deploy:uE2yr0mXPVozJs3ix3Pv@pypi.acme.io/simple pkg', 'git remote add origin https://ci-bot:JwYJUqADT4ogn7Yo@git.acme.io/team/repo.git', 'ftp://backup:d5dOoYQfWflR@10.0.0.9/'],
  negatives: [
    'https://user:password@host.acme.io/',
    'https://x-access-token:${{ secrets.GITHUB_TOKEN }}@github.com/o/r',
    'https://x-access-token:${GITHUB_TOKEN}@github.com/o/r',
    'git@github.com:acme/repo.git',
    'https://github.com/acme/repo',
    'https://deploy:JOW5WXr1TUOrT0SLDza0@pypi.example.com/simple',
  ],
},
  'linear-api-key': { positives: ['LINEAR_API_KEY=lin_api_RRk77vTFe1DzPlJhmvHuWtL0uNtkof5sMxPbrycR'], negatives: ['LINEAR_API_KEY=lin_api_IBn2Xa4cgfqvS2lZdJyF'] },
  'notion-integration-token': { positives: ['NOTION_TOKEN=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'], negatives: ['NOTION_TOKEN=ntn_kRbX3bxp7hoxOQopk4KE'] },
  'notion-legacy-token': { positives: ['NOTION_API_KEY=secret_6Pn7I0YqbyKOjOS82iR5t6Z3IdHiC1ctW4N2sQ2FMB5', 'notion = Client(auth="secret_BnX4DPXjpg5IEDAnHkNxw1jXBrMTr93miOjDycQhm3T")'], negatives: ['API_KEY=secret_6Pn7I0YqbyKOjOS82iR5t6Z3IdHiC1ctW4N2sQ2FMB5'] },
  'airtable-pat': { positives: ['AIRTABLE_TOKEN=patdZ1sQe6Vbpzc8C.3b96f9c5ddeb9d00d42b96123bd4c962a987b9fcee1b589d14e517de79354c65'], negatives: ['AIRTABLE_TOKEN=pat0BUzkFChTySN2s'] },
  'asana-pat': { positives: ['ASANA_TOKEN=2/2449768929547168/9581258369318493:0e71e1b6380109d1a0bb0c0ea6117b74'], negatives: ['TOKEN=2/2449768929547168/9581258369318493:0e71e1b6380109d1a0bb0c0ea6117b74'] },
  'postman-api-key': { positives: ['POSTMAN_API_KEY=PMAK-81003588a59fa50d83c28f83-f216319d684c4bb4c1e4efc434b4af7314'], negatives: ['POSTMAN_API_KEY=PMAK-60963dfe14eedffa17ea3ead'] },
  'sentry-dsn-secret': {
  positives: ['SENTRY_DSN=https://90e8179479a72ba171c8fb8051871e36:21fa2705ab27ea1bc7f735101d0fe28c@o123456.ingest.sentry.io/4504'],
  negatives: ['SENTRY_DSN=https://70d0e788231ab91685895f822c1620db@o123456.ingest.sentry.io/4504'],
},
  'sentry-org-token': {
  positives: ['SENTRY_AUTH_TOKEN=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'],
  negatives: ['SENTRY_AUTH_TOKEN=sntrys_eyJRxZTZFUfCzCuhD9VxyBZNaecVfdL8sERMfiQhcdT_yrYd9wm95Z7NXDLcCHLKxmlsR7ToAHc5U7Nysk1CvPq'],
},
  'sentry-user-token': { positives: ['SENTRY_AUTH_TOKEN=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'], negatives: ['SENTRY_AUTH_TOKEN=sntryu_a730f9c47ba906070085ff72a53b1535adc40eb7'] },
  'newrelic-user-api-key': { positives: ['NEW_RELIC_API_KEY=NRAK-H5GQ17KYZKR975N0CT27CAFIVIL'], negatives: ['NEW_RELIC_API_KEY=NRAK-B4618LLDF99H'] },
  'newrelic-insert-key': { positives: ['NEW_RELIC_INSERT_KEY=NRII-1dNedf17iryHkdAlH6BKRpSPOC6ttaLV'], negatives: ['NEW_RELIC_INSERT_KEY=NRII-WQXITgnKZ7'] },
  'newrelic-license-key': { positives: ['license_key: 445d8bd93a23df71a8a14a63566cd129f1f1NRAL'], negatives: ['license_key: 95ab8dd7488cf2f9823ab0dc72cd1fNRAL'] },
  'datadog-api-key': {
  positives: ['DD_API_KEY=b8de731dca58f10047c5dedfe21ec592', 'datadog:\n  api_key: 76d8b9d7c933a1c5c133fc349a835694'],
  negatives: ['MD5=b8de731dca58f10047c5dedfe21ec592', 'DD_API_KEY=00000000000000000000000000000000'],
},
  'datadog-app-key': { positives: ['DD_APP_KEY=09d3488ab5c5a009b8af072b62402b6de041e30f'], negatives: ['GIT_SHA=09d3488ab5c5a009b8af072b62402b6de041e30f'] },
  'grafana-cloud-token': {
  positives: ['GRAFANA_CLOUD_TOKEN=glc_eyJvIjoiMTIzNDU2IiwibiI6ImNpLXRva2VuIiwiayI6IlQzTDhzUWxEbjZ0T0hnWW1zVThIZDM0biIsIm0iOnsiciI6InByb2QtdXMtZWFzdC0wIn19'],
  negatives: ['GRAFANA_CLOUD_TOKEN=glc_vAFX3z8jdLKsLxAwOiomULt8HSayccy73Guhzxqs80IEqvHZijegXypGh7ZZ'],
},
  'grafana-service-account-token': { positives: ['GRAFANA_TOKEN=glsa_caI7u8hOq5xl4h846TGvO2DhO3TLCc8P_ecee0552'], negatives: ['GRAFANA_TOKEN=glsa_ykf729y0oyoxjawoq4cOicgBJU53pVVr'] },
  'snyk-api-token': { positives: ['SNYK_TOKEN=4316ce8d-27c9-5788-3774-2a0c4eb42805'], negatives: ['TRACE_ID=4316ce8d-27c9-5788-3774-2a0c4eb42805'] },
  'sonarqube-token': { positives: ['sonar.token=squ_efef56da3ec2da45c5d5e3c4b58fb454e1943905', 'SONAR_TOKEN: sqp_2d6edb3253ce5bfc9bbb2a59ee2faadcbb375418'], negatives: ['sonar.token=squ_3f47dfa8ab6ec0f108ee'] },
  'circleci-personal-token': { positives: ['CIRCLE_TOKEN=CCIPAT_Yiq6V30lSJvlL8kUlponNz_7e59ead04485d8c6658651c72976f3b730c9a0a6'], negatives: ['CIRCLE_TOKEN=CCIPAT_9Zfd9Na6VTPg6UeSuWatJc'] },
  'circleci-api-token': { positives: ['CIRCLE_TOKEN=1cc36ec371d111ee131efb4ee4db05f193000c61'], negatives: ['COMMIT=1cc36ec371d111ee131efb4ee4db05f193000c61', 'CIRCLE_SHA1=1cc36ec371d111ee131efb4ee4db05f193000c61'] },
  'travis-ci-token': { positives: ['TRAVIS_API_TOKEN=iCXqxbcOeFrivVu6PUxAh4'], negatives: ['API_TOKEN=iCXqxbcOeFrivVu6PUxAh4'] },
  'codecov-token': { positives: ['CODECOV_TOKEN=042b57aa-6407-6e7a-8acc-4aa77218ab38'], negatives: ['BUILD_ID=042b57aa-6407-6e7a-8acc-4aa77218ab38'] },
  'contentful-pat': { positives: ['CONTENTFUL_MANAGEMENT_TOKEN=CFPAT-7PiUlC-B41m6rWS1twP9qVtQvX-Y9M64kEQLOH1y8Bh'], negatives: ['CONTENTFUL_MANAGEMENT_TOKEN=CFPAT-LJnMYC0mNDl1XlEBKYrv'] },
  'typeform-pat': { positives: ['TYPEFORM_TOKEN=tfp_zje230OeigOxLn4QGZM7EB7HMjo1n57X9E2dy6ccXIjj_xIHtRhWgdiDqge'], negatives: ['TYPEFORM_TOKEN=tfp_40t3h5-QAYLURkufJp3S'] },
  'readme-api-key': { positives: ['README_API_KEY=rdme_46rg898jn385tjcnqa8jst5ukt6hcwcr6fpr4gi8qvsg66h6co1unjuz2sbyjvras4zr4i'], negatives: ['README_API_KEY=rdme_lh89pep29z07vizyt61o1n7lm5ztn9'] },
  'prefect-api-key': { positives: ['PREFECT_API_KEY=pnu_PkcBNC0Dv1NFPUP0tine1HZqBQouTlD9aSBB'], negatives: ['PREFECT_API_KEY=pnu_qXqpuymHz6yJfYeY'] },
  'infracost-api-key': { positives: ['INFRACOST_API_KEY=ico-hAnT7RY9Pu1iCe7viTroDX8QQ3UwH3j6'], negatives: ['INFRACOST_API_KEY=ico-w0v3QrJbmG1A'] },
  'frameio-token': { positives: ['FRAMEIO_TOKEN=fio-u-e-n-u47RSHA6_f8qmBTzfl_hkb_D_xsOj_-nl5FuOjng-sPq2zw9ieP8yWOPPumn'], negatives: ['FRAMEIO_TOKEN=fio-u--t4e4X-vQycMG17ixWTxAvVY9A-65h'] },
  'adobe-client-secret': { positives: ['ADOBE_CLIENT_SECRET=p8e-PDC4AVU0dOmqmxHOoI318ptR7Dpc7Rhr'], negatives: ['ADOBE_CLIENT_SECRET=p8e-CHoXJ5l0QnmC'] },
  'algolia-admin-key': {
  positives: ['ALGOLIA_ADMIN_KEY=9358130c84330231bb69c2637b8a8c20', '// Private Algolia admin key\nstatic let algoliaAdmin = "820e2802f1c8f4e2f4950a32a349ceac"'],
  negatives: [
    'ALGOLIA_SEARCH_KEY=9358130c84330231bb69c2637b8a8c20',
    '# The Algolia admin key lives in the vault.\nALGOLIA_SEARCH_ONLY_API_KEY=820e2802f1c8f4e2f4950a32a349ceac',
  ],
},
  'mapbox-secret-token': {
  positives: ['MAPBOX_SECRET_TOKEN=sk.eyJ1IjoiYWNtZSIsImEiOiJoaW9mczE2YzUxY3RkaG1xMnhpajBnb2YifQ.Hq94VCC00lm0DCWqnSR4r4'],
  negatives: ['mapboxgl.accessToken = "pk.eyJ1IjoiYWNtZSIsImEiOiJleWcxeHB6Z3lkYjIzZm13NjNwMzBtbXMifQ.dw60ZUJiquSUMh_p3wO_NS"'],
},
  'private-key': {
  positives: [
    '-----BEGIN RSA PRIVATE KEY-----\nNQES4PQKKI37xUpWenyHnmeqnhgdCTJi4mXrA8MNBueei+HCpzd1T1FkG9LxfLwy\nfNTWOylr+zXMOQWJ1OK6KkBAxfFmq/Gf0FCMzr0i6MQjkSfFiyP3Mh3c2LX9aQPy\ng/MITEGM1fX6jv8RxtCdTVy17Zb5\n-----END RSA PRIVATE KEY-----',
    'const key = "-----BEGIN PRIVATE KEY-----\\n" +\n  "30pshkBb5TcLlakeMam5DedBRiKPP7TdHGNAA/t5jRZ8AfUIYCX+Hxv/o3olhKV2\\n" +\n  "2gVqx45tUWGAKHPjYc6oXTvVJyt9DojgWVUSfXFG7K+qRasseX24eQFELBFfGFNW\\n" +\n  "-----END PRIVATE KEY-----\\n";',
    '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZcNpdkxHcb8TIQzh+SbE6fjZBfJdE9kmuBV6TUpOaBKuexV811MydnvQg7wOrr4is1vC1qzEofmIzcNoIAWr4DxweJxLr6TNWKETmri7P3BB\n-----END OPENSSH PRIVATE KEY-----',
    '-----BEGIN ENCRYPTED PRIVATE KEY-----\nBioNtdhJdAuSnHjuRiGZBUni0UgUaCCE7JxxvrAGOIfqDAQOb9axRmtp9SUeQt6q\n4XcU/7/+QD8/f/YEYLly2InLcEUjtcm7l7jevboQTREpWRkB1zrNIaDd6np3EMog\n-----END ENCRYPTED PRIVATE KEY-----',
    '-----BEGIN EC PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,6C44060BFEB90AEBF9FA5E2A48245F31\n\n6r+8fGKU/ejspOlXJYU+bE9muXmDlvaaAGuW9ngTP7JOO6oqtlrbE78p8rCNT4HB\nvAT+EbFPFLJ1v0uhud21dEORLUIxn+NRoxaWAPFFlN/pDM2JjPCa6C7eJKd33M85\n-----END EC PRIVATE KEY-----',
  ],
  negatives: [
    '-----BEGIN PUBLIC KEY-----\n+TwiNXMJ3qJHx/E6wTuNlPC+l2h3hUeadnoFxWFUPwaJc3hnJDTxQeta7voNsg0W\n0mQ92bFc3lChleQL7dc/8Ku92H0l7dIANmepvGRYjxPkEt4ZTmVmSn9nQRLPtE9h\n-----END PUBLIC KEY-----',
    '-----BEGIN CERTIFICATE-----\n2VDAYxydo2IXjxezoIZgtyp4/qLJf6Ae2uBnP9LF6yaaV41NS5aczvj0S++3NPsz\nX22a1sRf8fzeWStdb3u5i190BHDpzwwAp2JZmsuOSY8BLHbyyj782blWByH5p2u2\n-----END CERTIFICATE-----',
    '-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----',
    '-----BEGIN RSA PRIVATE KEY-----\nYOUR_PRIVATE_KEY_HERE_YOUR_PRIVATE_KEY_HERE_YOUR_PRIVATE_KEY_HERE_1234\n-----END RSA PRIVATE KEY-----',
    'if (pem.startsWith("-----BEGIN PRIVATE KEY-----")) { parse(pem) }',
  ],
},
  'private-key-base64': {
  positives: ['  tls.key: LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQpRZU14ZDkxbk1FRG8yM3pxQnhVaXNxNWxKaEhPQWhMNWVEU3RNN0tRajVmQXFpNnBiNVd3RnUvTXRRQ3lscWVrY005U2ZDVVB0MG9PLzU4NloyV3I4M3FKaEVpcGpCZUEraDVSbmtpYUlwT1J3NGNTMXJVeGdMeXViN1pMbXBpdQotLS0tLUVORCBSU0EgUFJJVkFURSBLRVktLS0tLQo='],
  negatives: ['  tls.crt: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCm1UaUtYT1Q2Z2g5U2JaVE9LNitIR0VoUnQySkU0RW9hcURLMXV4VUtqOFI1NFVRRldDYWJVTklxMUIzbTFHK1BkS3RFMzRoQ2pMM1N1YW5WeTlNNmJpQjBQTUxBQlhnYTFSS1VRYmVyUGd0M0VXS2lGZkZ1dmFWQzBJV05aYzcwCi0tLS0tRU5EIENFUlRJRklDQVRFLS0tLS0K'],
},
  'pgp-private-key': {
  positives: ['-----BEGIN PGP PRIVATE KEY BLOCK-----\nVersion: GnuPG v2\n\n0BxnxIBzeGEmg4SehknOGbPWLiJSKqva5L2zNdARIcVwWq6p84L/jFn3UOInM5ky\nSEzVxfCktG174TXEDyjjyRLcO4ai753maD/KJR4k7S2yhTtq29xpD4reLLTIQHTV\n=Vxm0\n-----END PGP PRIVATE KEY BLOCK-----'],
  negatives: ['-----BEGIN PGP PUBLIC KEY BLOCK-----\n\n601sfAQ4uqzOJ9xfdRmtmFeWQzEJiWLRkM+vX3nQ3yUWTV9L5SN19V8O8/ETCyIz\nmDjQAy/9qrX2xfFo1Kr2+hyqr+8WaB6X2tjh1bX+C5dMs8uh8nmVzj6dUGBTRl9I\n-----END PGP PUBLIC KEY BLOCK-----'],
},
  'putty-private-key': {
  positives: ['PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: deploy\nPublic-Lines: 2\nrul4LxqhbiteKNkiG9+HVw+FWXedKGuUfrIv1jjD0PM7V4amJZjR9pERCVBJx605\n7Upe\nPrivate-Lines: 1\n/Cy+nQg/jEIO7FsXqH/UEmJymMzOH2HkfjvLAz2MMUwqKx3t\nPrivate-MAC: 36784f74b6f1602c2fbe779d93ac8112e8935c7f2c39f14c4848bcb722ed2ffd'],
  negatives: ['PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nPublic-Lines: 2\nAutjC0+pO5bVbtEkxPrD+qHiQ8OlZmikIabTfing4qF4bjxFD81fYPFDoOhd0Esy'],
},
  'age-secret-key': {
  positives: ['# created: 2024-01-01T00:00:00Z\n# public key: age1u9l4xb4ywuyzx4ygt555fkzjptiowq9bximwd107xt56wp210z0jpcs9kv\nAGE-SECRET-KEY-1FTTEYW5XPLTSH9L4ZD9S4FJEUZ208TKC6GF42Q5492GXPNUCTHYATH6FEP'],
  negatives: ['AGE-SECRET-KEY-1FTTEYW5XPLTSH9L4ZD9S4FJEUZ208TKC6GF42Q5492GXPNUCTHYATH6FEQ'],
},
  'jwt': {
  positives: [
    'Authorization: Bearer eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6ImsxIn0.eyJzdWIiOiJzdmMtY2kiLCJhdWQiOiJhcGkiLCJpYXQiOjE3MDAwMDAwMDAsImV4cCI6NDEwMjQ0NDgwMH0.DaTD4x6LPT9z_ekzaX_kWaKgTs_aUMpAbL4rMnLgNX0',
    'fixture = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1c2VyIiwiaWF0IjoxNTAwMDAwMDAwLCJleHAiOjE1MDAwMDM2MDB9.4ea1omzeDc09cU-g6By_ZAqaRQ4F2F7LdGA41Shktl8"',
  ],
  negatives: [
    'token = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"',
    'token = "eyJ0eXAiOiJKV1QifQ.eyJzdWIiOiJ4IiwiaWF0IjoxfQ.jGMFtx1Ieqoc5FBzW5w2GmISfery53mAUqliwW3_BPq"',
    'data = "eyJtaZBIHCoCuWMAJfPUmA_.eyJLPr1SC65LeNLUcp89Tnf.Jr8GbFxwd-VOjLkcXi9w"',
  ],
},
  'slack-bot-token': {
  positives: ['SLACK_BOT_TOKEN=xoxb-854734818667-3375440201695-elLtBwnM5yHTZGjvUVGs0SFc', 'app = App(token="xoxb-33662535200-652420432853-2Ys1w0kd21sM02Qrp3wBotMP")'],
  negatives: ['SLACK_BOT_TOKEN=xoxb-your-token', 'SLACK_BOT_TOKEN=xoxb-677661459010-q63HlrU1hRMPNcjtAYmGAWbG'],
},
  'slack-user-token': { positives: ['SLACK_USER_TOKEN=xoxp-917306159072-888369239670-6791734192432-8fc91ba25632da3b0d146a20d435a411'], negatives: ['SLACK_USER_TOKEN=xoxp-203101870340-b970ffc3fcdf29d3874d7e5bbd95be8a'] },
  'slack-app-token': { positives: ['SLACK_APP_TOKEN=xapp-1-AIJZSB5E3I9-7285632230744-86664ca2e7785d931f760e3235887b4a12a12cd218881361a00850530c8ed123'], negatives: ['SLACK_APP_TOKEN=xapp-1-fae5f368b6b04092eb802b3669a8df55e7e4076d86ba97dfd3c9dd4fbcc9bd68'] },
  'slack-refresh-token': {
  positives: ['SLACK_REFRESH_TOKEN=xoxe-1-vHj4LkrXoCKWecr5u362htikTxRs7Jjv7yTsbqnUqiJ2Ssjz9FLHOPrONFN1zpPaKINMKiHvcw15Ec5zTA1421qZDkyGhtgWbuIivOUhhvFPN0W6Bpd3QPltQKBOs9B5mk2MshWyDedt', 'SLACK_CONFIG_TOKEN=xoxe.xoxp-1-tnYa6ln0o2H8KLrf0TtqYN46EI1tvZWJcyEFGiJn98KysI5GHKVDjClPjTkD7ectHTswrX17tasCekqwx4cxR6AyR3fRfrXMnmZoSPgElVnCHtzdmtfqhEMGrfBxvnrbaYtJWw5PYu1sL2Ccpczm8L5iLT63zIBCbGeUU'],
  negatives: ['SLACK_REFRESH_TOKEN=xoxe-1-FbIgvEgDr5gD7vdRUhTEJS3uu4ppbUh4T9JXYOPS'],
},
  'slack-webhook-url': {
  positives: ['requests.post("https://hooks.slack.com/services/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", json=msg)'],
  negatives: ['SLACK_WEBHOOK=https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX', 'https://hooks.slack.com/services/'],
},
  'discord-bot-token': { positives: ['DISCORD_BOT_TOKEN=MTA3MjU2MjY4OTE2NDk5NzEyMw.z8Hkvm.x8tQa8BN4sWoyrn2vFHjXYWU0yfMWIO4k9Yk20', 'client.run("OTMyMjg3NzgxMjkxOTE1MTg2.Zoyj5o.C4EYWsbkgBEA5g8HCqtY522Mz6ILjs4bV0rkzY")  # bot'], negatives: ['DISCORD_BOT_TOKEN=MNvztY1NsxMsCtaa3HEs6pfB.Syknvr.NWJlFXG41bVk4QYS8L8xacdKeDy'] },
  'discord-webhook-url': {
  positives: ['DISCORD_WEBHOOK=https://discord.com/api/webhooks/7222668862960512460/Q1gvLzCZpeX9mJHnCF7pBH2Xb98kPsEEu4g7qz5JoyQCJbdZHOrNB7bV2zbUWNoJVqgE'],
  negatives: ['DISCORD_WEBHOOK=https://discord.com/api/webhooks/2849484264207848749/<token>'],
},
  'telegram-bot-token': {
  positives: ['TELEGRAM_BOT_TOKEN=0569647838:AAgsf4ksZyGBnxYG2ZwbaZYRY36y7ppP_h3', 'url = "https://api.telegram.org/bot777679012:AAwEW4fb7R4GJYbIWlx5qtYEVpKlFlMIKcv/sendMessage"'],
  negatives: ['TELEGRAM_BOT_TOKEN=1388089473:ABBAwkCK8ojOSRRmub83jr7KpAN4gvN0dCw'],
},
  'pagerduty-routing-key': {
  positives: ['pagerduty_configs:\n  - routing_key: 143c450023ffc804ee9b0840b3472a1a', 'PAGERDUTY_INTEGRATION_KEY=ab0f23cfdb4114d8b23f684cae39854f'],
  negatives: ['ETAG=143c450023ffc804ee9b0840b3472a1a'],
},
  'teams-webhook-url': {
  positives: ['TEAMS_WEBHOOK=https://acme.webhook.office.com/webhookb2/bc366dac-de40-cc64-e288-748a88ff31dd@bf7a572a-f276-7cfb-cfcb-b970db72da8e/IncomingWebhook/a77c8c5df1a719a2f98ce6b83105d826/9f2f7901-4743-d2ad-1746-e35584115a75'],
  negatives: ['TEAMS_WEBHOOK=https://acme.webhook.office.com/webhookb2/'],
},
  'sendgrid-api-key': { positives: ['SENDGRID_API_KEY=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'], negatives: ['SENDGRID_API_KEY=SG.3kN0w_63GTDdVdNC6SJtzI'] },
  'twilio-api-key': { positives: ['TWILIO_API_KEY=SK12f14a1862d139a63b27093bca4fc696'], negatives: ['API_KEY=SK12f14a1862d139a63b27093bca4fc696'] },
  'twilio-auth-token': {
  positives: ['account_sid = "AC5fd0109a9ffde340c3868c5f5ae46c4f"\nauth_token = "45b852879f5312314cb34a71206aaac2"\nclient = Client(account_sid, auth_token)'],
  negatives: ['auth_token = "45b852879f5312314cb34a71206aaac2"', 'account_sid = "AC738675063fc20c30a8001e784b2dee7d"\nauth_token = os.environ["TWILIO_AUTH_TOKEN"]'],
},
  'mailgun-api-key': {
  positives: ['MAILGUN_API_KEY=key-77c04bae5cedb3b6acea3a467ccf02e0', 'MAILGUN_API_KEY=c7f90e1fa3e2f901bca4a747585f9252-6007a4e3-76fc2c86'],
  negatives: ['API_KEY=key-77c04bae5cedb3b6acea3a467ccf02e0'],
},
  'mailchimp-api-key': { positives: ['MAILCHIMP_API_KEY=5d0e83b176df87c40a69b8cb58be60eb-us21'], negatives: ['MAILCHIMP_API_KEY=9752d18d5e22efba7fe92a980c251974-eu21', 'MAILCHIMP_API_KEY=00000000000000000000000000000000-us21'] },
  'postmark-server-token': { positives: ['POSTMARK_SERVER_TOKEN=9cbfeb18-fcf6-f9ba-24fb-2e6a2ff0b0d2'], negatives: ['REQUEST_ID=9cbfeb18-fcf6-f9ba-24fb-2e6a2ff0b0d2'] },
  'firebase-fcm-server-key': { positives: ['FCM_SERVER_KEY=AAAAuF4Iu3u:APA91bbX5K-HmlZLau1anlZRrRAqzVsfANbyk2DVTASm-9cfj02YCY7a2X3n9Rk3XmEK_rBswpCBYIW5_XNaOVNaZNJqW0w4Kt_z6uTR2HlB4g2LNjGmW8-PKkFOtCf_ANgNp-I1bbfz'], negatives: ['FCM_SERVER_KEY=AAAAu2xgPHr:APA91bjmsZg8EuJ6A_BFj1uspDGhVVQnFeC-EqpRV7zsf_'] },
  'intercom-access-token': {
  positives: ['INTERCOM_ACCESS_TOKEN=dG9rOjljMmE3NzBkX2VjMGRfNzk2MF8zODQxXzI0YzViNjA4MjQwMjoxOjA='],
  negatives: ['INTERCOM_ACCESS_TOKEN=dG9rOj8fLjxiLE4P'],
},
  'zendesk-api-token': { positives: ['ZENDESK_API_TOKEN=upfo6vtkvrZGRWNaoAmGUusTJWsLZRKB3G3qivP0'], negatives: ['API_TOKEN=upfo6vtkvrZGRWNaoAmGUusTJWsLZRKB3G3qivP0'] },
  'segment-public-api-token': { positives: ['SEGMENT_TOKEN=sgp_MzLu8zDFQf1agwN9LAdVoh2cJbbusqApoZSaf7QRX2KSnnvnT5N0kr95JbVB6DMP'], negatives: ['SEGMENT_TOKEN=sgp_DDL7JKdwQr1bdEOx63xzSOEKDAHuP4bP'] },
  'segment-write-key': { positives: ['SEGMENT_WRITE_KEY=Ow1pfl7fe3vYUjCwgiqK2LaNSI8PmVw2'], negatives: ['SEGMENT_ID=Ow1pfl7fe3vYUjCwgiqK2LaNSI8PmVw2'] },
  'beamer-api-key': { positives: ['BEAMER_API_KEY=b_bPUpOw-dNle0FhH2FpKjU1jAYSoqtH7imZvLDKJeMGM1'], negatives: ['KEY=b_bPUpOw-dNle0FhH2FpKjU1jAYSoqtH7imZvLDKJeMGM1'] },
  'npm-access-token': {
  positives: ['//registry.npmjs.org/:_authToken=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', 'NPM_TOKEN=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'],
  negatives: ['//registry.npmjs.org/:_authToken=npm_XczC6h0UW0pUfdmHJO7UwVA5AtmIB74MXGha', 'const npm_package_version_string_value = 1'],
},
  'npm-legacy-token': { positives: ['//registry.npmjs.org/:_authToken=ddbd3bcf-505e-214e-9efb-fca1317932f2'], negatives: ['request-id: ddbd3bcf-505e-214e-9efb-fca1317932f2', '//registry.npmjs.org/:_authToken=${NPM_TOKEN}'] },
  'pypi-upload-token': {
  positives: ['[pypi]\n  username = __token__\n  password = pypi-AgEIcHlwaS5vcmcCH3sicGVybWlzc2lvbnMiOiAidXNlciIsICJ2ZXJzaW9uIjogMX0X7YTcOF9R5U2MEzgTmjkxnQpwLgKNWivMJaNv3Iy-ylrYndznh7EJmMLCMHs5lSPWD8zgAI8z1x6L4bI', 'TWINE_PASSWORD=pypi-AgENdGVzdC5weXBpLm9yZwIfeyJwZXJtaXNzaW9ucyI6ICJ1c2VyIiwgInZlcnNpb24iOiAxfZyfrJJb2M7hwWAA_nIShwzR9Fle0aSLpTbG_LpXEshg1uxFnx6OOYwlVlPjG7FYFeyDnGf1vtcaxqh0wA'],
  negatives: ['password = pypi-Ag-mXXUbr9k-358WwNhRKDRG4_HCKFcW1V5bFkpTk30nYeIwPCUiCjHcBZh7fpRD6riodNw5u3IDweceMW', 'password = pypi-AgEMZXZpbC5leGFtcGxlAh97InBlcm1pc3Npb25zIjogInVzZXIiLCAidmVyc2lvbiI6IDF9ygf510GSrUaO557UDPo-RZGdPwSTO59QFELILZTNqilzPjd2mPeXSP8NbfmzX4gGjmEwzRl44RbCG_FL'],
},
  'nuget-api-key': { positives: ['dotnet nuget push pkg.nupkg --api-key oy2ofd6eeruriuybuq5cwdnncxz27zadj8v2fjbyl3mg6c --source https://api.nuget.org/v3/index.json'], negatives: ['--api-key oy2q8ryc1qo4xbt2q5tuibt'] },
  'rubygems-api-key': { positives: [':rubygems_api_key: rubygems_1e0b7cf1306b385e2f774ff987659a36bc560ca24aa0374c'], negatives: [':rubygems_api_key: rubygems_ce3848b0553c8600d68d5714fc54ac'] },
  'clojars-deploy-token': { positives: ['CLOJARS_PASSWORD=CLOJARS_3jv9j655v19hn3k9npuhekwhyfegxto85id5pqj8fkikhiy3ggqiqb264lhk'], negatives: ['CLOJARS_PASSWORD=CLOJARS_jfnqx7fs1eiopfykblxnozv4wgkso7'] },
  'crates-io-token': { positives: ['[registry]\ntoken = "cioIb4mn8EJ7OWweWaq3Eg1tHWqhHqqQg8v"', 'CARGO_REGISTRY_TOKEN=ciosK6qvf6WGGyNOiZ6yxMu1W34woSWSh7t'], negatives: ['CARGO_REGISTRY_TOKEN=cioypOKYqW7ZvTwI9AeuKOX'] },
  'docker-hub-token': { positives: ['echo dckr_pat_eEuGOgWtUNbbgm-Ge9IyMw7E5M4 | docker login -u acme --password-stdin'], negatives: ['DOCKER_TOKEN=dckr_pat_0ohyhW_MHG'] },
  'docker-registry-auth': {
  positives: ['{\n  "auths": {\n    "ghcr.io": {\n      "auth": "YWNtZTpvVEFEd3hEWWZOOWlmMHlLNGtNUWJ4QzA="\n    }\n  }\n}'],
  negatives: ['{\n  "auths": {\n    "ghcr.io": {\n      "auth": "djJVUHk5THVYaUdPdHF5b0JIYmlMRGIx"\n    }\n  }\n}', '{\n  "auths": {\n    "ghcr.io": { "auth": "YWNtZTpwYXNzd29yZA==" }\n  }\n}'],
},
  'jfrog-reference-token': { positives: ['JFROG_ACCESS_TOKEN=cmVmdGtuOjAxOjM2OTAzOTM1MDc6STZEV0hEcEJta0tWa1EzY2pkWHNaQkpCVUhB'], negatives: ['JFROG_ACCESS_TOKEN=cmVmdGtu'] },
  'artifactory-api-key': { positives: ['ARTIFACTORY_API_KEY=AKCp3pqbelpYrTwCUB0SE8Z9CbZs80BMwgSmC5rXDgs08yXRX2YN5xU3K9KKtAq3ANSPjCgdY'], negatives: ['ARTIFACTORY_API_KEY=AKCp7lLlC4YYuTiXSv80E33uKBwA6RCegt'] },
  'stripe-secret-key': {
  positives: ['stripe.api_key = "sk_live_1mjGbMCmreSlb54VIuV2gyat"', 'STRIPE_SECRET_KEY=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'],
  negatives: ['stripe.api_key = "sk_test_fh2nhwpNg9YZkSXXU80p92NA"', 'publishableKey: "pk_live_ZtxTyJIWMtcUW1oixvUkUjyx"', 'sk_live_xxxxxxxxxxxxxxxxxxxxxxxx'],
},
  'stripe-restricted-key': { positives: ['STRIPE_KEY=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'], negatives: ['STRIPE_KEY=rk_test_aOc9oJcQfgg870hF9CnThUAPUZTACQ8JPVVF7GnMNlKPEQqWxcYnKV0M0CnxkkFUnj6KOL8iYb96bZO0kEV1CrYqYSXpyyb5I5k'] },
  'stripe-webhook-secret': { positives: ['STRIPE_WEBHOOK_SECRET=whsec_9ZCh53gdPewcFi5FG6sj84tKfnVJmind'], negatives: ['STRIPE_WEBHOOK_SECRET=whsec_...'] },
  'square-access-token': { positives: ['SQUARE_ACCESS_TOKEN=EAAAkR-9UvFWwDGcBXnCXCgmSc6KdaFx5YrOaKFVeydM0kfT3-5iqg7GHvvTKigW', 'token = "EAAA0Y9iRM_LcoSrOrXd9p0INI1V-2Y8UlBkq-f4hxnd9hBsLidOGqW_-GfgVFZW"'], negatives: ['SQUARE_ACCESS_TOKEN=EAAA5iSFzQ6nKmYF5KX0njnzWZYelMuCanly22fpvVfGjMn3uAzWoRCOCdV7Y78ds8Hnum8694twq_S5-s9sP0Kz7OdObk-cL7IHzFqh0vr3PnYlCjmXJMyh5A2rN9NEKmJLohVIXg9NSCTs'] },
  'square-oauth-secret': { positives: ['SQUARE_APP_SECRET=sq0csp-YebAg5I4gfTZR2BAvuiXnZxl4HtPNmxeaMiYjqOoKK_'], negatives: ['SQUARE_APP_SECRET=sq0csp-N8pDuwdS0quMmLgz1eGm'] },
  'square-legacy-access-token': { positives: ['token: sq0atp-ur3wlk_kg8utpa_DEUfFmy'], negatives: ['token: sq0atp-th5i7_MD0y'] },
  'braintree-access-token': {
  positives: ['BRAINTREE_ACCESS_TOKEN=access_token$production$on5fh13w72nfi01l$b8b76df02ec82a6341ed8a94f0e1d31f'],
  negatives: ['BRAINTREE_ACCESS_TOKEN=access_token$sandbox$d6spz5ln4ocghvjl$149d6624dafa8eb6772cde81cc155a60'],
},
  'shippo-live-token': { positives: ['SHIPPO_API_KEY=shippo_live_5157ecdc6b2dd68fa8e4df12366cdf0b7e7780a5'], negatives: ['SHIPPO_API_KEY=shippo_test_6766cb9b91dd02477b8f28a36b1717b84519515b'] },
  'plaid-secret': { positives: ['PLAID_SECRET=b40cd3e66d16442a40c24db0487ddd'], negatives: ['SECRET=b40cd3e66d16442a40c24db0487ddd'] },
  'plaid-access-token': {
  positives: ['access_token = "access-production-32817829-5a92-df73-6556-98b3d1964bad"'],
  negatives: ['access_token = "access-sandbox-7aecd530-a421-1698-1384-94ad985d3b14"'],
},
  'easypost-api-key': { positives: ['EASYPOST_API_KEY=EZAKsaiMS3lcq6QTsAYZGgj0kyCp6TJ9MFZ5euHHcq3VLmDxQUZpCaiy3C'], negatives: ['EASYPOST_API_KEY=EZTKMzZN6LtXcm0YUEzvDmuldfz63HB9g5vppYU8oecIfAKzL5Um1vYXlg'] },
  'flutterwave-secret-key': { positives: ['FLW_SECRET_KEY=FLWSECK-11b95e6777ba1fb7db1e91a281b35f7a-X'], negatives: ['FLW_SECRET_KEY=FLWSECK_TEST-0fffb633d0a55e8ed8f76f1822f7b0f8-X'] },
  'razorpay-live-key-id': { positives: ['RAZORPAY_KEY_ID=rzp_live_vzuj6lj2KGtBbL'], negatives: ['RAZORPAY_KEY_ID=rzp_test_f4YoHxDDlMur7k'] },
  'razorpay-key-secret': { positives: ['RAZORPAY_KEY_SECRET=GzxBVrSbWrM1TpXEwobaqwQ3'], negatives: ['KEY_SECRET=GzxBVrSbWrM1TpXEwobaqwQ3'] },
  'coinbase-api-secret': { positives: ['COINBASE_API_SECRET=BmtnzPIDanKGdEPNUFsxxJR5Uak0uZx5'], negatives: ['API_SECRET=BmtnzPIDanKGdEPNUFsxxJR5Uak0uZx5'] },
  'kraken-private-key': { positives: ['KRAKEN_PRIVATE_KEY=zSBZ/hRAcg+KNWvkmNSRhpd7dExCIv+1K3HRSsjd1++aZIUHk2pSbLLxjZ/X2whz1DH5SPx5hbg+9JZqGVoTHg=='], negatives: ['PRIVATE_KEY=zSBZ/hRAcg+KNWvkmNSRhpd7dExCIv+1K3HRSsjd1++aZIUHk2pSbLLxjZ/X2whz1DH5SPx5hbg+9JZqGVoTHg=='] },
  'lob-live-api-key': { positives: ['LOB_API_KEY=live_4e3a024df7bb533a152b109c0a984fab9fb'], negatives: ['API_KEY=live_4e3a024df7bb533a152b109c0a984fab9fb', 'LOB_API_KEY=test_4e3a024df7bb533a152b109c0a984fab9fb'] },
  'duffel-live-token': { positives: ['DUFFEL_ACCESS_TOKEN=duffel_live_XyZAZ_z3GTkmGfpgEIdkRoPQOpRvgI7QtL0OpLWizbL'], negatives: ['DUFFEL_ACCESS_TOKEN=duffel_test_lrgq_RN1cUEIdvPnddgjgjY85OIhstd1ZUFdx3tPgDP'] },
  'heroku-api-key': { positives: ['HEROKU_API_KEY=HRKU-AAoG_7oUJlNfhTf7-MqjA-rLj0yL0noWWkg-TV516B9yfgqRExC9D9qzZxpa'], negatives: ['HEROKU_API_KEY=HRKU-AAFrTrwxoZe257mo-uR2Om'] },
  'heroku-api-key-legacy': { positives: ['HEROKU_API_KEY=590b4777-c936-25c9-f1cc-e6ddb6f20ad0'], negatives: ['HEROKU_APP_ID=590b4777-c936-25c9-f1cc-e6ddb6f20ad0'] },
  'netlify-token': { positives: ['NETLIFY_AUTH_TOKEN=nfp_5MWEiVPbEbkLg0jAZ0NIKLbASn00BarvVhNW'], negatives: ['NETLIFY_AUTH_TOKEN=nfp_ZmTL7TYplhk1PnsY'] },
  'netlify-token-legacy': { positives: ['NETLIFY_AUTH_TOKEN=RPgjkjPVpoyQayK07qw5tRNoB-NbEgyN2Ro78h-yMc4'], negatives: ['AUTH_TOKEN=RPgjkjPVpoyQayK07qw5tRNoB-NbEgyN2Ro78h-yMc4'] },
  'vercel-token': { positives: ['VERCEL_TOKEN=Bv05q5uURZrggsY7OT0wAiB5'], negatives: ['TOKEN=Bv05q5uURZrggsY7OT0wAiB5', 'VERCEL_PROJECT=myVercelDeploymentProject'] },
  'fastly-api-token': { positives: ['FASTLY_API_TOKEN=kxCqA-MwKhofua5ct26K7FfArvHXmsz7'], negatives: ['API_TOKEN=kxCqA-MwKhofua5ct26K7FfArvHXmsz7'] },
  'databricks-token': { positives: ['DATABRICKS_TOKEN=dapi1a644a928bfb7270abd38090f221da99', 'token = "dapi182f09d69943124adcda8053fafb9d1f-2"'], negatives: ['DATABRICKS_TOKEN=dapi3f2712c672bea0f00a39'] },
  'vault-service-token': { positives: ['VAULT_TOKEN=hvs.60PZuX3ZuBFbuS3wCWZOdg3k', 'vault login hvs.CAES1UwUYDzhSbPZqX06BCWk4__VeM3DL3wKC5h1fr2vtr5OwlagRxRKpQiT8F42y3vzzlTWI_Dycir1nPoZvLk0yueIoe'], negatives: ['VAULT_TOKEN=hvs.PHEKfaPd_t'] },
  'vault-batch-token': { positives: ['VAULT_TOKEN=hvb.sR4YE3UU_rNXCn8vSsozuQ7TG5HAqFCPuMBXAfQXCi6avQnaKw3Bb3JvYVug_F9V4GhxJP_OBHKBHGGK87j7AoUFbGiPn_ql0UZZic1OIUqAiNurIq52Nzsp_QQ-hLVw22zXeKeqhoFR'], negatives: ['VAULT_TOKEN=hvb.G4abYzvV38Ydw3In6ABXXkC7XhvHUOgFD4Q0Li4t'] },
  'vault-legacy-token': { positives: ['export VAULT_TOKEN=s.8UmrCzQAdFeWokjWdwGBCNr6'], negatives: ['TOKEN=s.8UmrCzQAdFeWokjWdwGBCNr6'] },
  'terraform-cloud-token': { positives: ['credentials "app.terraform.io" {\n  token = "K8W2XTFfhO1GEC.atlasv1.C3gS9dFH9bC1sKUUWPfOaaWZwPh87ZtuIWlwEM8zzy6NaoiQt3wq_weVSYXMnLr9rHY"\n}'], negatives: ['token = "I5Ff2vIupj2Kip.atlasv1.oxyI7Uot_pcAV36uxDVj"'] },
  'pulumi-access-token': { positives: ['PULUMI_ACCESS_TOKEN=pul-7f9297b9024284caf1d89558ec9b15e15bfaef07'], negatives: ['PULUMI_ACCESS_TOKEN=pul-8140abf888abfa1d115d'] },
  'doppler-token': { positives: ['DOPPLER_TOKEN=dp.st.prd.896XTNwY0A4nfFa0lWgD9c5MlhWIPNwWGmrcvKAG', 'DOPPLER_TOKEN=dp.pt.jam5W0yMGPc6i5d6vFW2OnmsNdClXAGl3iwyacvoNFz'], negatives: ['DOPPLER_TOKEN=dp.pt.Fhe8wRZqOwrsjkNHW5Wt'] },
  'dynatrace-api-token': { positives: ['DT_API_TOKEN=dt0c01.P15QEGG1EB2SGH14F97KX9BY.5AQ1HSH9GCASLZNO96LLATHWCUTA1L3049TNDZPJV5FS20OUV41RDZX0BFSDD0Y1'], negatives: ['DT_API_TOKEN=dt0c01.QJKDOYYR2Y4A4FBRJDLUBDQX'] },
  'scalingo-api-token': { positives: ['SCALINGO_API_TOKEN=tk-us-gxbVJLZUl5P33u6-5DPGXz8scrxojRH0QHL5liFB1H2JMqDh'], negatives: ['SCALINGO_API_TOKEN=tk-us-LO6XtyMY2Jve_C9wZetS'] },
  'rails-master-key': {
  path: 'config/credentials/production.key',
  positives: ['8a127c5c6840fb4071ca4d2b0da1de27\n'],
  negatives: ['# not a key\n', '3f08c590bcc9390292cdbed1d27c1c6e10facc09'],
},
  'supabase-access-token': { positives: ['SUPABASE_ACCESS_TOKEN=sbp_25ab7d1a823ad90facf5bd6976808a63133a134d'], negatives: ['SUPABASE_ACCESS_TOKEN=sbp_5de780f81498f223c92c'] },
  'supabase-secret-key': { positives: ['SUPABASE_SECRET_KEY=sb_secret_IeEFYBSeKesEK7gvnLtloe8B2FLTVNTA_Z4D'], negatives: ['SUPABASE_PUBLISHABLE_KEY=sb_publishable_JQhq1D3QmoRKQM2di-rolvFWY07I1e_JbgII'] },
  'supabase-service-role-key': {
  positives: ['SUPABASE_SERVICE_ROLE_KEY=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6InNleHpyZ3FwYmdxbWZzZmJ1ZmJrIiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImlhdCI6MTcwMDAwMDAwMCwiZXhwIjoyMDE1NTc2MDAwfQ.uC7AUQlV4QrA3uTPGrlTi7I-O4u3Sgk6-uvXbliMJ4Y'],
  negatives: ['SUPABASE_ANON_KEY=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6InFtY2ZwZW92ZGp1enF0aXdmZml6Iiwicm9sZSI6ImFub24iLCJpYXQiOjE3MDAwMDAwMDAsImV4cCI6MjAxNTU3NjAwMH0.R5tXUu0ij7N0vcfBOmjg3wHIeIBRYBXrvxnqo1E3U0w'],
},
  'planetscale-token': { positives: ['PLANETSCALE_SERVICE_TOKEN=pscale_tkn_H8mPZuEnWyN2VnEvq2dxMRS9hnw3GLyz_7w0k2OakS1'], negatives: ['PLANETSCALE_SERVICE_TOKEN=pscale_tkn_aseVXGeUzNyK'] },
  'planetscale-password': { positives: ['DATABASE_URL=mysql://u5er:pscale_pw_gSU8ByhdjyfymZhnltywM9wS2WyFuSIBJG0aX4rnxjm@aws.connect.psdb.cloud/app?sslaccept=strict'], negatives: ['password: pscale_pw_ws9X5UunY9eG'] },
  'neon-api-key': { positives: ['NEON_API_KEY=napi_jpqwwdp37i0jntuupxsivicz6zw6neqyncqlex57vtjfwemipol7wx43483mntux'], negatives: ['NEON_API_KEY=napi_coodnlpq5sqozf5ad5xs'] },
  'shopify-access-token': {
  positives: ['SHOPIFY_ACCESS_TOKEN=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', "headers = {'X-Shopify-Access-Token': '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'}"],
  negatives: ['SHOPIFY_ACCESS_TOKEN=shpat_243b928fe26718decd51'],
},
  'shopify-shared-secret': { positives: ['SHOPIFY_API_SECRET=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'], negatives: ['SHOPIFY_API_SECRET=shpss_'] },
  'okta-api-token': { positives: ['OKTA_API_TOKEN=00bp5Les2gQ-iTsANgfrnhOZJ4BlAyv3NOVQdLKPa1', 'Authorization: SSWS 00gOvw2XPZ9CmmSVTfCA4zkSl3kD4AHBxA_uQM-9Z9'], negatives: ['TOKEN=00bp5Les2gQ-iTsANgfrnhOZJ4BlAyv3NOVQdLKPa1'] },
  'auth0-client-secret': {
  positives: ['AUTH0_CLIENT_SECRET=VWAwW0qz08WKwBL2s43x2Is7sbmC8Ks6c6QeuoUmjDI_ikkg5gLjOJc4uX1Aihk7', "domain: 'acme.eu.auth0.com',\nclientSecret: 'wF6Zc5SmP49B16fUrTBj1kbiYginrVdYljzU23xv8BXOV4VJ2JeN0FTYxc5jX4Q2',"],
  negatives: ['CLIENT_SECRET=VWAwW0qz08WKwBL2s43x2Is7sbmC8Ks6c6QeuoUmjDI_ikkg5gLjOJc4uX1Aihk7'],
},
  'onepassword-service-account-token': {
  positives: ['OP_SERVICE_ACCOUNT_TOKEN=ops_eyJzaWduSW5BZGRyZXNzIjoiYWNtZS4xcGFzc3dvcmQuY29tIiwidXNlckF1dGgiOnsibWV0aG9kIjoiU1JQZy00MDk2IiwiYWxnIjoiUEJFUzJnLUhTMjU2IiwiaXRlcmF0aW9ucyI6NjUwMDAwLCJzYWx0Ijoib1hhdkREU1pjaEM4RnlORHMzek5jRCJ9LCJlbWFpbCI6InEydHZlN3Bza3NzNGpycmhzdDN1YnVhc25sQDFwYXNzd29yZHNlcnZpY2VhY2NvdW50cy5jb20iLCJzcnBYIjoiNjA4MTIzMGU1ZGJhOGNlOTUxYzJjMTc3ODcwYWFmNDIxNjg4NTc2YzAwMTk4NThmZTU5NzYyZDcyNWU4NTRjMCIsIm11ayI6eyJhbGciOiJBMjU2R0NNIiwiZXh0Ijp0cnVlLCJrIjoiN2VtQmQzaTJzdmx5MzdubDZvd1pJUUJrSUZkT3ZwcWdDTTQzc2dFRDRPLSIsImtleV9vcHMiOlsiZW5jcnlwdCIsImRlY3J5cHQiXSwia3R5Ijoib2N0Iiwia2lkIjoibXAifSwic2VjcmV0S2V5IjoiQTMtM1BKMk1RLVRGVU9ZUi00UDZJNC1JRUgzMy0xNDdFMS1DWk1SMCIsInRocm90dGxlU2VjcmV0Ijp7InNlZWQiOiJlMzViYTA0NDY4Y2U2ZjA0ZTMxZDZkZDljOWFiMThlYWYwMzViNzhiMzMzMWY1MDYwOWViY2YwZDA3ZmU1OTM5IiwidXVpZCI6IkdPQUhEQk9aUUZKTUxGR1ZRWkxVNVpWWjVPIn0sImRldmljZVV1aWQiOiJwdHd5NmVscWFtaGlzamNoMmM4ODBiZ3QybSJ9'],
  negatives: ['OP_SERVICE_ACCOUNT_TOKEN=ops_eyJtGD3LGA11ExrDdirSY67svz2UziLLzElFyuI7tURjEJy8p3BhDAq7GNyfUxbEYRmsVnwCJOQb52zZkljsLfMHVDZ7mz4UzX4GYKQmGAaPPuANwu3ciyoCmKt'],
},
  'dropbox-access-token': { positives: ['DROPBOX_TOKEN=sl.Zg-4N-AV2pgWrTVSukQwgKrq90eevSTZH-2chWflCo8QLkS_G3iLmaZURe8nVawz7DoYG1bdwiOH6naxtDitHmtxHJ3NfuTTOA76P8OEHTYB_wky8MyD-H5x_FI2fbSxtDZF-D-yngQa'], negatives: ['DROPBOX_TOKEN=sl.vtys3OSsY3DyNEy2Kln24uZ22DJbvIxOM9Mc_esK'] },
  'facebook-access-token': { positives: ['FB_ACCESS_TOKEN=EAAvFrs8XVXujWHhf0GRbVLxU9UtuhzU10BqE1NQnYKWIFFV7t2z00TMCIksmHTw7bpILCeUKrNUKNePJMvJvR8Ix1zclvcvZdHRPlMdlF32SP8prupD64swKIdbGDkE3OIXlnucsbEElzabWKlReLvPR5qPVFBZ5V1Zgx8kbt3hgUpSuREtAw9', 'requests.get("https://graph.facebook.com/v19.0/me", params={"access_token": "EAABk3adchOzBeUlt2SnrtN3ScINlmdTVd85r8YjScyIvJ4CFxtKudEEvR8la38pApzjw58cAK3LiNDow2Id7tiEEgMv1iuwEioDcqdgzTTx1QztqCmiQfFFJsH7ZX8eOvRgn8bpcbzF536xQ9Y6W8xNxV"})'], negatives: ['TOKEN=EAAvFrs8XVXujWHhf0GRbVLxU9UtuhzU10BqE1NQnYKWIFFV7t2z00TMCIksmHTw7bpILCeUKrNUKNePJMvJvR8Ix1zclvcvZdHRPlMdlF32SP8prupD64swKIdbGDkE3OIXlnucsbEElzabWKlReLvPR5qPVFBZ5V1Zgx8kbt3hgUpSuREtAw9'] },
  'twitter-bearer-token': { positives: ['TWITTER_BEARER_TOKEN=AAAAAAAAAAAAAAAAAAAAAiRNpoR2o2KZDnlBsv9Y9amWQIToWne%3DaiUlpjaQ2WicG8xU3r8j45428EaMJrmAqFdPPfNKKGzHMWq79h'], negatives: ['PADDING=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'] },
  'linkedin-client-secret': { positives: ['LINKEDIN_CLIENT_SECRET=F1MxdXleTsfjiim3'], negatives: ['LINKEDIN_CLIENT_ID=F1MxdXleTsfjiim3'] },
  'etsy-api-key': { positives: ['ETSY_API_KEY=b2urptymqmgsl2ivo1s2nuq8'], negatives: ['API_KEY=b2urptymqmgsl2ivo1s2nuq8'] },
  'github-pat-classic': {
  positives: ['GITHUB_TOKEN=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', 'token: "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"'],
  negatives: [
    'GITHUB_TOKEN=ghp_DQjRBk4hVzGJfGM7XgUbH2JgiWK8QC4Cuv1L', // checksum off by one character
    'token: "ghp_FotqSca5w2kGVeKpobPWxwcrbHhsM44YMw9d"',
    'ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
    'see docs for ghp_ tokens',
  ],
},
  'github-oauth-token': { positives: ['Authorization: token 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'], negatives: ['Authorization: token gho_HdDWbYAvshjVVeaHa6jdNBcIZ2GPo92MImDa'] },
  'github-user-to-server-token': { positives: ['user_token = "ghu_shKA90SOWEyZPff8xlJ3R7SPyaYevZ2VqzJ9"'], negatives: ['user_token = "ghu_ahKA90SOWEyZPff8xlJ3R7SPyaYevZ2VqzJ9"'] },
  'github-installation-token': { positives: ['git clone https://x-access-token:ghs_VCutslpjWLgZ79Sax8Pq99d7qTiuYg0iPLPz@github.com/org/repo.git'], negatives: ['git clone https://x-access-token:ghs_VCutslpjWLgZ79Saa8Pq99d7qTiuYg0iPLPz@github.com/org/repo.git'] },
  'github-refresh-token': { positives: ['{"refresh_token": "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"}'], negatives: ['{"refresh_token": "ghr_NjSxNT8UuWa3IjxcXnYGIC4h66cbBm1ZscAa"}'] },
  'github-fine-grained-pat': {
  positives: ['export GH_TOKEN=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'],
  negatives: ['export GH_TOKEN=github_pat_U5CaZ9FKFmXyfdB69gHWHH_Eqt6OiULICzd1QlH7Tvfbd98TtN90nsbHwxwKijP', 'github_pat_11AAAAAAAAAAAAAAAAAAAAAA_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
},
  'gitlab-pat': {
  positives: ['CI_API_TOKEN: glpat-5p-4KZuyNPmQUR9X9yWl', "gitlab = Gitlab('https://gitlab.com', private_token='glpat-2bvhpj0a9vD5tNdHxeZ4')"],
  negatives: ['glpat-xxxxxxxxxxxxxxxxxxxx', 'glpat-NMofB5OKv4gjlGVk'],
},
  'gitlab-routable-token': {
  positives: ['GITLAB_TOKEN="glpat-bzpoeXNtCnU6NTVybXZfyWEBT7YzzgURb8XmQpokEA.01.161w1a8iv"', 'token=gldt-bzoxdmJnCnU6M21zeWTBEayd0-GC2CQjr6_QUjxVEA.01.161vitosi'],
  negatives: ['GITLAB_TOKEN="glpat-bzpoeXNtCnU6NTVybXZfyWEBT7YzzgURb8XmQpokEA.01.161w1a8ia"'],
},
  'gitlab-deploy-token': { positives: ['docker login -u deployer -p gldt-8OQ7nWE614taEEV-igpC registry.gitlab.com'], negatives: ['gldt-Aa5h2SBlnj57'] },
  'gitlab-runner-token': { positives: ['  token = "glrt-g-4nAcLaLSH8JQccZpwQ"'], negatives: ['  token = "glrt-FXDW3Vwl"'] },
  'gitlab-runner-registration-token': { positives: ['--registration-token "GR1348941KKYB2QQmNEvkACGPFy9-"'], negatives: ['--registration-token "GR1348941xxxxxxxxxxxxxxxxxxxx"'] },
  'gitlab-pipeline-trigger-token': { positives: ['curl -X POST -F token=glptt-3c20a26f8d759a44cf60919a04c410f56251d4a1 -F ref=main https://gitlab.com/api/v4/projects/1/trigger/pipeline'], negatives: ['token=glptt-ac85c33dca55dc5d67672663d666d1'] },
  'gitlab-ci-job-token': { positives: ['JOB_TOKEN=glcbt-64_Tr1Bz06nyu8ng8A_9eVQ'], negatives: ['JOB_TOKEN=glcbt-_qa1xkg5CchtTCpUZyFb-'] },
  'gitlab-oauth-app-secret': { positives: ['client_secret: gloas-56596a52c2c86a714d035f207fa728ecc78e86e78a39a06ae7749e25335cde8a'], negatives: ['client_secret: gloas-a57c826e3b58f1a05c9541aabdb5f997ef2946d5f65958a168d95b305837487'] },
  'gitlab-feed-token': { positives: ['https://gitlab.com/dashboard/issues.atom?feed_token=glft-T34ABHk9xUcA5dhpyg1m'], negatives: ['feed_token=glft-'] },
  'gitlab-incoming-mail-token': { positives: ['GITLAB_INCOMING_EMAIL_TOKEN=glimt-mc6m6g515cuavhd7377dis5j1'], negatives: ['GITLAB_INCOMING_EMAIL_TOKEN=glimt-ygjqc9rw9c'] },
  'gitlab-agent-token': { positives: ['--set config.token=glagent-qMsDepYjhySuWRbWBIltCKFHf-39wOPxGhotoYs9SYKHpeg5X9'], negatives: ['--set config.token=glagent-LeSHpUYLxR1SNcOa9hWL'] },
  'gitlab-scim-token': { positives: ['scim_token: glsoat-MBN6s5McpLCjttcvaoqW'], negatives: ['scim_token: glsoat-aaaaaaaaaaaaaaaaaaaa'] },
  'gitlab-feature-flags-token': { positives: ['instanceId: "glffct-b4h3LW3rCqvCP7kftIOM"'], negatives: ['instanceId: "glffct-uQgB-n94dxx9rgZwk2G"'] },
  'atlassian-api-token': {
  positives: ['JIRA_API_TOKEN=ATATT3xFfGF0jHZOFFFZgpUVz5n_YUyFavUbA_3M6qHuAyvgTlVdWV1ei1EVncC_s9WdPqXLe5YtoCq-VjMu-ucYvmHOlyj0tVMO6yLGxQNVfBWNtt1X6AxqCC5ADSghc0SyHqDo_FMMGCOGJ5A7AeX8CWXgror-ZyBkeMP5D8Yo5bkxf30roLni=152FED92'],
  negatives: ['JIRA_API_TOKEN=ATATT3xFfGF0jHZOFFFZgpUVz5n_YUyFavUbA_3M6qHuAyvgTlVdWV1ei1EVncC_s9WdPqXLe5YtoCq-VjMu-ucYvmHOlyj0tVMO6yLGxQNVfBWNtt1X6AxqCC5ADSghc0SyHqDo_FMMGCOGJ5A7AeX8CWXgror-ZyBkeMP5D8Yo5bkxf30roLni=152FED90'],
},
  'azure-devops-pat': {
  positives: ['AZURE_DEVOPS_EXT_PAT=Jv6h3eFTyR9BvCyHT3DHyRYipijdBtPDqRqsGdke2hFnDLpmeF3LVnS7UVX7AAWVgnn5PrfB3WFdAZDOPQCz'],
  negatives: ['AZURE_DEVOPS_EXT_PAT=1xJ4bfvzXGaqiItu2ZqSiUxvHSGDuLhCFKAF5IDmfWDyTlYZQV3zu4RZR0xYaSOgx798PbAZDOmaO7JTi2Qd'],
},
  'azure-devops-pat-legacy': {
  positives: ['AZURE_DEVOPS_EXT_PAT: m4r7ehwpkdvxf66pko5fw26lzgcwr6vnwyf6mbq5vwjccnrakjfz', 'git clone https://pat:ad7ockdtnjbljpkzswgt4u5gcvtxqvxznkgj7hof44osxk5vy6yv@dev.azure.com/acme/app/_git/app'],
  negatives: ['CHECKSUM: m4r7ehwpkdvxf66pko5fw26lzgcwr6vnwyf6mbq5vwjccnrakjfz'],
},
  'bitbucket-app-password': { positives: ['BITBUCKET_APP_PASSWORD=ATBBVS06EHOq64X4CH0vtALkCQKJcD8i6FLf'], negatives: ['BITBUCKET_APP_PASSWORD=ATBB3G7QmbAmBIMXJ7YeUKq2'] },
  'digitalocean-pat': { positives: ['DIGITALOCEAN_TOKEN=dop_v1_65437629daca3f1008210d7b06337c516a945df8938a60507fadcd50d633814d'], negatives: ['DIGITALOCEAN_TOKEN=dop_v1_65437629daca3f1008210d7b06337c516a945df8'] },
  'digitalocean-oauth-token': { positives: ['DIGITALOCEAN_TOKEN=doo_v1_ba1708fb19d23b58ce2cc7e87c45c9beb86964e642399142fd0c9bff56d0e954'], negatives: ['DIGITALOCEAN_TOKEN=doo_v1_ba1708fb19d23b58ce2cc7e87c45c9beb86964e6'] },
  'digitalocean-refresh-token': { positives: ['DIGITALOCEAN_TOKEN=dor_v1_29adcda3631c77a29822c0436cad0632b1f3d65e7f991bb0758ff6f660134564'], negatives: ['DIGITALOCEAN_TOKEN=dor_v1_29adcda3631c77a29822c0436cad0632b1f3d65e'] },
  'postgres-url-password': {
  positives: [
    'DATABASE_URL=postgres://app:1IV2VsoRr9rdiyACNq65@db.internal:5432/app',
    'DATABASE_URL=postgis://geo:Tq8vLm2xKp4wRz@gis.internal/geo',
    'url = "postgresql://reporting:p@ss!w0rd-7Kq@replica.db.internal/warehouse"',
    'SQLALCHEMY_DATABASE_URI = "postgresql://orders:Vx4#kR9!mQz2@db-prod.internal:5432/orders"',
    'engine = create_engine("postgresql+psycopg2://reporting:K4CbGDcuuLXwafe5@10.0.3.7/warehouse")',
    'jdbc:postgresql://svc:ymDrbEwwEbUq6WLO@pg.prod.acme.io/app',
  ],
  negatives: [
    'DATABASE_URL=postgres://user:password@localhost:5432/app',
    'DATABASE_URL=postgres://app:${DB_PASS}@db:5432/app',
    'DATABASE_URL=postgres://app:<password>@db:5432/app',
    'DATABASE_URL=postgres://app:***@db:5432/app',
    'DATABASE_URL=postgres://app:@db:5432/app',
    'DATABASE_URL=postgres://db.internal:5432/app',
    'url = f"postgresql://{user}:{password}@{host}/db"',
    'DATABASE_URL=postgres://app:wHL59FLxSdjRJjDr@db.example.com/app',
  ],
},
  'mysql-url-password': {
  positives: [
    'spring.datasource.url=jdbc:mysql://root:YTbR86hFC9Ww6C@mysql.prod:3306/shop',
    'DB=mariadb://app:pvN9wxZTs0NcgH@10.1.1.1/app',
    'DATABASE_URL=mysql2://shop:Ty6pQm3Zw8Lk@mysql.internal/shop_production',
  ],
  negatives: ['DB=mysql://root:changeme@mysql:3306/shop', 'DB=mysql://root@mysql:3306/shop'],
},
  'mongodb-url-password': {
  positives: ['MONGO_URI=mongodb+srv://admin:vjILIqqP436z4p5Nx4@cluster0.ab1cd.mongodb.net/?retryWrites=true', 'mongodb://app:em8AGGVLd4r1@m1:27017,m2:27017/db?replicaSet=rs0'],
  negatives: ['MONGO_URI=mongodb+srv://<username>:<password>@cluster0.ab1cd.mongodb.net/', 'MONGO_URI=mongodb://$(MONGO_USER):$(MONGO_PASS)@m1/db'],
},
  'redis-url-password': {
  positives: ['REDIS_URL=rediss://default:ZpZLVJk9WD20bIQ8G3eVe09p@cache.acme.io:6380/0', 'REDIS_URL=redis://:dNmYhZfIEKFxu7NdKJy8wjOE@cache:6379'],
  negatives: ['REDIS_URL=redis://cache:6379/0', 'REDIS_URL=redis://:%s@cache:6379'],
},
  'amqp-url-password': {
  positives: ['BROKER_URL=amqps://worker:z8fC1QZMEyRMbChipYMv@rabbit.acme.io/vhost'],
  negatives: ['BROKER_URL=amqp://guest:guest@localhost:5672//', 'BROKER_URL=amqp://worker:pass@rabbit/vhost'],
},
  'sqlserver-url-password': {
  positives: ['DB=mssql://sa:mvYNiZvqkM4vQk9m@sql01.corp:1433/erp', 'url = "sqlserver://app:4pzDom1WHyh6kcs7@10.0.0.5?database=erp"'],
  negatives: ['DB=mssql://sa:{password}@sql01:1433/erp'],
},
};

/** The samples of a format id; throws when the format has none (every format must ship both ways). */
export function samplesOf(id: string): FormatSamples {
  const samples = FORMAT_SAMPLES[id];
  if (!samples) throw new Error(`no samples for secret/${id} in test/secrets/formatSamples.ts`);
  return samples;
}

/** Format ids with samples but no format (a renamed or removed format). */
export function orphanSampleIds(): string[] {
  const ids = new Set(SECRET_FORMATS.map((f) => f.id));
  return Object.keys(FORMAT_SAMPLES).filter((id) => !ids.has(id));
}
