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
    ///
    /// A `{{` or `{%` not closed before the next blank line is text (with a warning): an
    /// unclosed tag must not swallow the questions after it. `{% raw %}…{% endraw %}` is
    /// kept as written and `{% comment %}…{% endcomment %}` removed, as Jekyll does.
    mutating func resolve(_ text: Substring) -> Substring {
        let bytes = text.utf8
        guard let first = Self.opening(in: bytes, from: bytes.startIndex) else { return text }
        var out = String(text[..<first])
        out.reserveCapacity(bytes.count)
        var lines = LineCounter(text: text, lineOffset: lineOffset)
        var cursor = first
        while let open = Self.opening(in: bytes, from: cursor) {
            out += text[cursor..<open]
            let isTag = bytes[bytes.index(after: open)] == UInt8(ascii: "%")
            let bodyStart = bytes.index(open, offsetBy: 2)
            guard let close = Self.closing(in: bytes, from: bodyStart, tag: isTag) else {
                let what = isTag ? "tag '{%'" : "output '{{'"
                diagnostics.append(.warning("Liquid \(what) is not closed before the next blank line and is kept as text", at: lines.location(of: open, file: file)))
                out += text[open..<bodyStart]
                cursor = bodyStart
                continue
            }
            let inner = text[bodyStart..<close].trimmingWhitespace()
            var end = bytes.index(close, offsetBy: 2)
            if isTag, let block = Self.literalBlocks[inner] {
                if let (endOpen, endClose) = Self.endTag(block.end, in: text, from: end) {
                    if block.keep { out += text[end..<endOpen] }
                    end = endClose
                } else {
                    diagnostics.append(.warning("Liquid '{% \(inner) %}' has no '{% \(block.end) %}' and was removed", at: lines.location(of: open, file: file)))
                }
            } else {
                let location = lines.location(of: open, file: file)
                out += isTag ? tag(inner, at: location) : output(inner, at: location)
            }
            cursor = end
        }
        out += text[cursor...]
        return out[...]
    }

    /// Block tags whose body is not Liquid: kept as text (`raw`) or removed (`comment`).
    private static let literalBlocks: [String: (end: String, keep: Bool)] = [
        "raw": ("endraw", true), "comment": ("endcomment", false),
    ]

    /// The next `{% name %}` (any spacing) from `start`: where it opens and where it ends.
    private static func endTag(_ name: String, in text: Substring, from start: Substring.Index) -> (Substring.Index, Substring.Index)? {
        let bytes = text.utf8
        var i = start
        while let open = opening(in: bytes, from: i) {
            let bodyStart = bytes.index(open, offsetBy: 2)
            if bytes[bytes.index(after: open)] == UInt8(ascii: "%"),
               let close = closing(in: bytes, from: bodyStart, tag: true) {
                if text[bodyStart..<close].trimmingWhitespace() == name { return (open, bytes.index(close, offsetBy: 2)) }
            }
            i = bodyStart
        }
        return nil
    }

    /// Line and column of positions met in increasing order (newlines counted once).
    private struct LineCounter {
        let text: Substring
        var line: Int
        var counted: Substring.Index
        var lineStart: Substring.Index

        init(text: Substring, lineOffset: Int) {
            self.text = text
            line = 1 + lineOffset
            counted = text.startIndex
            lineStart = text.startIndex
        }

        mutating func location(of index: Substring.Index, file: String) -> SourceLocation {
            var i = counted
            let utf8 = text.utf8
            while i < index {
                if utf8[i] == UInt8(ascii: "\n") {
                    line += 1
                    lineStart = utf8.index(after: i)
                }
                i = utf8.index(after: i)
            }
            counted = index
            return SourceLocation(file: file, line: line, column: text[lineStart..<index].unicodeScalars.count + 1)
        }
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

    /// Where `%}` (or `}}`) closes what starts at `start`; nil when a blank line or the end
    /// comes first.
    private static func closing(in bytes: Substring.UTF8View, from start: Substring.UTF8View.Index, tag: Bool) -> Substring.UTF8View.Index? {
        let first = tag ? UInt8(ascii: "%") : UInt8(ascii: "}")
        var i = start
        var lineBlank = false  // only spaces since the last newline
        while i < bytes.endIndex {
            let byte = bytes[i]
            let next = bytes.index(after: i)
            if byte == UInt8(ascii: "\n") {
                if lineBlank { return nil }
                lineBlank = true
            } else if byte == first, next < bytes.endIndex, bytes[next] == UInt8(ascii: "}") {
                return i
            } else if byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t") && byte != UInt8(ascii: "\r") {
                lineBlank = false
            }
            i = next
        }
        return nil
    }

    private mutating func output(_ expression: String, at location: SourceLocation) -> String {
        switch expression {
        // `site.baseurl` stands for the whole base (url + baseurl, or --base-url), so both
        // `{{ site.baseurl }}/x` and `{{ site.url }}{{ site.baseurl }}/x` give absolute URLs.
        case "site.baseurl": return baseURL
        case "site.url": return ""
        default:
            diagnostics.append(.warning("Liquid output '{{ \(Self.excerpt(expression)) }}' is not supported and was removed", at: location))
            return ""
        }
    }

    private mutating func tag(_ body: String, at location: SourceLocation) -> String {
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
        diagnostics.append(.warning("Liquid tag '{% \(Self.excerpt(body)) %}' is not supported and was removed", at: location))
        return ""
    }

    /// A tag's text for a one-line message: its first line, at most 60 characters.
    private static func excerpt(_ body: String) -> String {
        let line = body.prefix { $0 != "\n" && $0 != "\r" }
        return line.count > 60 || line.endIndex < body.endIndex ? String(line.prefix(60)) + "…" : body
    }
}
