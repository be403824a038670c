import CCmarkGFM
import CLibXML2
import FAQModel

/// The column of the `<a` whose `href` is `href`, the `occurrence`-th such on `line`
/// (0-based), in bytes from 1 as cmark counts; nil when the value is not written as is
/// (an entity in it, say).
enum LinkColumn {
    static func find(_ href: String, in line: Substring, occurrence: Int) -> Int? {
        let bytes = Array(line.utf8)
        let value = Array(href.utf8)
        let name = Array("href".utf8)
        var seen = 0
        var i = 0
        while i + name.count <= bytes.count {
            defer { i += 1 }
            guard zip(bytes[i..<i + name.count], name).allSatisfy({ ($0 | 0x20) == $1 }) else { continue }
            var j = i + name.count
            while j < bytes.count, bytes[j] == 0x20 || bytes[j] == 0x09 { j += 1 }
            guard j < bytes.count, bytes[j] == UInt8(ascii: "=") else { continue }
            j += 1
            while j < bytes.count, bytes[j] == 0x20 || bytes[j] == 0x09 { j += 1 }
            if j < bytes.count, bytes[j] == UInt8(ascii: "\"") || bytes[j] == UInt8(ascii: "'") { j += 1 }
            guard j + value.count <= bytes.count, Array(bytes[j..<j + value.count]) == value else { continue }
            if seen < occurrence {
                seen += 1
                continue
            }
            guard let open = bytes[..<i].lastIndex(of: UInt8(ascii: "<")) else { return nil }
            return open + 1
        }
        return nil
    }
}

/// Every `#` link of a Markdown document that takes the HTML path, found in cmark's tree
/// before it is rendered (the rendered HTML has no positions of inlines): Markdown links
/// at their own place, `<a href="#…">` in raw HTML at the line and column of its tag.
enum MarkdownLinkPlaces {
    static func collect(_ root: OpaquePointer, file: String, lineOffset: Int) -> [AnchorCheck.Place] {
        var places: [AnchorCheck.Place] = []
        let iter = cmark_iter_new(root)
        defer { cmark_iter_free(iter) }
        while cmark_iter_next(iter) != CMARK_EVENT_DONE {
            guard cmark_iter_get_event_type(iter) == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iter) else { continue }
            let line = Int(cmark_node_get_start_line(node)), column = Int(max(1, cmark_node_get_start_column(node)))
            switch cmark_node_get_type(node) {
            case CMARK_NODE_LINK:
                let url = MarkdownConverter.string(cmark_node_get_url(node))
                if url.hasPrefix("#"), url.count > 1 {
                    places.append(AnchorCheck.Place(url: url, location: SourceLocation(file: file, line: line + lineOffset, column: column)))
                }
            case CMARK_NODE_HTML_INLINE, CMARK_NODE_HTML_BLOCK:
                let literal = MarkdownConverter.string(cmark_node_get_literal(node))
                guard literal.contains("#"), literal.lowercased().contains("href") else { continue }
                places += rawHTML(literal, file: file, line: line + lineOffset, column: column)
            default:
                break
            }
        }
        return places
    }

    /// The `<a href="#…">` of a piece of raw HTML starting at `line`:`column`.
    static func rawHTML(_ html: String, file: String, line: Int, column: Int) -> [AnchorCheck.Place] {
        let lines = SourceLines(Substring(html))
        var places: [AnchorCheck.Place] = []
        var occurrences: [String: Int] = [:]
        LibXMLDocument.withDocument(html) { doc in
            guard let doc, let root = xmlDocGetRootElement(doc) else { return }
            XMLWalk.forEachElement(root) { element in
                guard element.name == "a", let href = element.attribute("href"), href.hasPrefix("#"), href.count > 1 else { return }
                let n = element.line
                let key = "\(n)\u{0}\(href)"
                let occurrence = occurrences[key, default: 0]
                occurrences[key] = occurrence + 1
                var col = lines.line(n).flatMap { LinkColumn.find(href, in: $0, occurrence: occurrence) } ?? 1
                if n == 1 { col += column - 1 }
                places.append(AnchorCheck.Place(url: href, location: SourceLocation(file: file, line: line + n - 1, column: col)))
            }
        }
        return places
    }
}

/// Visits every element under a node in document order without recursion (raw HTML can
/// nest tens of thousands deep).
enum XMLWalk {
    static func forEachElement(_ root: XMLNode, _ body: (XMLNode) -> Void) {
        var node: XMLNode? = root
        while let current = node {
            if current.isElement { body(current) }
            if let child = current.firstChild {
                node = child
                continue
            }
            var up: XMLNode? = current
            node = nil
            while let u = up, u != root {
                if let next = u.nextSibling {
                    node = next
                    break
                }
                up = u.pointee.parent
            }
        }
    }
}
