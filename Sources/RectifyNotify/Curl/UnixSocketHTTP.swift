import CCurl
import Foundation

/// HTTP over a local Unix socket through libcurl (`CURLOPT_UNIX_SOCKET_PATH`): how
/// `rectifyctl` talks to the daemon's control socket.
public enum UnixSocketHTTP {
    public struct Response: Sendable {
        public var status: Int
        public var body: Data
    }

    public struct Failure: Error, CustomStringConvertible, Sendable {
        /// libcurl's code: 7 = nothing listens on the socket (or no permission to connect).
        public var curlCode: Int
        public var description: String
    }

    /// Sends one request and returns the status and the whole body (up to 64 MB).
    public static func request(
        socket: String, method: String, path: String, body: Data? = nil, timeout: TimeInterval = 30
    ) throws -> Response {
        let handle = try EasyHandle(
            CurlBaseOptions(protocols: "http", transport: Transport(connectTimeout: 5, timeout: timeout)),
            responseLimit: 64 << 20)
        try handle.set(CURLOPT_UNIX_SOCKET_PATH, socket)
        try handle.set(CURLOPT_URL, "http://localhost\(path)")
        try handle.set(CURLOPT_CUSTOMREQUEST, method)
        if let body {
            try handle.setList(CURLOPT_HTTPHEADER, ["Content-Type: application/json", "Expect:"])
            try handle.setPostBody(Array(body))
        } else if method == "POST" {
            try handle.setPostBody([])
        }
        let response = handle.perform()
        guard response.succeeded else {
            throw Failure(curlCode: response.curlCode, description: response.errorText)
        }
        return Response(status: response.responseCode, body: Data(response.body))
    }
}
