import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Small helpers over Foundation's streaming `XMLParser` for the parts of Office files that
/// are read whole: relationships, the workbook's sheet list, styles.
enum XMLElements {
    struct Element {
        var name: String
        var attributes: [String: String]
    }

    /// Every element named in `names` (local names: "sheet" matches "x:sheet"), with its
    /// attributes, in document order; `part` is the part's path in `file`, for the error.
    static func collect(_ data: Data, names: Set<String>, part: String, file: String) throws(LedgerError) -> [Element] {
        let collector = Collector(names: names)
        try parse(data, with: collector, part: part, file: file)
        return collector.found
    }

    /// Runs Foundation's parser over a part with `delegate`. A part that is not well-formed
    /// XML throws, naming the part and the line where it breaks off: what was read before that
    /// line is only some of the part (a truncated shared-strings part left the rows after it
    /// without their text, and read as a different plan). On Linux `parse()` returns true for a
    /// document that stops short; `parserError` says so.
    static func parse(
        _ data: Data, with delegate: some XMLParserDelegate, part: String, file: String, place: String? = nil
    ) throws(LedgerError) {
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        guard parser.parse(), parser.parserError == nil else {
            throw LedgerError(
                file: file, place: place,
                "\(part) is damaged near line \(parser.lineNumber): the file cannot be read whole; open it in the program that made it and save it again.")
        }
    }

    /// "x:sheet" → "sheet".
    static func local(_ name: String) -> String {
        guard let colon = name.lastIndex(of: ":") else { return name }
        return String(name[name.index(after: colon)...])
    }

    private final class Collector: NSObject, XMLParserDelegate {
        let names: Set<String>
        var found: [Element] = []

        init(names: Set<String>) { self.names = names }

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            let name = XMLElements.local(elementName)
            if names.contains(name) { found.append(Element(name: name, attributes: attributes)) }
        }
    }
}
