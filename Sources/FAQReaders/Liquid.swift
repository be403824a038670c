import FAQModel

/// The Liquid a Jekyll page carries: `{{ site.baseurl }}` (and `site.url`) and
/// `{% link path %}` are resolved; any other tag or output is removed with a warning.
struct Liquid {
    /// `site.url` joined with `site.baseurl`, or `--base-url`; "" when unknown.
    var baseURL: String
    /// Permalinks of the inputs, by site-relative path (for `{% link %}`).
    var permalinks: [String: String]
    var file: String
    var lineOffset: Int
    private(set) var diagnostics: [Diagnostic] = []

    init(baseURL: String, permalinks: [String: String], file: String, lineOffset: Int) {
        // `{{ site.baseurl }}{% link x %}` joins with the link's own leading slash.
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.permalinks = permalinks
        self.file = file
        self.lineOffset = lineOffset
    }

    /// One linear pass over the UTF-8 bytes; text without `{{` or `{%` is returned unchanged
    /// (no copy, no Foundation search on the whole document).
    mutating func resolve(_ text: Substring) -> Substring {
        let bytes = text.utf8
        guard let first = Self.opening(in: bytes, from: bytes.startIndex) else { return text }
        var out = String(text[..<first])
        out.reserveCapacity(bytes.count)
        var line = 1 + lineOffset + bytes[..<first].lazy.filter { $0 == UInt8(ascii: "\n") }.count
        var cursor = first
        while let open = Self.opening(in: bytes, from: cursor) {
            let between = text[cursor..<open]
            out += between
            line += between.utf8.lazy.filter { $0 == UInt8(ascii: "\n") }.count
            let isTag = bytes[bytes.index(after: open)] == UInt8(ascii: "%")
            let bodyStart = bytes.index(open, offsetBy: 2)
            guard let close = Self.closing(in: bytes, from: bodyStart, tag: isTag) else {
                cursor = open
                break  // an unclosed `{{` is text
            }
            let inner = text[bodyStart..<close].trimmingWhitespace()
            out += isTag ? tag(inner, line: line) : output(inner, line: line)
            let end = bytes.index(close, offsetBy: 2)
            line += text[open..<end].utf8.lazy.filter { $0 == UInt8(ascii: "\n") }.count
            cursor = end
        }
        out += text[cursor...]
        return out[...]
    }

    private static func opening(in bytes: Substring.UTF8View, from start: Substring.UTF8View.Index) -> Substring.UTF8View.Index? {
        let scanned = bytes.withContiguousStorageIfAvailable { buffer -> Int? in
            var i = bytes.distance(from: bytes.startIndex, to: start)
            while let brace = ByteSearch.first(UInt8(ascii: "{"), in: buffer, from: i) {
                guard brace + 1 < buffer.count else { return nil }
                if buffer[brace + 1] == UInt8(ascii: "{") || buffer[brace + 1] == UInt8(ascii: "%") { return brace }
                i = brace + 1
            }
            return nil
        }
        if let scanned { return scanned.map { bytes.index(bytes.startIndex, offsetBy: $0) } }
        var i = start
        while let brace = bytes[i...].firstIndex(of: UInt8(ascii: "{")) {
            let next = bytes.index(after: brace)
            guard next < bytes.endIndex else { return nil }
            if bytes[next] == UInt8(ascii: "{") || bytes[next] == UInt8(ascii: "%") { return brace }
            i = next
        }
        return nil
    }

    private static func closing(in bytes: Substring.UTF8View, from start: Substring.UTF8View.Index, tag: Bool) -> Substring.UTF8View.Index? {
        let first = tag ? UInt8(ascii: "%") : UInt8(ascii: "}")
        var i = start
        while let candidate = bytes[i...].firstIndex(of: first) {
            let next = bytes.index(after: candidate)
            guard next < bytes.endIndex else { return nil }
            if bytes[next] == UInt8(ascii: "}") { return candidate }
            i = next
        }
        return nil
    }

    private mutating func output(_ expression: String, line: Int) -> String {
        switch expression {
        // `site.baseurl` stands for the whole base (url + baseurl, or --base-url), so both
        // `{{ site.baseurl }}/x` and `{{ site.url }}{{ site.baseurl }}/x` give absolute URLs.
        case "site.baseurl": return baseURL
        case "site.url": return ""
        default:
            diagnostics.append(.warning("Liquid output '{{ \(expression) }}' is not supported and was removed", at: SourceLocation(file: file, line: line)))
            return ""
        }
    }

    private mutating func tag(_ body: String, line: Int) -> String {
        let words = body.split(separator: " ", omittingEmptySubsequences: true)
        if words.first == "link", words.count >= 2 {
            var path = String(words[1])
            if path.hasPrefix("/") { path.removeFirst() }
            if let permalink = permalinks[path] { return permalink }
            if path.hasSuffix(".md") || path.hasSuffix(".markdown") {
                path = String(path[..<path.lastIndex(of: ".")!]) + ".html"
            }
            return "/" + path
        }
        diagnostics.append(.warning("Liquid tag '{% \(body) %}' is not supported and was removed", at: SourceLocation(file: file, line: line)))
        return ""
    }
}
