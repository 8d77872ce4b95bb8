import CCurl

/// Decides from libcurl's code and the server's reply whether a failed delivery is worth retrying.
/// Pure: the rules are tested without a network.
enum OutcomeClassifier {
    enum Verdict: Equatable {
        case delivered
        case retryable
        case permanent
    }

    /// SMTP: a 5xx reply is permanent, a 4xx reply transient; without a reply, connection
    /// trouble and timeouts are transient while a refused login or a bad URL is permanent.
    static func smtp(curlCode: Int, responseCode: Int) -> Verdict {
        if curlCode == Int(CURLE_OK.rawValue) { return .delivered }
        switch responseCode {
        case 500..<600: return .permanent
        case 400..<500: return .retryable
        default: break
        }
        return isConfigurationError(curlCode) ? .permanent : .retryable
    }

    /// HTTP: 2xx delivered; 408, 429 and 5xx transient; other 4xx and redirects (which are
    /// not followed) permanent. An HTTP 500 is not a libcurl error, hence the status first.
    static func http(curlCode: Int, status: Int) -> Verdict {
        guard curlCode == Int(CURLE_OK.rawValue) else {
            return isConfigurationError(curlCode) ? .permanent : .retryable
        }
        switch status {
        case 200..<300: return .delivered
        case 408, 429: return .retryable
        case 300..<500: return .permanent
        default: return .retryable
        }
    }

    /// Failures about the receiver rather than the message: once one happens, the rest of a
    /// batch would fail the same way, so it is not tried (and a refused login is not repeated).
    static func affectsWholeBatch(curlCode: Int) -> Bool {
        let codes: [CURLcode] = [
            CURLE_UNSUPPORTED_PROTOCOL, CURLE_URL_MALFORMAT, CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_CONNECT,
            CURLE_OPERATION_TIMEDOUT, CURLE_LOGIN_DENIED, CURLE_USE_SSL_FAILED, CURLE_SSL_CONNECT_ERROR,
            CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CACERT_BADFILE,
        ]
        return codes.contains { Int($0.rawValue) == curlCode }
    }

    private static func isConfigurationError(_ curlCode: Int) -> Bool {
        let codes: [CURLcode] = [CURLE_UNSUPPORTED_PROTOCOL, CURLE_URL_MALFORMAT, CURLE_LOGIN_DENIED]
        return codes.contains { Int($0.rawValue) == curlCode }
    }
}
