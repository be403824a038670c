import CCmarkGFM
import CLibXML2
import FAQModel

/// Finds the column of each `<a href="…">` on its line, in bytes from 1 as cmark counts:
/// links come in document order, so the search on a line resumes after the last one found
/// (a page written on one line costs one pass, not one per link).
struct LinkColumns {
    private var line = 0
    private var bytes: [UInt8] = []
    private var cursor = 0

    /// nil when the value is not written as is (an entity in it, say).
    mutating func column(of href: String, line n: Int, text: Substring?) -> Int? {
        if n != line {
            line = n
            bytes = text.map { Array($0.utf8) } ?? []
            cursor = 0
        }
        let value = Array(href.utf8)
        let name = Array("href".utf8)
        var i = cursor
        while i + name.count <= bytes.count {
            defer { i += 1 }
            guard zip(bytes[i..<i + name.count], name).allSatisfy({ ($0 | 0x20) == $1 }) else { continue }
            var j = i + name.count
            while j < bytes.count, bytes[j] == 0x20 || bytes[j] == 0x09 { j += 1 }
            guard j < bytes.count, bytes[j] == UInt8(ascii: "=") else { continue }
            j += 1
            while j < bytes.count, bytes[j] == 0x20 || bytes[j] == 0x09 { j += 1 }
            if j < bytes.count, bytes[j] == UInt8(ascii: "\"") || bytes[j] == UInt8(ascii: "'") { j += 1 }
            guard j + value.count <= bytes.count, bytes[j..<j + value.count].elementsEqual(value) else { continue }
            guard let open = bytes[..<i].lastIndex(of: UInt8(ascii: "<")) else { return nil }
            cursor = j + value.count
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
        var columns = LinkColumns()
        LibXMLDocument.withDocument(html) { doc in
            guard let doc, let root = xmlDocGetRootElement(doc) else { return }
            XMLWalk.forEachElement(root) { element in
                guard element.name == "a", let href = element.attribute("href"), href.hasPrefix("#"), href.count > 1 else { return }
                let n = element.line
                var col = columns.column(of: href, line: n, text: lines.line(n)) ?? 1
                if n == 1 { col += column - 1 }
                places.append(AnchorCheck.Place(url: href, location: SourceLocation(file: file, line: line + n - 1, column: col)))
            }
        }
        return places
    }
}

/// Visits the nodes under a node in document order without recursion (raw HTML can nest
/// tens of thousands deep).
enum XMLWalk {
    /// The text of each text node under `root`, until `body` returns false.
    static func forEachText(_ root: XMLNode, _ body: (String) -> Bool) {
        var more = true
        forEachNode(root) { node in
            guard more else { return false }
            if node.isText { more = body(node.pointee.content.map { String(cString: $0) } ?? "") }
            return more
        }
    }

    static func forEachElement(_ root: XMLNode, _ body: (XMLNode) -> Void) {
        forEachNode(root) { node in
            if node.isElement { body(node) }
            return true
        }
    }

    private static func forEachNode(_ root: XMLNode, _ body: (XMLNode) -> Bool) {
        var node: XMLNode? = root
        while let current = node {
            guard body(current) else { return }
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
