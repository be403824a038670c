import FAQModel

/// The Liquid a Jekyll page carries. Resolved as Jekyll would (`LiquidTags.swift`):
/// `{% link %}`, `{% post_url %}`, `{{ site.url }}`, `{{ site.baseurl }}`, `{{ page.url }}`
/// and string literals through `relative_url`/`absolute_url`; any other tag or output is
/// removed with a warning.
struct Liquid {
    let context: JekyllPageContext
    var file: String
    var lineOffset: Int
    var diagnostics: [Diagnostic] = []
    /// Where the text written so far ended right after `{{ site.baseurl }}` (in UTF-8
    /// bytes), so a `{% link %}` just after it does not repeat the base (`LiquidTags`).
    var baseURLEnd: Int?
    /// The length of the text written so far, in UTF-8 bytes.
    var written = 0

    init(context: JekyllPageContext, file: String, lineOffset: Int) {
        self.context = context
        self.file = file
        self.lineOffset = lineOffset
    }

    /// One linear pass over the UTF-8 bytes; text without `{{` or `{%` is returned unchanged
    /// (no copy, no Foundation search on the whole document).
    ///
    /// A `{{` or `{%` not closed before the next blank line is text (with a warning): an
    /// unclosed tag must not swallow the questions after it. `{% raw %}…{% endraw %}` is
    /// kept as written and `{% comment %}…{% endcomment %}` removed, as Jekyll does.
    ///
    /// Linear however the text is made: an unclosed opening remembers where its search
    /// stopped (a later one of the same kind before that point cannot close either), a
    /// block without its end tag is looked for once, and line and column are counted
    /// incrementally. Removed text keeps its line breaks, so later positions stay right.
    mutating func resolve(_ text: Substring) -> Substring {
        let bytes = text.utf8
        guard let first = Self.opening(in: bytes, from: bytes.startIndex) else { return text }
        var out = String(text[..<first])
        out.reserveCapacity(bytes.count)
        var lines = LineCounter(text: text, lineOffset: lineOffset)
        var cursor = first
        var unclosedUntil: [Bool: Substring.UTF8View.Index] = [:]  // by `isTag`
        var endless: Set<String> = []  // block tags whose end tag is not in the text
        while let open = Self.opening(in: bytes, from: cursor) {
            out += text[cursor..<open]
            let isTag = bytes[bytes.index(after: open)] == UInt8(ascii: "%")
            let bodyStart = bytes.index(open, offsetBy: 2)
            var close: Substring.UTF8View.Index?
            if let bound = unclosedUntil[isTag], open < bound {
                close = nil  // the same stretch as an opening already reported
            } else {
                let found = Self.closing(in: bytes, from: bodyStart, tag: isTag)
                close = found.close
                if close == nil {
                    unclosedUntil[isTag] = found.stop
                    let what = isTag ? "tag '{%'" : "output '{{'"
                    diagnostics.append(.warning("Liquid \(what) is not closed before the next blank line and is kept as text", at: lines.location(of: open, file: file)))
                }
            }
            guard let close else {
                out += text[open..<bodyStart]
                cursor = bodyStart
                continue
            }
            let inner = Self.innerText(text[bodyStart..<close])
            var end = bytes.index(close, offsetBy: 2)
            var replacement: Substring = ""
            if isTag, let block = Self.literalBlocks[inner] {
                if !endless.contains(block.end), let (endOpen, endClose) = Self.endTag(block.end, in: text, from: end) {
                    if block.keep { replacement = text[end..<endOpen] }
                    end = endClose
                } else {
                    endless.insert(block.end)
                    diagnostics.append(.warning("Liquid '{% \(inner) %}' has no '{% \(block.end) %}' and was removed", at: lines.location(of: open, file: file)))
                }
            } else {
                let location = lines.location(of: open, file: file)
                written = out.utf8.count
                replacement = (isTag ? tag(inner, at: location) : output(inner, at: location))[...]
            }
            out += replacement
            // A tag or block on lines of its own (a comment block) keeps its line breaks, so
            // later positions stay right; inside a paragraph they go, as in Jekyll (they
            // could turn into a blank line and split the paragraph).
            let dropped = Self.newlines(text[open..<end]) - Self.newlines(replacement)
            if dropped > 0, Self.standsAlone(text, from: open, to: end) { out += String(repeating: "\n", count: dropped) }
            cursor = end
        }
        out += text[cursor...]
        return out[...]
    }

