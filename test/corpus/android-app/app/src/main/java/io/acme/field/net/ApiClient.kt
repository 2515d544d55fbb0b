package io.acme.field.net

import okhttp3.Interceptor
import okhttp3.OkHttpClient
import retrofit2.Retrofit
import retrofit2.converter.moshi.MoshiConverterFactory
import io.acme.field.BuildConfig

object ApiClient {
    private const val BASE_URL = "https://field-api.acme.io/"
    // Geocoding is billed per request; this key is restricted by package name in the console.
    private const val MAPS_API_KEY = "AIzaK6aYPc4x8Y3NdlsXiMOkClj4yVyijxlFT2a"
    //                                  ^ secret
    private const val INTERNAL_SERVICE_TOKEN = "HszEQ2PlkIkQjbxfo3WVFafKpAqDKXHf"
    //                                            ^ secret

    private val authInterceptor = Interceptor { chain ->
        val request = chain.request().newBuilder()
            .header("X-Service-Token", INTERNAL_SERVICE_TOKEN)
            .header("X-App-Version", BuildConfig.VERSION_NAME)
            .build()
        chain.proceed(request)
    }

    val retrofit: Retrofit = Retrofit.Builder()
        .baseUrl(BASE_URL)
        .client(OkHttpClient.Builder().addInterceptor(authInterceptor).build())
        .addConverterFactory(MoshiConverterFactory.create())
        .build()

    fun geocodeUrl(address: String) =
        "https://maps.googleapis.com/maps/api/geocode/json?address=$address&key=$MAPS_API_KEY"
}
