/// Serializes an `XHTMLNode` tree as XML (polyglot XHTML5) into one reserved byte buffer.
///
/// This is the only place where escaping happens, in a single pass per string:
/// - `&` `<` `>` everywhere, `"` in attribute values (always double-quoted);
/// - characters XML 1.0 does not allow are dropped: C0 controls other than tab, LF and CR,
///   U+FFFE and U+FFFF (lone surrogates cannot occur in a Swift `String`). DEL and the C1
///   controls (U+007F–U+009F), allowed but "discouraged" by XML 1.0, are dropped as well;
/// - CR is written as `&#13;` so a parser's end-of-line normalization cannot change it.
///
/// Layout: a newline goes before the start tag of every block-level element (never inside
/// `<pre>`), so golden files diff line by line while inline content stays untouched.
struct XHTMLSerializer {
    private(set) var bytes: [UInt8] = []
    private var preDepth = 0

    init(capacity: Int = 1 << 14) { bytes.reserveCapacity(capacity) }

    /// `<?xml …?>` and `<!DOCTYPE html>` followed by `root`, ending with a newline.
    static func document(_ root: XHTMLNode, capacity: Int = 1 << 14) -> String {
        var s = XHTMLSerializer(capacity: capacity)
        s.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>")  // the root element starts a line
        s.write(root)
        s.raw("\n")
        return s.string
    }

    /// An XML document that is not HTML (OPF, container.xml): declaration, then `root`.
    static func xmlDocument(_ root: XHTMLNode) -> String {
        var s = XHTMLSerializer()
        s.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        s.write(root)
        s.raw("\n")
        return s.string
    }

    /// A fragment: the nodes one after another, without declaration (leading newline trimmed).
    static func fragment(_ nodes: [XHTMLNode]) -> String {
        String(decoding: fragmentBytes(nodes), as: UTF8.self)
    }

    /// `fragment` as UTF-8.
    static func fragmentBytes(_ nodes: [XHTMLNode]) -> [UInt8] {
        var s = XHTMLSerializer(capacity: 1024)
        for node in nodes { s.write(node) }
        if s.bytes.first == 0x0A { s.bytes.removeFirst() }
        return s.bytes
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }

    mutating func write(_ node: XHTMLNode) {
        switch node {
        case .text(let text): escape(text, attribute: false)
        case .element(let element): write(element)
        }
    }

    /// Writes an element; returns whether it is block-level (looked up once per element).
    @discardableResult
    private mutating func write(_ e: XHTMLElement) -> Bool {
        let block = Self.blockElements.contains(e.name)
        if block, preDepth == 0, !bytes.isEmpty { bytes.append(0x0A) }
        bytes.append(0x3C)
        raw(e.name)
        for a in e.attributes {
            bytes.append(0x20)
            raw(a.name)
            raw("=\"")
            escape(a.value, attribute: true)
            bytes.append(0x22)
        }
        if e.children.isEmpty, Self.voidElements.contains(e.name) {
            raw("/>")
            return block
        }
        bytes.append(0x3E)
        if e.name == "pre" { preDepth += 1 }
        var lastWasBlock = false
        for child in e.children {
            switch child {
            case .text(let text):
                escape(text, attribute: false)
                lastWasBlock = false
            case .element(let c):
                lastWasBlock = write(c)
            }
        }
        if e.name == "pre" { preDepth -= 1 }
        if lastWasBlock, preDepth == 0 { bytes.append(0x0A) }
        raw("</")
        raw(e.name)
        bytes.append(0x3E)
        return block
    }

    /// Markup the serializer writes itself (names, punctuation): never user text.
    private mutating func raw(_ s: String) { bytes.append(contentsOf: s.utf8) }

    private mutating func escape(_ s: String, attribute: Bool) {
        var s = s
        s.withUTF8 { buf in
            let n = buf.count
            var i = 0, start = 0
            while i < n {
                let b = buf[i]
                let replacement: StaticString
                var width = 1
                switch b {
                case 0x26: replacement = "&amp;"
                case 0x3C: replacement = "&lt;"
                case 0x3E: replacement = "&gt;"
                case 0x22 where attribute: replacement = "&quot;"
                case 0x0D: replacement = "&#13;"
                case 0x09, 0x0A: i += 1; continue
                case 0x00..<0x20, 0x7F: replacement = ""
                case 0xC2 where i + 1 < n && buf[i + 1] >= 0x80 && buf[i + 1] <= 0x9F:
                    replacement = ""; width = 2
                case 0xEF where i + 2 < n && buf[i + 1] == 0xBF && (buf[i + 2] == 0xBE || buf[i + 2] == 0xBF):
                    replacement = ""; width = 3
                default: i += 1; continue
                }
                if start < i { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buf[start..<i])) }
                replacement.withUTF8Buffer { bytes.append(contentsOf: $0) }
                i += width
                start = i
            }
            if start < n { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buf[start..<n])) }
        }
    }

    static let voidElements: Set<String> = ["br", "hr", "meta", "link", "img", "wbr", "col", "rootfile", "itemref", "item"]
    static let blockElements: Set<String> = [
        "html", "head", "body", "title", "meta", "link", "style", "header", "footer", "main", "section", "nav", "article",
        "div", "h1", "h2", "h3", "h4", "h5", "h6", "p", "ul", "ol", "li", "pre", "blockquote", "hr", "table", "thead",
        "tbody", "tr", "th", "td",
        // OPF and container.xml
        "package", "metadata", "manifest", "spine", "item", "itemref", "dc:identifier", "dc:title", "dc:language",
        "dc:description", "dc:subject", "dc:creator", "dc:date", "dc:source", "container", "rootfiles", "rootfile",
    ]
}