    /// A tag's words without Liquid's whitespace-control dashes (`{%- raw -%}`).
    private static func innerText(_ body: Substring) -> String {
        var inner = Substring(body.trimmingWhitespace())
        if inner.hasPrefix("-") { inner = inner.dropFirst() }
        if inner.hasSuffix("-") { inner = inner.dropLast() }
        return inner.trimmingWhitespace()
    }

    /// Only blanks between the line start and `start`, and between `end` and the line end.
    private static func standsAlone(_ text: Substring, from start: Substring.Index, to end: Substring.Index) -> Bool {
        let before = text.utf8[..<start].reversed().prefix { $0 != UInt8(ascii: "\n") }
        let after = text.utf8[end...].prefix { $0 != UInt8(ascii: "\n") }
        let blank: (UInt8) -> Bool = { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r") }
        return before.allSatisfy(blank) && after.allSatisfy(blank)
    }

    private static func newlines(_ text: Substring) -> Int {
        text.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
    }

    /// Block tags whose body is not Liquid: kept as text (`raw`) or removed (`comment`).
    private static let literalBlocks: [String: (end: String, keep: Bool)] = [
        "raw": ("endraw", true), "comment": ("endcomment", false),
    ]

    /// The next `{% name %}` (any spacing) from `start`: where it opens and where it ends.
    private static func endTag(_ name: String, in text: Substring, from start: Substring.Index) -> (Substring.Index, Substring.Index)? {
        let bytes = text.utf8
        var i = start
        var unclosedUntil = start
        while let open = opening(in: bytes, from: i) {
            let bodyStart = bytes.index(open, offsetBy: 2)
            i = bodyStart
            guard bytes[bytes.index(after: open)] == UInt8(ascii: "%"), open >= unclosedUntil else { continue }
            let found = closing(in: bytes, from: bodyStart, tag: true)
            guard let close = found.close else {
                unclosedUntil = found.stop
                continue
            }
            if innerText(text[bodyStart..<close]) == name { return (open, bytes.index(close, offsetBy: 2)) }
        }
        return nil
    }

    /// Line and column of positions met in increasing order (newlines counted once).
    private struct LineCounter {
        let text: Substring
        var line: Int
        var counted: Substring.Index
        /// Scalars between the start of the line and `counted`.
        var column = 0

        init(text: Substring, lineOffset: Int) {
            self.text = text
            line = 1 + lineOffset
            counted = text.startIndex
        }

        mutating func location(of index: Substring.Index, file: String) -> SourceLocation {
            var i = counted
            let utf8 = text.utf8
            while i < index {
                let byte = utf8[i]
                if byte == UInt8(ascii: "\n") {
                    line += 1
                    column = 0
                } else if byte & 0xC0 != 0x80 {  // a scalar starts here
                    column += 1
                }
                i = utf8.index(after: i)
            }
            counted = index
            return SourceLocation(file: file, line: line, column: column + 1)
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
    /// comes first, with where the search stopped.
    private static func closing(in bytes: Substring.UTF8View, from start: Substring.UTF8View.Index, tag: Bool)
        -> (close: Substring.UTF8View.Index?, stop: Substring.UTF8View.Index) {
        let first = tag ? UInt8(ascii: "%") : UInt8(ascii: "}")
        var i = start
        var lineBlank = false  // only spaces since the last newline
        while i < bytes.endIndex {
            let byte = bytes[i]
            let next = bytes.index(after: i)
            if byte == UInt8(ascii: "\n") {
                if lineBlank { return (nil, i) }
                lineBlank = true
            } else if byte == first, next < bytes.endIndex, bytes[next] == UInt8(ascii: "}") {
                return (i, i)
            } else if byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t") && byte != UInt8(ascii: "\r") {
                lineBlank = false
            }
            i = next
        }
        return (nil, bytes.endIndex)
    }

    /// A tag's text for a one-line message: its first line, at most 60 characters.
    static func excerpt(_ body: String) -> String {
        let line = body.prefix { $0 != "\n" && $0 != "\r" }
        return line.count > 60 || line.endIndex < body.endIndex ? String(line.prefix(60)) + "…" : body
    }
}
