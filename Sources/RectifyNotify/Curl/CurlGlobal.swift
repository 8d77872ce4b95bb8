import CCurl

/// libcurl's process-wide setup. `curl_global_init` is not thread-safe and must run once
/// before any handle is made; a `static let` gives exactly that (Swift runs it once, locked).
enum CurlGlobal {
    private static let initResult: CURLcode = curl_global_init(Int(CURL_GLOBAL_DEFAULT))

    /// Initialises libcurl on first use; returns nil when that worked, else libcurl's error text.
    static func ensureInitialised() -> String? {
        let code = initResult
        return code == CURLE_OK ? nil : String(cString: curl_easy_strerror(code))
    }
}
