import Foundation
import MultipartKit
import NIOCore

/// A file in a multipart form, as sent.
public struct UploadedFile: Sendable {
    /// The form field it came in.
    public var field: String
    /// The file name the browser gave (may hold a path, quotes or anything: see `EvidenceFile.cleanName`).
    public var filename: String
    public var contentType: String?
    public var data: Data
}

/// Why a form was refused (a 400 or 413 the page explains).
public struct FormError: Error, Equatable, Sendable {
    public var message: String
    public var tooLarge: Bool = false

    public init(_ message: String, tooLarge: Bool = false) {
        self.message = message
        self.tooLarge = tooLarge
    }
}

/// A submitted form: its text fields and files. `application/x-www-form-urlencoded` is read
/// here; `multipart/form-data` through MultipartKit's parser.
public struct FormData: Sendable {
    public var fields: [String: String] = [:]
    public var files: [UploadedFile] = []

    public init(fields: [String: String] = [:], files: [UploadedFile] = []) {
        self.fields = fields
        self.files = files
    }

    public subscript(_ name: String) -> String? { fields[name] }

    /// A field's text, trimmed; nil when missing or blank.
    public func text(_ name: String) -> String? {
        guard let value = fields[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        return value
    }

    /// Reads a body by its Content-Type; files only in multipart forms, at most `maxFiles`,
    /// each at most `fileLimit` bytes (a larger one is refused whole, not cut).
    public static func parse(contentType: String?, body: Data, maxFiles: Int, fileLimit: Int) throws(FormError) -> FormData {
        let type = (contentType ?? "").lowercased()
        if type.hasPrefix("application/x-www-form-urlencoded") || (type.isEmpty && !body.contains(0)) {
            return FormData(fields: urlencoded(body))
        }
        guard type.hasPrefix("multipart/form-data") else {
            throw FormError("the form was sent as \(contentType ?? "nothing"); send it from the page's form")
        }
        guard let boundary = parameter("boundary", in: contentType ?? ""), !boundary.isEmpty, boundary.count <= 200 else {
            throw FormError("the form has no multipart boundary")
        }
        return try multipart(body, boundary: boundary, maxFiles: maxFiles, fileLimit: fileLimit)
    }

    /// `a=1&b=%E5%85%AC` (a `+` is a space); a name given twice keeps the first value.
    public static func urlencoded(_ body: Data) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in String(decoding: body, as: UTF8.self).split(separator: "&") {
            let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decode = { (s: Substring) in
                String(s).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(s)
            }
            let name = decode(kv[0])
            if fields[name] == nil { fields[name] = kv.count > 1 ? decode(kv[1]) : "" }
        }
        return fields
    }

    static func multipart(_ body: Data, boundary: String, maxFiles: Int, fileLimit: Int) throws(FormError) -> FormData {
        let parser = MultipartParser(boundary: boundary)
        var form = FormData()
        var headers: [String: String] = [:]
        var current = Data()
        var overLimit: String?
        var completeParts = 0
        parser.onHeader = { name, value in headers[name.lowercased()] = value }
        parser.onBody = { buffer in
            if current.count + buffer.readableBytes > fileLimit + 1 {
                overLimit = overLimit ?? (headers["content-disposition"].flatMap { parameter("filename", in: $0) } ?? "")
                buffer.moveReaderIndex(forwardBy: buffer.readableBytes)
                return
            }
            current.append(contentsOf: buffer.readableBytesView)
            buffer.moveReaderIndex(forwardBy: buffer.readableBytes)
        }
        var failure: FormError?
        parser.onPartComplete = {
            completeParts += 1
            defer {
                headers = [:]
                current = Data()
            }
            guard failure == nil, let disposition = headers["content-disposition"], let name = parameter("name", in: disposition)
            else { return }
            if let filename = parameter("filename", in: disposition) {
                if filename.isEmpty && current.isEmpty { return }  // an empty file input
                if form.files.count >= maxFiles {
                    failure = FormError("at most \(maxFiles) files at once", tooLarge: true)
                    return
                }
                form.files.append(UploadedFile(field: name, filename: filename, contentType: headers["content-type"], data: current))
            } else if form.fields[name] == nil {
                form.fields[name] = String(decoding: current, as: UTF8.self)
            }
        }
        do {
            try parser.execute([UInt8](body))
        } catch {
            throw FormError("the form could not be read (\(error))")
        }
        if let overLimit {
            throw FormError("“\(EvidenceFile.cleanName(overLimit))” is larger than \(fileLimit / 1024 / 1024 > 0 ? "\(fileLimit / 1024 / 1024) MB" : "\(fileLimit / 1024) KB")", tooLarge: true)
        }
        if let failure { throw failure }
        guard completeParts > 0, body.suffix(boundary.utf8.count + 8).range(of: Data(("--" + boundary + "--").utf8)) != nil else {
            throw FormError("the form arrived incomplete; send it again")
        }
        return form
    }

    /// A parameter of a header value: `form-data; name="note"; filename="a.pdf"` → name = note.
    /// RFC 5987's `filename*=UTF-8''…` wins over `filename` when both are there.
    static func parameter(_ name: String, in header: String) -> String? {
        var plain: String?
        var extended: String?
        var rest = Substring(header)
        while let semicolon = rest.firstIndex(of: ";") {
            rest = rest[rest.index(after: semicolon)...]
            let trimmed = rest.drop { $0 == " " || $0 == "\t" }
            guard let equals = trimmed.firstIndex(of: "=") else { break }
            let key = trimmed[..<equals].lowercased()
            var valueStart = trimmed[trimmed.index(after: equals)...]
            var value: String
            if valueStart.first == "\"" {
                valueStart = valueStart.dropFirst()
                var out = ""
                var index = valueStart.startIndex
                while index < valueStart.endIndex, valueStart[index] != "\"" {
                    if valueStart[index] == "\\", valueStart.index(after: index) < valueStart.endIndex { index = valueStart.index(after: index) }
                    out.append(valueStart[index])
                    index = valueStart.index(after: index)
                }
                value = out
                rest = index < valueStart.endIndex ? valueStart[valueStart.index(after: index)...] : ""
            } else {
                let end = valueStart.firstIndex(of: ";") ?? valueStart.endIndex
                value = String(valueStart[..<end]).trimmingCharacters(in: .whitespaces)
                rest = valueStart[end...]
            }
            if key == name { plain = value }
            if key == name + "*" {
                let parts = value.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
                if parts.count == 3 { value = String(parts[2]).removingPercentEncoding ?? value }
                extended = value
            }
        }
        return extended ?? plain
    }
}
