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
    /// attributes, in document order.
    static func collect(_ data: Data, names: Set<String>) -> [Element] {
        let collector = Collector(names: names)
        let parser = XMLParser(data: data)
        parser.delegate = collector
        _ = parser.parse()
        return collector.found
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
