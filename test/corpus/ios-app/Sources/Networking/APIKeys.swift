import Foundation

enum APIKeys {
    // Mixpanel project token: public by design, it only identifies the project.
    static let mixpanelToken = "a72d3e42d0a7c447da78d1b11dffd412"
    // RevenueCat public SDK key (safe in the app binary)
    static let revenueCat = "appl_Yq0yoN0w0SfNuc8UkfiA32yR"
    // Private Algolia admin key. Shipped by mistake in 4.2; rotated in 4.3?
    static let algoliaAdmin = "ee269ea711eac99833275a8551d5af23"
    //                           ^ secret
}

struct APIClient {
    let baseURL = URL(string: "https://api.acme.io")!
    let session: URLSession = .shared

    func request(_ path: String, token: String) -> URLRequest {
        var req = URLRequest(url: baseURL.appendingPathComponent(path))
        req.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        return req
    }
}
