import CCurl
import Foundation

/// The answer of one `curl_easy_perform`: libcurl's code, the server's last response code
/// (an SMTP reply code or an HTTP status; 0 when none arrived) and the first bytes of the body.
struct CurlResponse {
    var code: CURLcode
    /// The error buffer's text, or `curl_easy_strerror` when the buffer is empty.
    var errorText: String
    var responseCode: Int
    /// How many new connections this transfer opened (0 when it reused one).
    var newConnections: Int
    var body: [UInt8]
    /// The last line the server sent before the body: for SMTP its reply to the message
    /// ("250 2.0.0 Ok: queued as 4F2A1"), for HTTP the last header line.
    var lastReplyLine: String = ""
    /// HTTP: the value of a `Retry-After` header (seconds or an HTTP date), when one came.
    var retryAfter: String?

    var succeeded: Bool { code == CURLE_OK }
    var curlCode: Int { Int(code.rawValue) }
}

/// Options every handle of rectifyd gets; see `EasyHandle.init`.
struct CurlBaseOptions {
    /// `CURLOPT_PROTOCOLS_STR`, e.g. "smtp,smtps".
    var protocols: String
    var transport: Transport
}

/// Why a handle could not be set up (an option libcurl refused, or init failing).
struct CurlSetupError: Error, CustomStringConvertible {
    var description: String
}

/// One libcurl easy handle with everything it points at: the error buffer, the lists given
/// to it, the upload being read and the response being collected. All of it is freed in
/// `deinit`, after `curl_easy_cleanup`, so libcurl never sees freed memory.
///
/// Reusing one handle for several transfers reuses its connection (SMTP sends QUIT only at
/// cleanup). Not `Sendable`: one delivery worker uses it at a time, and `perform()` blocks.
final class EasyHandle {
    private let handle: UnsafeMutableRawPointer
    private let errorBuffer: UnsafeMutablePointer<CChar>
    private var lists: [UInt32: UnsafeMutablePointer<curl_slist>] = [:]
    private var upload: UploadSource?
    private let body: BodySink
    private let headers = HeaderSink()

    /// - Parameter responseLimit: how much of a response body to keep (notifiers need only
    ///   an error message; the control client reads whole answers).
    init(_ options: CurlBaseOptions, responseLimit: Int = 2048) throws(CurlSetupError) {
        body = BodySink(limit: responseLimit)
        if let failure = CurlGlobal.ensureInitialised() {
            throw CurlSetupError(description: "curl_global_init failed: \(failure)")
        }
        guard let handle = curl_easy_init() else { throw CurlSetupError(description: "curl_easy_init failed") }
        self.handle = handle
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)

