/// The lines of a Markdown body, found by number (1-based, as cmark counts them), for what
/// the parsed tree no longer holds: a heading's source text, a kramdown IAL line after a
/// paragraph rendered through HTML. Built once per document, only when needed.
struct SourceLines: Sendable {
    private let text: Substring
    private let starts: [String.Index]

    init(_ text: Substring) {
        self.text = text
        var starts = [text.startIndex]
        let utf8 = text.utf8
        var i = utf8.startIndex
        while let newline = utf8[i...].firstIndex(of: 0x0A) {
            i = utf8.index(after: newline)
            starts.append(i)
        }
        self.starts = starts
    }

    /// Line `n` without its line ending; nil past the end.
    func line(_ n: Int) -> Substring? {
        guard n >= 1, n <= starts.count else { return nil }
        let start = starts[n - 1]
        var end = n < starts.count ? text.utf8.index(before: starts[n]) : text.endIndex
        if end > start, text.utf8[text.utf8.index(before: end)] == 0x0D { end = text.utf8.index(before: end) }
        return text[start..<max(start, end)]
    }

    /// The source of a Markdown heading spanning lines `first...last`, as Goldmark and
    /// kramdown slug it: an ATX heading's text without its `#` markers, or a setext
    /// heading's last text line; trimmed, the attribute block removed.
    func headingSource(first: Int, last: Int) -> String? {
        guard let opening = line(first) else { return nil }
        var text: String
        if let atx = Self.atxContent(opening) {
            text = atx
        } else {
            // cmark ends a setext heading at the blank line after its underline.
            var n = last
            while n > first, let line = line(n), line.allSatisfy(\.isWhitespace) { n -= 1 }
            if n > first, let underline = line(n)?.trimmingWhitespace(), !underline.isEmpty,
               underline.allSatisfy({ $0 == "=" }) || underline.allSatisfy({ $0 == "-" }) {
                n -= 1
            }
            guard let content = line(n) else { return nil }
            text = content.trimmingWhitespace()
        }
        if let stripped = AttributeBlock.trailing(in: text) { text = stripped.text }
        return text
    }

    /// The text of an ATX heading line (`## Title ##`), or nil when the line is not one.
    static func atxContent(_ line: Substring) -> String? {
        var rest = line.drop { $0 == " " }
        guard line.count - rest.count <= 3 else { return nil }
        let hashes = rest.prefix { $0 == "#" }
        guard (1...6).contains(hashes.count) else { return nil }
        rest = rest.dropFirst(hashes.count)
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
        var content = Substring(rest.trimmingWhitespace())
        // A closing sequence: #s preceded by a space (or the whole content).
        let closing = content.reversed().prefix { $0 == "#" }.count
        if closing > 0 {
            let before = content.dropLast(closing)
            if before.isEmpty || before.last == " " || before.last == "\t" { content = Substring(before.trimmingWhitespace()) }
        }
        return String(content)
    }
}
