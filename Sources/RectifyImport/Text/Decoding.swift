import Foundation

/// Decodes report bytes: UTF-8 (with or without a BOM), UTF-16 with a BOM, else GB18030 (which
/// also reads GBK and GB2312, common in office files).
public enum ReportDecoding {
    public enum Encoding: String, Sendable {
        case utf8 = "UTF-8"
        case utf16 = "UTF-16"
        case gb18030 = "GB18030"
    }

    /// CoreFoundation's kCFStringEncodingGB_18030_2000 as a Foundation encoding.
    static let gb18030 = String.Encoding(rawValue: 0x8000_0632)

    public static func decode(_ data: Data) -> (text: String, encoding: Encoding)? {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return strictUTF8(bytes.dropFirst(3)).map { ($0, .utf8) }
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return String(data: data, encoding: .utf16).map { ($0, .utf16) }
        }
        if let text = strictUTF8(bytes[...]) { return (text, .utf8) }
        if let text = String(data: data, encoding: gb18030), !text.isEmpty { return (text, .gb18030) }
        return nil
    }

    /// UTF-8 or nil: no replacement characters that the bytes did not spell out.
    static func strictUTF8(_ bytes: ArraySlice<UInt8>) -> String? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var scalars = String.UnicodeScalarView()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): scalars.append(scalar)
            case .emptyInput: return String(scalars)
            case .error: return nil
            }
        }
    }
}