        try check(rectify_curl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer), "ERRORBUFFER")
        // Signals are process-wide; a library must not use SIGALRM for DNS timeouts.
        try set(CURLOPT_NOSIGNAL, 1)
        try set(CURLOPT_PROTOCOLS_STR, options.protocols)
        try set(CURLOPT_REDIR_PROTOCOLS_STR, options.protocols)
        try set(CURLOPT_FOLLOWLOCATION, 0)
        try set(CURLOPT_CONNECTTIMEOUT_MS, Self.milliseconds(options.transport.connectTimeout))
        try set(CURLOPT_TIMEOUT_MS, Self.milliseconds(options.transport.timeout))
        try set(CURLOPT_USERAGENT, "rectifyd")
        if let caFile = options.transport.caFile { try set(CURLOPT_CAINFO, caFile) }
        if options.transport.insecureSkipVerify {
            try set(CURLOPT_SSL_VERIFYPEER, 0)
            try set(CURLOPT_SSL_VERIFYHOST, 0)
        }
        try route(rectify_curl_setopt_write_function, CURLOPT_WRITEDATA, to: body, "WRITE")
        try route(rectify_curl_setopt_header_function, CURLOPT_HEADERDATA, to: headers, "HEADER")
    }

    /// Sets a write-style callback (`set`: WRITEFUNCTION, HEADERFUNCTION) that hands each chunk
    /// to `sink`, and the callback's data option to the sink itself.
    private func route(
        _ set: (UnsafeMutableRawPointer?, curl_write_callback?) -> CURLcode, _ dataOption: CURLoption, to sink: ChunkSink,
        _ what: String
    ) throws(CurlSetupError) {
        try check(
            set(handle) { data, size, count, context in
                guard let data, let context else { return 0 }
                let sink = Unmanaged<ChunkSink>.fromOpaque(context).takeUnretainedValue()
                sink.take(UnsafeRawBufferPointer(start: data, count: size * count))
                return size * count
            }, what + "FUNCTION")
        try check(rectify_curl_setopt_pointer(handle, dataOption, Unmanaged.passUnretained(sink).toOpaque()), what + "DATA")
    }

    deinit {
        curl_easy_cleanup(handle)
        for list in lists.values { curl_slist_free_all(list) }
        errorBuffer.deallocate()
    }

    func set(_ option: CURLoption, _ value: Int) throws(CurlSetupError) {
        try check(rectify_curl_setopt_long(handle, option, value), Self.name(option))
    }

    func set(_ option: CURLoption, _ value: String) throws(CurlSetupError) {
        try check(rectify_curl_setopt_string(handle, option, value), Self.name(option))
    }

    /// Gives libcurl a list (MAIL_RCPT, HTTPHEADER); the previous list of that option is freed
    /// only after libcurl has been told to use the new one.
    func setList(_ option: CURLoption, _ items: [String]) throws(CurlSetupError) {
        var list: UnsafeMutablePointer<curl_slist>?
        for item in items {
            guard let appended = curl_slist_append(list, item) else {
                curl_slist_free_all(list)
                throw CurlSetupError(description: "curl_slist_append failed")
            }
            list = appended
        }
        let result = rectify_curl_setopt_slist(handle, option, list)
        if let old = lists.removeValue(forKey: option.rawValue) { curl_slist_free_all(old) }
        if let list { lists[option.rawValue] = list }
        try check(result, Self.name(option))
    }

    /// Makes the next transfer an upload of `bytes` (SMTP DATA), read through READFUNCTION.
    func setUpload(_ bytes: [UInt8]) throws(CurlSetupError) {
        let source = UploadSource(bytes)
        upload = source
        try check(
            rectify_curl_setopt_read_function(handle) { buffer, size, count, context in
                guard let buffer, let context else { return Int(CURL_READFUNC_ABORT) }
                let source = Unmanaged<UploadSource>.fromOpaque(context).takeUnretainedValue()
                return source.read(into: buffer, capacity: size * count)
            }, "READFUNCTION")
        // Unretained: `upload` keeps the source alive until the next upload or deinit.
        try check(
            rectify_curl_setopt_pointer(handle, CURLOPT_READDATA, Unmanaged.passUnretained(source).toOpaque()),
            "READDATA")
        try check(rectify_curl_setopt_off_t(handle, CURLOPT_INFILESIZE_LARGE, curl_off_t(bytes.count)), "INFILESIZE")
        try set(CURLOPT_UPLOAD, 1)
    }

    /// Makes the next transfer a POST of `bytes`. COPYPOSTFIELDS copies them: plain
    /// POSTFIELDS would keep a pointer into a Swift array that may move or be freed.
    func setPostBody(_ bytes: [UInt8]) throws(CurlSetupError) {
        try check(
            rectify_curl_setopt_off_t(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(bytes.count)), "POSTFIELDSIZE")
        let result = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map {
                rectify_curl_setopt_pointer(handle, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: $0))
            }
                ?? rectify_curl_setopt_string(handle, CURLOPT_COPYPOSTFIELDS, "")
        }
        try check(result, "COPYPOSTFIELDS")
    }

    /// Runs the transfer (blocking) and collects libcurl's verdict and the server's reply code.
    func perform() -> CurlResponse {
        errorBuffer[0] = 0
        upload?.rewind()
        body.reset()
        headers.reset()
        let code = curl_easy_perform(handle)
        var responseCode = 0
        _ = rectify_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &responseCode)
        var connects = 0
        _ = rectify_curl_getinfo_long(handle, CURLINFO_NUM_CONNECTS, &connects)
        var text = String(cString: errorBuffer).trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty && code != CURLE_OK { text = String(cString: curl_easy_strerror(code)) }
        return CurlResponse(
            code: code, errorText: text, responseCode: responseCode, newConnections: connects, body: body.bytes,
            lastReplyLine: headers.lastLine, retryAfter: headers.retryAfter)
    }

    private func check(_ code: CURLcode, _ what: String) throws(CurlSetupError) {
        guard code == CURLE_OK else {
            throw CurlSetupError(description: "libcurl refused \(what): \(String(cString: curl_easy_strerror(code)))")
        }
    }

    private static func milliseconds(_ interval: TimeInterval) -> Int { max(1, Int((interval * 1000).rounded())) }

    private static func name(_ option: CURLoption) -> String { "option \(option.rawValue)" }
}

@available(*, unavailable)
extension EasyHandle: Sendable {}

/// The bytes of an upload and how far libcurl has read them.
private final class UploadSource {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func rewind() { offset = 0 }

    func read(into buffer: UnsafeMutablePointer<CChar>, capacity: Int) -> Int {
        let count = min(capacity, bytes.count - offset)
        guard count > 0 else { return 0 }
        bytes.withUnsafeBufferPointer { source in
            UnsafeMutableRawPointer(buffer).copyMemory(from: source.baseAddress! + offset, byteCount: count)
        }
        offset += count
        return count
    }
}

/// What a write-style callback of libcurl (WRITEFUNCTION, HEADERFUNCTION) hands its chunks to.
private class ChunkSink {
    func take(_ chunk: UnsafeRawBufferPointer) {}
}

/// The first `limit` bytes of a response body (enough for an error message); the rest is dropped.
private final class BodySink: ChunkSink {
    private let limit: Int
    private(set) var bytes: [UInt8] = []

    init(limit: Int) { self.limit = limit }

    func reset() { bytes.removeAll(keepingCapacity: true) }

    override func take(_ chunk: UnsafeRawBufferPointer) {
        let room = limit - bytes.count
        if room > 0 { bytes.append(contentsOf: chunk.prefix(room)) }
    }
}

/// The last non-empty header (SMTP: reply) line, at most 300 bytes of it, and an HTTP
/// `Retry-After` header's value.
private final class HeaderSink: ChunkSink {
    private(set) var lastLine = ""
    private(set) var retryAfter: String?

    func reset() {
        lastLine = ""
        retryAfter = nil
    }

    override func take(_ line: UnsafeRawBufferPointer) {
        let text = String(decoding: line.prefix(300), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { return }
        // A new response (after a 100 Continue) starts its headers afresh.
        if text.hasPrefix("HTTP/") { retryAfter = nil }
        if text.count > 12, text.prefix(12).lowercased() == "retry-after:" {
            retryAfter = text.dropFirst(12).trimmingCharacters(in: .whitespaces)
        }
        lastLine = text
    }
}
