import CLibXML2

typealias XMLNode = UnsafeMutablePointer<xmlNode>

/// libxml2's HTML parser (HTML4-style repair, never the network); the tree is freed by
/// `withDocument` on every path.
enum LibXMLDocument {
    /// libxml2 must be initialised once before threads use it.
    private static let initialized: Void = xmlInitParser()

    static func withDocument<T>(_ html: String, _ body: (xmlDocPtr?) throws -> T) rethrows -> T {
        _ = initialized
        let options = HTML_PARSE_NONET.rawValue | HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_IGNORE_ENC.rawValue
            // Without HUGE, libxml2 silently drops everything below 256 levels; with it the
            // converter sees the whole tree and flattens what is too deep (with a warning).
            | XML_PARSE_HUGE.rawValue
        var source = html
        let doc = source.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { htmlReadMemory($0.baseAddress, Int32(clamping: $0.count), nil, "UTF-8", Int32(options)) }
        }
        defer { if let doc { xmlFreeDoc(doc) } }
        return try body(doc)
    }
}

extension UnsafeMutablePointer where Pointee == xmlNode {
    /// Lowercased element name (libxml2's HTML parser already lowercases).
    var name: String { pointee.name.map { String(cString: $0) } ?? "" }
    var isElement: Bool { pointee.type == XML_ELEMENT_NODE }
    var isText: Bool { pointee.type == XML_TEXT_NODE || pointee.type == XML_CDATA_SECTION_NODE }
    var firstChild: XMLNode? { pointee.children }
    var nextSibling: XMLNode? { pointee.next }

    func attribute(_ name: String) -> String? {
        guard let value = xmlGetProp(self, name) else { return nil }
        defer { faq_xml_free(value) }
        return String(cString: value)
    }

    /// All text below the node (libxml2 walks it without recursion).
    var textContent: String {
        guard let value = xmlNodeGetContent(self) else { return "" }
        defer { faq_xml_free(value) }
        return String(cString: value)
    }

    var line: Int { Int(xmlGetLineNo(self)) }

    var children: ChildSequence { ChildSequence(first: pointee.children) }
}

struct ChildSequence: Sequence, IteratorProtocol {
    var first: XMLNode?
    mutating func next() -> XMLNode? {
        defer { first = first?.pointee.next }
        return first
    }
}
